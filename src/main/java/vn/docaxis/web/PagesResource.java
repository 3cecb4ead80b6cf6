package vn.docaxis.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.docaxis.security.Access;
import vn.docaxis.security.Actor;
import vn.docaxis.security.Role;

/** The people's entrance: the login form (Quarkus form authentication) and the signed-in home page. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PagesResource {

    static final String SESSION_COOKIE = "docaxis-session";

    @Inject
    SecurityIdentity identity;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed);

        static native TemplateInstance home(Actor actor, List<String> roles);
    }

    @GET
    @Path("login")
    @Operation(hidden = true)
    public TemplateInstance login(@QueryParam("error") String error) {
        return Templates.login(error != null);
    }

    @GET
    @Operation(hidden = true)
    public Response home() {
        Actor actor = identity.isAnonymous() ? null : identity.getAttribute(Access.ACTOR_ATTRIBUTE);
        if (actor == null || actor.kind() != Actor.Kind.USER) {
            return Response.seeOther(URI.create("/login")).build();
        }
        List<String> roles = actor.roles().stream().sorted().map(Role::wire).toList();
        return Response.ok(Templates.home(actor, roles)).build();
    }

    @POST
    @Path("logout")
    @Operation(hidden = true)
    public Response logout() {
        NewCookie expired = new NewCookie.Builder(SESSION_COOKIE).path("/").maxAge(0).httpOnly(true).build();
        return Response.seeOther(URI.create("/login")).cookie(expired).build();
    }
}
