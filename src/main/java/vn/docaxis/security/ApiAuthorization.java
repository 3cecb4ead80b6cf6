package vn.docaxis.security;

import io.quarkus.security.AuthenticationFailedException;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.docaxis.platform.ErrorCode;
import vn.docaxis.platform.Problems;

/**
 * Authenticates every {@code /api/} call and enforces {@link RequireRole}, before the body is
 * read or validated. Data-dependent rules (which agency) stay with the endpoints, through {@link Access}.
 */
public class ApiAuthorization {

    /** Where the login form posts, and where a failed login returns (application.properties). */
    static final String LOGIN_FORM_POST = "/j_security_check";
    static final String LOGIN_ERROR_PAGE = "/login?error=1";

    @Inject
    Access access;

    @ServerRequestFilter
    public void authorize(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        String action = action(resource.getResourceClass(), method);
        Actor actor = access.authenticated(action);
        RequireRole required = method.getAnnotation(RequireRole.class);
        if (required == null) {
            required = resource.getResourceClass().getAnnotation(RequireRole.class);
        }
        if (required != null) {
            access.requireRole(actor, required.value(), action);
        }
    }

    /**
     * Wrong credentials: already recorded by {@link PrincipalIdentityProvider}; the cause is not
     * disclosed. A failed login form goes back to the form, everything else gets problem+json.
     */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        if (LOGIN_FORM_POST.equals(uri.getPath())) {
            return Response.status(Response.Status.FOUND).location(URI.create(LOGIN_ERROR_PAGE)).build();
        }
        return Problems.response(ErrorCode.AUTHENTICATION_FAILED, "Unknown name, wrong secret, or disabled account",
                uri.getPath());
    }

    /** "AgencyAdminResource.create" → "agency-admin.create": stable names for the audit trail. */
    static String action(Class<?> resourceClass, Method method) {
        String type = resourceClass.getSimpleName().replaceAll("_Subclass$", "").replaceAll("Resource$", "");
        return type.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT) + "." + method.getName();
    }
}
