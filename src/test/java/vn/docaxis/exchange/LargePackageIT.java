package vn.docaxis.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.docaxis.edxml.AttachmentSource;
import vn.docaxis.edxml.EdxmlWriter;
import vn.docaxis.edxml.TestHeaders;
import vn.docaxis.support.DemoPki;
import vn.docaxis.support.ServiceProcess;
import vn.docaxis.support.TestPdfs;
import vn.docaxis.support.VdxpClient;

/**
 * A 50 MB signed PDF (a scan embedded in the document) through the packaged service held to a
 * 256 MB heap: streamed in, its signature verified, stored, and streamed out byte for byte.
 */
class LargePackageIT {

    private static final long ATTACHMENT_BYTES = 50L * 1024 * 1024;
    private static final String ADMIN_PASSWORD = "large-package-admin";

    @TempDir
    Path dir;

    @Test
    void aFiftyMegabyteAttachmentIsAcceptedAndFetchedByteForByte() throws Exception {
        Path attachment = dir.resolve("scan.pdf");
        Files.write(attachment, TestPdfs.sign(TestPdfs.scan(ATTACHMENT_BYTES), DemoPki.agency("000.00.00.G22")));
        Path edxml = dir.resolve("large.edxml");
        try (OutputStream out = Files.newOutputStream(edxml)) {
            EdxmlWriter.writeDocument(out, TestHeaders.document("000.00.00.G22", "000.00.00.H41"),
                    List.of(AttachmentSource.of("cid:scan", "van-ban-ban-chup.pdf", "application/pdf", attachment)));
        }
        String sent = sha256(edxml);

        try (ServiceProcess service = ServiceProcess.start(dir, Map.of("DOCAXIS_ADMIN_PASSWORD", ADMIN_PASSWORD),
                "-Dquarkus.profile=trial", "-Ddocaxis.data-dir=" + dir.resolve("data"))
                .awaitReady(Duration.ofSeconds(120))) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/packages"))
                    .header("Authorization", basic("000.00.00.G22", "demo-secret-G22-DO-NOT-USE"))
                    .header("Content-Type", "application/xml")
                    .timeout(Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.ofFile(edxml)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, submitted.statusCode(), submitted.body() + "\n" + service.log());
            assertTrue(submitted.body().contains("\"verification\":\"ACCEPTED\""), submitted.body());

            String deliveryId = RestAssured.given().baseUri(service.baseUrl()).auth().preemptive()
                    .basic("vxp.nghean", "demo-secret-NGHEAN-DO-NOT-USE").get("/api/v1/inbox")
                    .then().statusCode(200).extract().path("items[0].deliveryId");
            Path received = dir.resolve("received.edxml");
            HttpResponse<Path> fetched = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/inbox/" + deliveryId))
                    .header("Authorization", basic("vxp.nghean", "demo-secret-NGHEAN-DO-NOT-USE"))
                    .timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofFile(received));
            assertEquals(200, fetched.statusCode(), service.log());
            assertEquals(Files.size(edxml), Files.size(received));
            assertEquals(sent, sha256(received), "the recipient gets the sender's bytes");

            // the same copy through VDXP's getEdoc: 67 MB of base64 in JSON, streamed by the 256 MB service
            JsonNode viaVdxp = new VdxpClient(service.baseUrl() + "/vdxp", "vxp.nghean", "demo-secret-NGHEAN-DO-NOT-USE")
                    .post("getEdoc", Map.of("docId", deliveryId));
            assertEquals("OK", viaVdxp.get("status").asText(), service.log());
            Path decoded = Files.write(dir.resolve("vdxp.edxml"), Base64.getDecoder().decode(viaVdxp.get("data").asText()));
            assertEquals(sent, sha256(decoded), "VDXP hands out the same bytes");
            RestAssured.given().baseUri(service.baseUrl()).auth().preemptive().basic("vxp.nghean", "demo-secret-NGHEAN-DO-NOT-USE")
                    .contentType(ContentType.JSON).body(Map.of("result", "done")).post("/api/v1/inbox/" + deliveryId + "/ack")
                    .then().statusCode(200);
        }
    }

    /** A one-page document with a large scan embedded as a file: what a 50 MB official document is. */
    private static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
