package vn.docaxis.platform;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method whose work is CPU and database work, not waiting on a client: it runs only when the
 * {@link WorkGate} grants it a place. Put it on the step after a request body has been read, never
 * on one that reads or writes a client's bytes.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Bounded {
}
