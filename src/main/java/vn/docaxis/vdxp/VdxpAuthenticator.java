package vn.docaxis.vdxp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.docaxis.platform.ErrorCode;
import vn.docaxis.platform.Now;
import vn.docaxis.security.Access;
import vn.docaxis.security.Actor;
import vn.docaxis.security.AuditLog;
import vn.docaxis.system.ConnectedSystemService;

/**
 * VDXP's HMAC authentication: the system named by {@code XroadVnpt-systemid} proves itself with
 * {@code XroadVnpt-hash-header} = hex HMAC-SHA256(its secret, the exact {@code XroadVnpt-sign-header}
 * string). The caller then acts under the same rules as through the native API.
 */
@ApplicationScoped
public class VdxpAuthenticator {

    /** The SDK's timestamp: {@code ddMMyyyy'T'HHmmss}, then "+" and four digits we do not need. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("ddMMuuuu'T'HHmmss");

    @Inject
    ConnectedSystemService systems;

    @Inject
    ObjectMapper json;

    @Inject
    AuditLog audit;

    @Inject
    Access access;

    @Inject
    VdxpConfig config;

    Actor authenticate(VdxpRequest request, String call) {
        String systemId = request.unsigned("systemid").orElse(null);
        String signHeader = request.unsigned("sign-header").orElse(null);
        String mac = request.unsigned("hash-header").orElse(null);
        if (systemId == null || signHeader == null || mac == null) {
            throw refuse(systemId, call, "XroadVnpt-systemid, XroadVnpt-sign-header and XroadVnpt-hash-header are required");
        }
        byte[] secret = systems.activeSecret(systemId).orElse(null);
        if (secret == null) {
            throw refuse(systemId, call, "unknown or disabled system");
        }
        byte[] expected = HexFormat.of().formatHex(hmac(secret, signHeader)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, mac.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw refuse(systemId, call, "the HMAC of the sign header does not match");
        }
        request.signed(parameters(signHeader, systemId, call));
        request.required("systemid"); // the one that was signed is the one that is claimed
        config.timestampWindow().ifPresent(window -> checkFreshness(request, window, systemId, call));
        Actor actor = systems.activeActor(systemId).orElseThrow(() -> refuse(systemId, call, "disabled system"));
        access.actAs(actor);
        return actor;
    }

    private Map<String, String> parameters(String signHeader, String systemId, String call) {
        try {
            JsonNode node = json.readTree(signHeader);
            if (node == null || !node.isObject()) {
                throw refuse(systemId, call, "the sign header is not a JSON object");
            }
            Map<String, String> out = new HashMap<>();
            node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText()
                    : e.getValue().toString()));
            return out;
        } catch (JsonProcessingException e) {
            throw refuse(systemId, call, "the sign header is not JSON");
        }
    }

    private void checkFreshness(VdxpRequest request, Duration window, String systemId, String call) {
        String stamp = request.required("timestamp");
        try {
            LocalDateTime at = LocalDateTime.parse(stamp.length() >= 15 ? stamp.substring(0, 15) : stamp, TIMESTAMP);
            Duration skew = Duration.between(at.atZone(Now.VIETNAM).toInstant(), Now.instant()).abs();
            if (skew.compareTo(window) > 0) {
                throw new VdxpException(VdxpError.REQUEST_EXPIRED, "The request timestamp " + stamp + " is "
                        + skew.toSeconds() + " s from the axis clock; at most " + window.toSeconds() + " s are accepted");
            }
        } catch (DateTimeParseException e) {
            throw new VdxpException(VdxpError.INVALID_PARAMETER, "XroadVnpt-timestamp '" + stamp
                    + "' is not ddMMyyyy'T'HHmmss");
        }
    }

    private static byte[] hmac(byte[] secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Recorded like any failed login; the caller learns nothing about the cause. */
    private VdxpException refuse(String systemId, String call, String why) {
        audit.refusal(new AuditLog.Refusal(systemId, "SYSTEM", "vdxp." + call, "path", "/vdxp/" + call,
                ErrorCode.AUTHENTICATION_FAILED, why, null));
        return new VdxpException(VdxpError.AUTHENTICATION_FAILED, "Authentication failed");
    }
}
