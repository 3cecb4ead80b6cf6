package vn.docaxis.evidence;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.docaxis.support.Exchange;
import vn.docaxis.support.ServiceProcess;
import vn.docaxis.support.TestFiles;

/**
 * What evidence adds to a submission, measured in the packaged service over real HTTP: the time
 * spent recording evidence inside the submission's transaction (the service's own timer), the
 * sealing cost per evidence (render, sign, hash; after the commit, off the request path), and how
 * far sealing lags. Run with {@code ./mvnw -Pbench-evidence} (builds the jar first).
 */
public final class EvidenceBenchmark {

    private static final String ADMIN_PASSWORD = "bench-admin-password";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private EvidenceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.getInteger("bench.warmup", 200);
        int measured = Integer.getInteger("bench.submissions", 500);
        Path dir = Files.createTempDirectory("docaxis-evidence-bench");
        try (ServiceProcess service = ServiceProcess.start(dir, Map.of("DOCAXIS_ADMIN_PASSWORD", ADMIN_PASSWORD),
                "-Dquarkus.profile=trial", "-Ddocaxis.data-dir=" + dir.resolve("data"), "-Ddocaxis.demo.load=false",
                // unsigned test documents: this measures evidence, not signature verification
                "-Ddocaxis.signature.policy.require-agency-signature=false").awaitReady(Duration.ofMinutes(3))) {
            String base = service.baseUrl();
            String admin = basic("admin", ADMIN_PASSWORD);
            List<String> agencies = List.of("000.00.00.B01", "000.00.00.B02", "000.00.00.B03", "000.00.00.B04");
            for (String code : agencies) {
                send(base + "/api/v1/admin/agencies", admin, "application/json",
                        ("{\"code\":\"" + code + "\",\"name\":\"Cơ quan đo " + code + "\"}").getBytes(StandardCharsets.UTF_8), 201);
            }
            String created = new String(send(base + "/api/v1/admin/systems", admin, "application/json",
                    "{\"id\":\"bench.sender\",\"name\":\"bench\",\"agencies\":[\"000.00.00.B01\"]}"
                            .getBytes(StandardCharsets.UTF_8), 201), StandardCharsets.UTF_8);
            String secret = created.replaceAll(".*\"secret\":\"([^\"]+)\".*", "$1");
            String sender = basic("bench.sender", secret);

            submit(base, sender, agencies, warmup);
            Map<String, Double> before = metrics(base, admin);
            long start = System.nanoTime();
            submit(base, sender, agencies, measured);
            double seconds = (System.nanoTime() - start) / 1e9;
            long sealStart = System.nanoTime();
            while (metrics(base, admin).getOrDefault("docaxis_evidence_unsealed", 0.0) > 0) {
                Thread.sleep(10);
            }
            double drain = (System.nanoTime() - sealStart) / 1e6;
            Map<String, Double> after = metrics(base, admin);

            double recorded = delta(before, after, "docaxis_evidence_record_seconds_count");
            double recordSeconds = delta(before, after, "docaxis_evidence_record_seconds_sum")
                    + delta(before, after, "docaxis_evidence_write_seconds_sum");
            double facts = delta(before, after, "docaxis_evidence_record_seconds_sum");
            double batches = delta(before, after, "docaxis_evidence_write_seconds_sum");
            double sealed = delta(before, after, "docaxis_evidence_seal_seconds_count");
            double sealSeconds = delta(before, after, "docaxis_evidence_seal_seconds_sum");
            System.out.println();
            System.out.println("docaxis evidence benchmark — " + Runtime.getRuntime().availableProcessors()
                    + " cores, service at -Xmx256m on its embedded PostgreSQL (fsync on), one client");
            System.out.printf("submissions (1 document, 3 recipients): %d in %.1f s, %.1f ms each on average%n",
                    measured, seconds, seconds * 1000 / measured);
            System.out.printf("evidence recorded per submission: %.1f%n", recorded / measured);
            System.out.printf("time recording evidence inside a submission's transaction (facts to JSON, one batched "
                    + "insert before commit): %.3f ms per submission (%.3f ms per evidence)%n",
                    recordSeconds * 1000 / measured, recordSeconds * 1000 / recorded);
            System.out.printf("  of which facts to JSON %.3f ms, the batched insert %.3f ms%n", facts * 1000 / measured,
                    batches * 1000 / measured);
            System.out.printf("sealing after commit: %.3f ms per evidence (render, ECDSA P-256 signature, hash), "
                    + "%.0f sealed; pending drained %.0f ms after the last answer%n", sealSeconds * 1000 / sealed, sealed,
                    drain);
            for (String round : List.of("first", "second", "third")) {
                long verifyStart = System.nanoTime();
                String report = new String(send(base + "/api/v1/audit/verify-chain", admin, "application/xml",
                        new byte[0], 200), StandardCharsets.UTF_8);
                double verifySeconds = (System.nanoTime() - verifyStart) / 1e9;
                if (!report.contains("\"intact\":true")) {
                    throw new IllegalStateException("the chain does not verify: " + report);
                }
                long chain = Long.parseLong(report.replaceAll(".*\"verifiedUpTo\":(\\d+).*", "$1"));
                System.out.printf("verify-chain, %s call (every signature, sequence and link, over HTTP): %d evidences "
                        + "in %.2f s, %.0f evidences/s%n", round, chain, verifySeconds, chain / verifySeconds);
            }
        } finally {
            TestFiles.deleteTree(dir);
        }
    }

    private static void submit(String base, String sender, List<String> agencies, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            byte[] edxml = Exchange.documentWithId(agencies.get(0), Exchange.newDocumentId(agencies.get(0)), null,
                    agencies.get(1), agencies.get(2), agencies.get(3));
            send(base + "/api/v1/packages", sender, "application/xml", edxml, 201);
        }
    }

    private static Map<String, Double> metrics(String base, String admin) throws Exception {
        String text = new String(send(base + "/q/metrics", admin, null, null, 200), StandardCharsets.UTF_8);
        Map<String, Double> values = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("docaxis_evidence_")) {
                String[] parts = line.split(" ");
                values.put(parts[0].replaceAll("\\{.*}", ""), Double.parseDouble(parts[parts.length - 1]));
            }
        }
        return values;
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String name) {
        return after.getOrDefault(name, 0.0) - before.getOrDefault(name, 0.0);
    }

    private static byte[] send(String url, String auth, String type, byte[] body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth);
        if (body != null) {
            request.header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        }
        HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
