package vn.docaxis.agency;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static vn.docaxis.support.Api.PASSWORD;
import static vn.docaxis.support.Api.admin;
import static vn.docaxis.support.Api.as;
import static vn.docaxis.support.Api.createAgency;
import static vn.docaxis.support.Api.createUser;
import static vn.docaxis.support.Api.freshName;
import static vn.docaxis.support.Api.freshTopCode;

import io.quarkus.test.junit.QuarkusTest;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import vn.docaxis.support.TestPki;

@QuarkusTest
class CertificateBindingTest {

    private static final TestPki.Issued ROOT = TestPki.root("Binding test root");

    @Test
    void bindsACertificateByFingerprintFromPemOrDer() throws Exception {
        String agency = createAgency(freshTopCode());
        TestPki.Issued cert = TestPki.agency(ROOT, agency);
        String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.certificate().getEncoded()));
        String path = "/api/v1/admin/agencies/" + agency + "/certificates";
        admin().contentType("application/x-pem-file").body(cert.pem().getBytes()).post(path).then().statusCode(201)
                .body("fingerprint", equalTo(fingerprint)).body("agencyCode", equalTo(agency))
                .body("subject", Matchers.containsString("OU=" + agency));
        // the same certificate again, as DER: already bound, nothing changes
        admin().contentType("application/pkix-cert").body(cert.certificate().getEncoded()).post(path).then().statusCode(200)
                .body("fingerprint", equalTo(fingerprint));
        admin().get(path).then().statusCode(200).body("fingerprint", equalTo(List.of(fingerprint)));
        admin().get("/api/v1/admin/agencies/" + agency).then().body("certificateFingerprints", equalTo(List.of(fingerprint)));
        String auditor = freshName("auditor.cert");
        createUser(auditor, "auditor", List.of());
        as(auditor, PASSWORD).get(path).then().statusCode(200);
        as(auditor, PASSWORD).delete(path + "/" + fingerprint).then().statusCode(403).body("code", equalTo("NOT_AUTHORIZED"));

        admin().delete(path + "/" + fingerprint).then().statusCode(204);
        admin().get(path).then().body("$", hasSize(0));
        admin().delete(path + "/" + fingerprint).then().statusCode(404).body("code", equalTo("CERTIFICATE_NOT_FOUND"));
        admin().queryParam("action", "agency.certificate.bind").queryParam("size", 500).get("/api/v1/admin/audit").then()
                .body("items.targetId", hasItem(agency));
    }

    @Test
    void aCertificateBelongsToOneAgency() {
        String first = createAgency(freshTopCode());
        String second = createAgency(freshTopCode());
        TestPki.Issued cert = TestPki.agency(ROOT, first);
        admin().contentType("application/x-pem-file").body(cert.pem().getBytes())
                .post("/api/v1/admin/agencies/" + first + "/certificates").then().statusCode(201);
        admin().contentType("application/x-pem-file").body(cert.pem().getBytes())
                .post("/api/v1/admin/agencies/" + second + "/certificates").then().statusCode(409)
                .body("code", equalTo("CERTIFICATE_BOUND_ELSEWHERE"));
    }

    @Test
    void refusesWhatIsNotOneCertificate() {
        String agency = createAgency(freshTopCode());
        String path = "/api/v1/admin/agencies/" + agency + "/certificates";
        admin().contentType("application/x-pem-file").body("not a certificate".getBytes()).post(path).then().statusCode(400)
                .body("code", equalTo("INVALID_CERTIFICATE"));
        String two = TestPki.agency(ROOT, agency).pem() + TestPki.agency(ROOT, agency).pem();
        admin().contentType("application/x-pem-file").body(two.getBytes()).post(path).then().statusCode(400)
                .body("code", equalTo("INVALID_CERTIFICATE"));
        admin().contentType("application/x-pem-file").body(TestPki.agency(ROOT, agency).pem().getBytes())
                .post("/api/v1/admin/agencies/000.00.00.Z05/certificates").then().statusCode(404)
                .body("code", equalTo("AGENCY_NOT_FOUND"));
    }
}
