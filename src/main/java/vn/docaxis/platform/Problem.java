package vn.docaxis.platform;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Locale;
import java.util.Map;

/** RFC 9457 problem details with the axis's stable {@code code} member. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "code", "detail", "instance"})
public record Problem(String type, String title, int status, String code, String detail, String instance,
                      @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ErrorCode code, String detail, String instance, Map<String, Object> extensions) {
        return new Problem(typeOf(code), code.title(), code.status(), code.name(), detail, instance, extensions);
    }

    /** A URN rather than a URL: nothing needs to be served for the type to stay meaningful. */
    public static String typeOf(ErrorCode code) {
        return "urn:docaxis:problem:" + code.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonAnyGetter
    public Map<String, Object> any() {
        return extensions == null ? Map.of() : extensions;
    }
}
