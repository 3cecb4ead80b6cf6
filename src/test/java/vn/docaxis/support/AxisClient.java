package vn.docaxis.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * A connected system's calls over plain HTTP, safe to share between threads: what load and crash
 * tests drive the packaged service with. The base URL is asked for on every call, so a client
 * follows a service that was restarted on another port. Clients share one JDK {@code HttpClient}
 * (which upgrades to HTTP/2 and multiplexes them all over one connection) unless given one of their
 * own, {@link #ownConnections}, as separate agencies' systems have.
 */
public final class AxisClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = ownConnections(HttpClient.Version.HTTP_2);

    private final Supplier<String> base;
    private final String authorization;
    private final HttpClient http;

    public AxisClient(Supplier<String> base, String name, String secret) {
        this(base, name, secret, HTTP);
    }

    public AxisClient(Supplier<String> base, String name, String secret, HttpClient http) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((name + ":" + secret).getBytes(StandardCharsets.UTF_8));
        this.http = http;
    }

    /**
     * A client with connections of its own, in the given HTTP version (HTTP/2: upgraded from plain
     * HTTP); the shared one is made so too.
     */
    public static HttpClient ownConnections(HttpClient.Version version) {
        return HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** An answer: its status and body (a connection failure throws IOException instead). */
    public record Answer(int status, byte[] body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
            }
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return status + " " + new String(body, 0, Math.min(body.length, 500), StandardCharsets.UTF_8);
        }
    }

    public Answer submit(byte[] edxml, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder r = request("/api/v1/packages").header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(edxml));
        if (idempotencyKey != null) {
            r.header("Idempotency-Key", idempotencyKey);
        }
        return send(r);
    }

    public Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    public Answer postJson(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer send(String method, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Answer ackDone(String deliveryId) throws IOException, InterruptedException {
        return postJson("/api/v1/inbox/" + deliveryId + "/ack", "{\"result\":\"done\"}");
    }

    /** Recomputes the whole evidence chain: minutes, not seconds, once it holds a long run's evidence. */
    public Answer verifyChain() throws IOException, InterruptedException {
        return send(request("/api/v1/audit/verify-chain").timeout(Duration.ofMinutes(15))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base.get() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization);
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.body());
    }
}
