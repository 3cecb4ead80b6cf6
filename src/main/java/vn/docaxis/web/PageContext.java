package vn.docaxis.web;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import vn.docaxis.platform.ErrorCode;
import vn.docaxis.platform.ProblemException;
import vn.docaxis.security.Access;
import vn.docaxis.security.Actor;
import vn.docaxis.security.Role;

/**
 * What every page needs: the signed-in person (or a redirect to the login form), the language,
 * the navigation their roles allow, and the error page. Pages apply the same {@link Access}
 * rules as the API, so a refusal is recorded in the audit trail the same way.
 */
@RequestScoped
public class PageContext {

    static final String LANG_COOKIE = "docaxis-lang";

    @Inject
    SecurityIdentity identity;

    @Inject
    Access access;

    @Inject
    RoutingContext routing;

    @Inject
    Engine engine;

    @Inject
    AgencyNames names;

    /** The signed-in person, or none (a visitor, or a system that authenticated some other way). */
    public Actor person() {
        Actor actor = identity.isAnonymous() ? null : identity.getAttribute(Access.ACTOR_ATTRIBUTE);
        return actor != null && actor.kind() == Actor.Kind.USER ? actor : null;
    }

    /** The signed-in person holding one of the roles; others get the login form or the 403 page. */
    public Actor require(String action, Role... anyOf) {
        Actor actor = person();
        if (actor == null) {
            throw new ProblemException(ErrorCode.UNAUTHENTICATED, "Sign in first");
        }
        if (anyOf.length > 0) {
            access.requireRole(actor, anyOf, action);
        }
        return actor;
    }

    public Lang lang() {
        Cookie cookie = routing.request().getCookie(LANG_COOKIE);
        return cookie == null ? Lang.VI : Lang.of(cookie.getValue()).orElse(Lang.VI);
    }

    public Texts texts() {
        return Texts.of(lang());
    }

    /** A page of {@code templates/web/}, with what the layout needs. */
    public TemplateInstance page(String name) {
        Actor me = person();
        Texts t = texts();
        return engine.getTemplate("web/" + name)
                .data("t", t)
                .data("langTag", t.lang().tag())
                .data("me", me)
                .data("nav", me == null ? List.of() : navigation(me, routing.request().path()))
                .data("here", here())
                .data("narrow", false)
                .data("names", names);
    }

    /** The error page for a refusal, with the problem's code; a visitor is sent to the login form. */
    public Response error(ProblemException e) {
        if (e.code() == ErrorCode.UNAUTHENTICATED || e.code() == ErrorCode.AUTHENTICATION_FAILED) {
            return Response.seeOther(URI.create("/login")).build();
        }
        int status = e.code().status();
        Texts t = texts();
        String title = t.has("error", status) ? t.label("error", status) : t.get("error_title");
        TemplateInstance page = page("error").data("status", status).data("title", title)
                .data("code", e.code().name()).data("detail", e.detail());
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render())
                .cacheControl(noStore()).build();
    }

    /** Pages show people's data: never kept by a browser or a proxy. */
    public static CacheControl noStore() {
        CacheControl cc = new CacheControl();
        cc.setNoStore(true);
        cc.setPrivate(true);
        return cc;
    }

    public Response ok(TemplateInstance page) {
        return Response.ok(page.render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).cacheControl(noStore()).build();
    }

    /** The page, with the status of the refusal it shows (a form sent back with its reason), or 200. */
    public Response answer(ProblemException problem, TemplateInstance page) {
        Response ok = ok(page);
        return problem == null ? ok : Response.fromResponse(ok).status(problem.code().status()).build();
    }

    private String here() {
        String path = routing.request().path();
        String query = routing.request().query();
        return query == null ? path : path + "?" + query;
    }

    /** A link of the navigation; {@code current} when the page shown is it or below it. */
    public record NavItem(String href, String key, boolean current) {
    }

    static List<NavItem> navigation(Actor me, String path) {
        List<String> hrefs = new ArrayList<>(List.of("/documents"));
        if (me.readsEverything()) {
            hrefs.add("/audit");
        }
        if (me.isAdmin()) {
            hrefs.addAll(List.of("/admin", "/admin/agencies", "/admin/systems", "/admin/trust"));
        }
        List<NavItem> items = new ArrayList<>();
        for (String href : hrefs) {
            boolean current = path.equals(href) || (!href.equals("/admin") && path.startsWith(href + "/"));
            items.add(new NavItem(href, "nav_" + (href.equals("/admin") ? "dashboard" : href.substring(href.lastIndexOf('/') + 1)),
                    current));
        }
        return items;
    }
}
