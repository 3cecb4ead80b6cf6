package vn.docaxis.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Refuses a body larger than its endpoint allows before a byte of it is read, with a
 * problem+json answer (Quarkus's own limit answers with an empty 413). Limits are per path
 * prefix; the longest matching prefix wins. Bodies sent without Content-Length are still held
 * to {@code quarkus.http.limits.max-body-size}.
 */
@ApplicationScoped
public class RequestSizeLimits {

    /** Just before Quarkus's own upload limit (order -2). */
    private static final int ROUTE_ORDER = -3;

    private final Map<String, Long> byPrefix = new LinkedHashMap<>();

    @Inject
    PlatformConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Instance<BodyLimit> featureLimits;

    /** Gives the endpoints under {@code pathPrefix} their own limit (features with large bodies). */
    public synchronized void limit(String pathPrefix, long maxBytes) {
        byPrefix.put(pathPrefix, maxBytes);
    }

    void install(@Observes Router router) {
        limit("/", config.limits().jsonBody());
        limit("/api/v1/admin/agencies/import", config.limits().importBody());
        limit("/admin/agencies/import", config.limits().importBody()); // the same import from the admin page
        featureLimits.forEach(l -> limit(l.pathPrefix(), l.maxBytes()));
        router.route().order(ROUTE_ORDER).handler(this::check);
    }

    long limitFor(String path) {
        String best = "";
        long limit = config.limits().jsonBody();
        synchronized (this) {
            for (Map.Entry<String, Long> e : byPrefix.entrySet()) {
                if (path.startsWith(e.getKey()) && e.getKey().length() >= best.length()) {
                    best = e.getKey();
                    limit = e.getValue();
                }
            }
        }
        return limit;
    }

    private void check(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            long limit = limitFor(ctx.normalizedPath());
            if (declared < 0 || declared > limit) {
                refuse(ctx, declared < 0 ? "Invalid Content-Length" : "The body has " + declared
                        + " bytes; this endpoint accepts at most " + limit, limit);
                return;
            }
        }
        ctx.next();
    }

    private void refuse(RoutingContext ctx, String detail, long limit) {
        ErrorCode code = ErrorCode.PAYLOAD_TOO_LARGE;
        Problem problem = Problem.of(code, detail, ctx.normalizedPath(), Map.of("maxBytes", limit));
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (Exception e) {
            body = "{\"code\":\"" + code.name() + "\",\"status\":" + code.status() + "}";
        }
        // Closing the connection: the client may still be sending the body we will not read.
        ctx.response().setStatusCode(code.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
