package vn.docaxis.signature;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One finding: an ERROR makes the signature invalid (or indeterminate), a WARNING is reported only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reason(ReasonCode code, Severity severity, String message) {

    public enum Severity {
        ERROR, WARNING
    }

    public static Reason error(ReasonCode code, String message) {
        return new Reason(code, Severity.ERROR, message);
    }

    public static Reason warning(ReasonCode code, String message) {
        return new Reason(code, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
