package vn.docaxis.web;

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
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.docaxis.platform.ProblemException;
import vn.docaxis.security.Actor;
import vn.docaxis.security.Role;

/** The people's entrance: the login form (Quarkus form authentication), the home page, the language switch. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PagesResource {

    static final String SESSION_COOKIE = "docaxis-session";

    @Inject
    PageContext pages;

    @GET
    @Path("login")
    @Operation(hidden = true)
    public Response login(@QueryParam("error") String error) {
        return pages.ok(pages.page("login").data("failed", error != null).data("narrow", true));
    }

    @GET
    @Operation(hidden = true)
    public Response home() {
        Actor me = pages.require("pages.home");
        return pages.ok(pages.page("home").data("roles", me.roles().stream().sorted().map(Role::wire).toList())
                .data("agencies", me.agencies().stream().sorted().toList())
                .data("subtrees", me.subtrees().stream().sorted().toList()));
    }

    @POST
    @Path("logout")
    @Operation(hidden = true)
    public Response logout() {
        NewCookie expired = new NewCookie.Builder(SESSION_COOKIE).path("/").maxAge(0).httpOnly(true).build();
        return Response.seeOther(URI.create("/login")).cookie(expired).build();
    }

    /** Switches the pages' language (a cookie, kept a year) and returns to the page it was asked from. */
    @GET
    @Path("lang")
    @Operation(hidden = true)
    public Response language(@QueryParam("to") String to, @QueryParam("back") String back) {
        Lang lang = Lang.of(to).orElse(Lang.VI);
        NewCookie cookie = new NewCookie.Builder(PageContext.LANG_COOKIE).value(lang.tag()).path("/")
                .maxAge((int) Duration.ofDays(365).toSeconds()).sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(URI.create(localPath(back))).cookie(cookie).build();
    }

    /** Only a path of this site: never an open redirect to another host. */
    static String localPath(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")
                || back.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return back;
    }

    @ServerExceptionMapper
    public Response refused(ProblemException e) {
        return pages.error(e);
    }
}
