package vn.docaxis.signature;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.docaxis.support.ServiceProcess;

/** The signed sample packages against a trial service, with the outcomes samples/packages/README.md documents. */
class SamplePackagesIT {

    @TempDir
    Path dir;

    @Test
    void everySamplePackageHasItsDocumentedOutcome() throws Exception {
        Path samples = Path.of(System.getProperty("docaxis.basedir", ".")).resolve("samples/packages");
        try (ServiceProcess service = ServiceProcess.start(dir, Map.of("DOCAXIS_ADMIN_PASSWORD", "samples-admin-password"),
                "-Dquarkus.profile=trial", "-Ddocaxis.data-dir=" + dir.resolve("data")).awaitReady(Duration.ofSeconds(120))) {
            submit(service, samples.resolve("valid-two-signatures.edxml")).statusCode(201)
                    .body("verification", equalTo("ACCEPTED"))
                    .body("recipients.outcome", equalTo(List.of("ACCEPTED", "ACCEPTED")));
            submit(service, samples.resolve("valid-with-envelope-signature.edxml")).statusCode(201)
                    .body("verification", equalTo("ACCEPTED"));
            refused(service, samples.resolve("invalid-tampered.edxml"), "DIGEST_MISMATCH");
            refused(service, samples.resolve("invalid-appended-after-signing.edxml"), "TRAILING_DATA");
            refused(service, samples.resolve("invalid-personal-signature-only.edxml"), "MISSING_AGENCY_SIGNATURE");
            refused(service, samples.resolve("invalid-signed-by-another-agency.edxml"), "AGENCY_MISMATCH");
        }
    }

    private static void refused(ServiceProcess service, Path file, String code) throws Exception {
        submit(service, file).statusCode(422).body("code", equalTo("SIGNATURE_POLICY_FAILED"))
                .body("report.reasons.code", hasItem(code));
    }

    private static ValidatableResponse submit(ServiceProcess service, Path file) throws Exception {
        return RestAssured.given().baseUri(service.baseUrl()).auth().preemptive()
                .basic("000.00.00.G22", "demo-secret-G22-DO-NOT-USE").contentType("application/xml")
                .body(Files.readAllBytes(file)).post("/api/v1/packages").then();
    }
}
