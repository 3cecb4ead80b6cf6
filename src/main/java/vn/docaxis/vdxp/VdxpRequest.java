package vn.docaxis.vdxp;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One VDXP call's parameters: {@code XroadVnpt-*} headers, each trusted only when it equals its
 * value inside the HMAC-signed {@code XroadVnpt-sign-header} JSON. Names are case-insensitive
 * ({@code docId} and {@code docid} both occur); keys a call does not use are ignored.
 */
final class VdxpRequest {

    static final String PREFIX = "xroadvnpt-";

    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private Map<String, String> signed = Map.of();

    VdxpRequest(HttpHeaders http) {
        for (Map.Entry<String, List<String>> h : http.getRequestHeaders().entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith(PREFIX) && !h.getValue().isEmpty()) {
                headers.put(name.substring(PREFIX.length()), h.getValue().get(0));
            }
        }
    }

    /** The raw header, before its signature is checked: only for authentication itself. */
    Optional<String> unsigned(String key) {
        return Optional.ofNullable(headers.get(key));
    }

    void signed(Map<String, String> signedParameters) {
        Map<String, String> byKey = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        signedParameters.forEach((k, v) -> {
            if (k.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
                byKey.put(k.substring(PREFIX.length()), v);
            }
        });
        this.signed = byKey;
    }

    /** A parameter the call needs: present, and equal to its signed value. */
    String required(String... keys) {
        return optional(keys).orElseThrow(() -> new VdxpException(VdxpError.INVALID_PARAMETER,
                "XroadVnpt-" + keys[0] + " is required"));
    }

    /** A parameter the call may use: when sent, it must equal its signed value. */
    Optional<String> optional(String... keys) {
        for (String key : keys) {
            String value = headers.get(key);
            if (value != null) {
                String signedValue = signed.get(key);
                if (!value.equals(signedValue)) {
                    throw new VdxpException(VdxpError.PARAMETER_NOT_SIGNED, "XroadVnpt-" + key + " is "
                            + (signedValue == null ? "not in the signed header" : "not the value that was signed"));
                }
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
