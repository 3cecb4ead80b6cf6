package vn.docaxis.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Only callers holding one of these roles reach the endpoint. Checked by {@link ApiAuthorization}
 * before the body is read, so a refused caller learns nothing from validation errors.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequireRole {
    Role[] value();
}
