package vn.docaxis.platform;

import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Builds problem+json responses; the one place that knows the wire form of an error. */
public final class Problems {

    static final String RETRY_AFTER_SECONDS = "5";

    private Problems() {
    }

    public static Response response(ErrorCode code, String detail, String instance) {
        return response(code, detail, instance, Map.of());
    }

    public static Response response(ErrorCode code, String detail, String instance, Map<String, Object> extensions) {
        Response.ResponseBuilder response = Response.status(code.status())
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(code, detail, instance, extensions));
        if (code.status() == 401) {
            // RFC 9110: a 401 names the scheme to use. The API takes HTTP Basic.
            response.header("WWW-Authenticate", "Basic realm=\"docaxis\", charset=\"UTF-8\"");
        }
        if (code.status() == 503) {
            // the database is away or the axis is busy: both pass, so say when to come back
            response.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    public static Response response(ProblemException e, String instance) {
        return response(e.code(), e.detail(), instance, e.extensions());
    }
}
