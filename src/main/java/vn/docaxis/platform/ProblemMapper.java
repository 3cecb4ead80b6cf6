package vn.docaxis.platform;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The single error contract: every exception that reaches the HTTP layer leaves as problem+json
 * with a stable code. Nothing here ever echoes a class name or stack trace to the caller.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        if (e.code().status() >= 500) {
            // a refusal on purpose (the work gate's SERVICE_BUSY), not a failure: failures reach unexpected()
            LOG.warnf("%s on %s: %s", e.code(), path(uri), e.detail());
        }
        return Problems.response(e, path(uri));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Map<String, String>> violations = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> Map.of("field", field(v), "message", v.getMessage()))
                .collect(Collectors.toList());
        String detail = violations.stream().map(v -> v.get("field") + ": " + v.get("message"))
                .collect(Collectors.joining("; "));
        return Problems.response(ErrorCode.VALIDATION_FAILED, detail, path(uri), Map.of("violations", violations));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return Problems.response(ErrorCode.UNKNOWN_FIELD,
                "Unknown field '" + e.getPropertyName() + "'" + at(e), path(uri),
                Map.of("field", e.getPropertyName()));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return Problems.response(ErrorCode.MALFORMED_JSON, "The body is not well-formed JSON"
                + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), path(uri));
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        String where = e.getPath().isEmpty() ? "the body" : "field '" + jsonPath(e) + "'";
        return Problems.response(ErrorCode.MALFORMED_JSON, "Wrong JSON type or value for " + where, path(uri));
    }

    /** Declared for its own type: Quarkus ships a mapper for it that would otherwise win. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return jsonMapping(e, uri);
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return Problems.response(ErrorCode.CONCURRENT_MODIFICATION, "Another request changed this resource", path(uri));
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return Problems.response(ErrorCode.CONCURRENT_MODIFICATION, "Another request changed this resource", path(uri));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        // Quarkus's JSON reader wraps parse errors in a plain 400.
        if (e.getCause() instanceof UnrecognizedPropertyException cause) {
            return unknownField(cause, uri);
        }
        if (e.getCause() instanceof JsonMappingException cause) {
            return jsonMapping(cause, uri);
        }
        if (e.getCause() instanceof JsonProcessingException cause) {
            return Problems.response(ErrorCode.MALFORMED_JSON, "The body is not well-formed JSON"
                    + (cause.getLocation() == null ? "" : " (line " + cause.getLocation().getLineNr() + ")"), path(uri));
        }
        int status = e.getResponse().getStatus();
        ErrorCode code;
        if (e instanceof NotFoundException) {
            code = ErrorCode.NOT_FOUND;
        } else if (e instanceof NotAllowedException) {
            code = ErrorCode.METHOD_NOT_ALLOWED;
        } else if (e instanceof NotSupportedException) {
            code = ErrorCode.UNSUPPORTED_MEDIA_TYPE;
        } else if (e instanceof NotAcceptableException) {
            code = ErrorCode.NOT_ACCEPTABLE;
        } else if (status == 413) {
            code = ErrorCode.PAYLOAD_TOO_LARGE;
        } else if (status == 401) {
            code = ErrorCode.UNAUTHENTICATED;
        } else if (status == 403) {
            code = ErrorCode.NOT_AUTHORIZED;
        } else if (status >= 400 && status < 500) {
            code = ErrorCode.INVALID_PARAMETER;
        } else {
            return unexpected(e, uri);
        }
        return Problems.response(code, code.title(), path(uri));
    }

    @ServerExceptionMapper(priority = Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseFailures.isUnavailable(e)) {
            LOG.warnf("database unavailable on %s: %s", path(uri), DatabaseFailures.summary(e));
            return Problems.response(ErrorCode.SERVICE_UNAVAILABLE, "The database is not reachable; retry shortly",
                    path(uri));
        }
        // The incident id lets an operator find the stack trace without showing it to the caller.
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", incident, path(uri));
        return Problems.response(ErrorCode.INTERNAL_ERROR, "Unexpected error; incident " + incident, path(uri),
                Map.of("incident", incident));
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    private static String field(ConstraintViolation<?> v) {
        // "create.request.name" → "name": the method and parameter names are ours, not the caller's.
        String p = v.getPropertyPath().toString();
        String[] parts = p.split("\\.");
        return parts.length > 2 ? String.join(".", Arrays.copyOfRange(parts, 2, parts.length)) : p;
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String at(JsonMappingException e) {
        String p = jsonPath(e);
        int dot = p.lastIndexOf('.');
        return dot > 0 ? " in '" + p.substring(0, dot) + "'" : "";
    }

    /** Recognises a lost or refused database connection anywhere in a cause chain. */
    static final class DatabaseFailures {
        private DatabaseFailures() {
        }

        static boolean isUnavailable(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof JDBCConnectionException) {
                    return true;
                }
                if (t instanceof SQLException sql) {
                    String state = sql.getSQLState();
                    if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P03"))) {
                        return true;
                    }
                    String msg = String.valueOf(sql.getMessage());
                    if (msg.contains("Acquisition timeout") || msg.contains("Unable to acquire JDBC Connection")) {
                        return true;
                    }
                }
                if (t.getCause() == t) {
                    break;
                }
            }
            return false;
        }

        static String summary(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getMessage();
        }
    }
}
