package vn.docaxis.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A refusal the caller can act on; rendered as RFC 9457 problem+json by {@link ProblemMapper}. */
public class ProblemException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> extensions;

    public ProblemException(ErrorCode code, String detail) {
        this(code, detail, Map.of());
    }

    public ProblemException(ErrorCode code, String detail, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.code = code;
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    /** Extra members of the problem body (per-line errors, a verification report…). */
    public Map<String, Object> extensions() {
        return extensions;
    }
}
