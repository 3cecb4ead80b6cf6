package vn.docaxis.edxml;

import java.util.List;
import java.util.Map;
import vn.docaxis.platform.ErrorCode;
import vn.docaxis.platform.ProblemException;

/** A package that cannot be read ({@code EDXML_MALFORMED}) or does not satisfy the format ({@code EDXML_INVALID}). */
public class EdxmlException extends ProblemException {

    public EdxmlException(ErrorCode code, String detail) {
        super(code, detail);
    }

    public EdxmlException(ErrorCode code, String detail, Map<String, Object> extensions) {
        super(code, detail, extensions);
    }

    public static EdxmlException malformed(String detail) {
        return new EdxmlException(ErrorCode.EDXML_MALFORMED, detail);
    }

    /** One or more fields are missing or wrong; {@code errors} holds {@code {field, message}} pairs. */
    public static EdxmlException invalid(List<FieldError> errors) {
        String first = errors.get(0).field() + ": " + errors.get(0).message();
        return new EdxmlException(ErrorCode.EDXML_INVALID, errors.size() == 1 ? first
                : errors.size() + " problems; first " + first, Map.of("errors", List.copyOf(errors)));
    }

    public record FieldError(String field, String message) {
    }
}
