package vn.docaxis.support;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Speaks VDXP as the national axis's Java SDK does on the wire: parameters as
 * {@code XroadVnpt-*} headers kept in one map for the life of the client (so every request also
 * carries stale keys of earlier calls), a timestamp fixed when the client is made, the signed
 * JSON header with its key list and HMAC, the unpadded hex {@code hash-file}, and a body followed
 * by CRLF. TEST CLIENT ONLY.
 */
public final class VdxpClient {

    /** getEdoc answers a whole package as one base64 string: no limit on string length here. */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build()).build());
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String endpoint;
    private final String systemId;
    private final String secret;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> tamper = new LinkedHashMap<>();

    public VdxpClient(String endpoint, String systemId, String secret) {
        this.endpoint = endpoint;
        this.systemId = systemId;
        this.secret = secret;
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        headers.put("XroadVnpt-systemid", systemId);
        headers.put("XroadVnpt-timestamp", DateTimeFormatter.ofPattern("ddMMyyyy'T'HHmmss").format(now) + "+"
                + String.format("%04d", now.getNano() / 1_000_000));
        headers.put("XroadVnpt-Content-Type", "application/json");
        headers.put("XroadVnpt-version", "3.0.201608");
    }

    /** A client of the same system with another secret, to be refused. */
    public VdxpClient withSecret(String other) {
        return new VdxpClient(endpoint, systemId, other);
    }

    /** Sends this header value instead of the signed one, on the next call only. */
    public VdxpClient tampered(String key, String value) {
        tamper.put("XroadVnpt-" + key, value);
        return this;
    }

    public JsonNode sendEdoc(String from, String messageType, byte[] edxml) throws Exception {
        return sendEdoc(from, messageType, edxml, sdkHash(edxml));
    }

    public JsonNode sendEdoc(String from, String messageType, byte[] edxml, String hashFile) throws Exception {
        byte[] body = new byte[edxml.length + 2];
        System.arraycopy(edxml, 0, body, 0, edxml.length);
        body[edxml.length] = '\r';
        body[edxml.length + 1] = '\n';
        return json(call("POST", "sendEdoc", Map.of("from", from, "servicetype", "eDoc", "messagetype", messageType,
                "hash-file", hashFile), body, "application/octet-stream"));
    }

    /** The same, as a multipart body with the part file_doc (the SDK's other form). */
    public JsonNode sendEdocMultipart(String from, String messageType, byte[] edxml) throws Exception {
        String boundary = "----vdxp" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file_doc\"; filename=\"edoc.edxml\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + edxml.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(edxml, 0, body, head.length, edxml.length);
        System.arraycopy(tail, 0, body, head.length + edxml.length, tail.length);
        return json(call("POST", "sendEdoc", Map.of("from", from, "servicetype", "eDoc", "messagetype", messageType,
                "hash-file", sdkHash(edxml)), body, "multipart/form-data; boundary=" + boundary));
    }

    public JsonNode post(String call, Map<String, String> parameters) throws Exception {
        return json(call("POST", call, parameters, "{}".getBytes(StandardCharsets.US_ASCII), "application/json"));
    }

    public JsonNode post(String call, Map<String, String> parameters, String jsonBody) throws Exception {
        return json(call("POST", call, parameters, jsonBody.getBytes(StandardCharsets.UTF_8), "application/json"));
    }

    public JsonNode get(String call, Map<String, String> parameters) throws Exception {
        return json(call("GET", call, parameters, null, null));
    }

    public HttpResponse<byte[]> call(String method, String call, Map<String, String> parameters, byte[] body,
                                     String contentType) throws Exception {
        parameters.forEach((k, v) -> headers.put("XroadVnpt-" + k, v));
        String signHeader = JSON.writeValueAsString(headers);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String hash = HexFormat.of().formatHex(mac.doFinal(signHeader.getBytes(StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + "/" + call));
        for (Map.Entry<String, String> h : headers.entrySet()) {
            request.header(h.getKey(), tamper.getOrDefault(h.getKey(), h.getValue()));
        }
        tamper.clear();
        request.header("XroadVnpt-sign-header", signHeader);
        request.header("XroadVnpt-sign-header-key", String.join(";", headers.keySet().stream()
                .map(k -> k.substring("XroadVnpt-".length())).toList()));
        request.header("XroadVnpt-hash-header", hash);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The SDK's hash-file: each byte of the SHA-256 as Integer.toHexString(b & 0xFF), unpadded. */
    public static String sdkHash(byte[] file) throws Exception {
        StringBuilder out = new StringBuilder();
        for (byte b : MessageDigest.getInstance("SHA-256").digest(file)) {
            out.append(Integer.toHexString(b & 0xFF));
        }
        return out.toString();
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws Exception {
        if (response.statusCode() != 200) {
            throw new AssertionError("VDXP answers HTTP 200, not " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return JSON.readTree(response.body());
    }
}
