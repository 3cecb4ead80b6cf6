package vn.docaxis.signature;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static vn.docaxis.support.Api.PASSWORD;
import static vn.docaxis.support.Api.admin;
import static vn.docaxis.support.Api.as;
import static vn.docaxis.support.Api.createUser;
import static vn.docaxis.support.Api.freshName;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.docaxis.edxml.AttachmentSource;
import vn.docaxis.edxml.EdxmlWriter;
import vn.docaxis.edxml.TestHeaders;
import vn.docaxis.platform.Certificates;
import vn.docaxis.support.TestPdfs;
import vn.docaxis.support.TestPki;

/** Signed packages through HTTP under the production policy, with trust material managed through the API. */
@QuarkusTest
@TestProfile(ProductionSignaturePolicy.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignatureEndToEndTest {

    private static final Corpus C = PdfVerifierTest.CORPUS;
    private static final byte[] VALID = C.twoSignatures();
    private static final String SYSTEM = "vpcp.qlvb";
    private static String secret;

    @BeforeEach
    void trustAndParties() {
        if (secret != null) {
            return; // once for the class; the service keeps it
        }
        admin().contentType("application/x-pem-file").body(C.root.pem().getBytes()).post("/api/v1/admin/trust/anchors")
                .then().statusCode(201).body("kind", equalTo("ANCHOR"));
        admin().contentType("application/x-pem-file").body(C.intermediate.pem().getBytes())
                .post("/api/v1/admin/trust/intermediates").then().statusCode(201);
        for (var crl : C.crls) {
            admin().contentType("application/pkix-crl").body(encoded(crl)).post("/api/v1/admin/trust/crls").then().statusCode(201);
        }
        for (String code : List.of(Corpus.SENDER, Corpus.OTHER_AGENCY)) {
            admin().contentType(ContentType.JSON).body(Map.of("code", code, "name", "Cơ quan " + code))
                    .post("/api/v1/admin/agencies").then().statusCode(201);
        }
        secret = admin().contentType(ContentType.JSON).body(Map.of("id", SYSTEM, "name", "QLVB", "agencies",
                List.of(Corpus.SENDER))).post("/api/v1/admin/systems").then().statusCode(201).extract().path("secret");
    }

    @Test
    @Order(1)
    void aValidTwoSignatureDocumentIsAcceptedAndItsReportKept() {
        String packageId = submit(pkg(VALID, FIRST)).then().statusCode(201)
                .body("verification", equalTo("ACCEPTED")).extract().path("packageId");
        admin().get("/api/v1/packages/" + packageId + "/verification").then().statusCode(200)
                .body("verdict", equalTo("ACCEPTED"))
                .body("report.attachments[0].mainDocument", equalTo(true))
                .body("report.attachments[0].signatures", hasSize(2))
                .body("report.attachments[0].signatures.coverage", equalTo(List.of("REVISION", "WHOLE_FILE")))
                .body("report.attachments[0].signatures.revision", equalTo(List.of(2, 3)))
                .body("report.attachments[0].signatures.signer.role", equalTo(List.of("PERSONAL", "AGENCY")))
                .body("report.attachments[0].signatures.outcome", equalTo(List.of("VALID", "VALID")))
                .body("report.attachments[0].signatures[1].chainStatus", equalTo("VALID"))
                .body("report.attachments[0].signatures[1].revocationStatus", equalTo("GOOD"))
                .body("report.attachments[0].signatures[1].signer.fingerprint", equalTo(
                        Certificates.fingerprint(C.agency.certificate())));
    }

    @Test
    @Order(2)
    void aTamperedDocumentIsRefusedWithTheReportAndNothingIsStored() {
        long before = admin().queryParam("sender", Corpus.SENDER).get("/api/v1/packages").then().extract().jsonPath().getLong("total");
        submit(pkg(TestPdfs.append(VALID, "\n% appended\n"))).then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("SIGNATURE_POLICY_FAILED"))
                .body("report.verdict", equalTo("REFUSED"))
                .body("report.reasons.code", hasItem("TRAILING_DATA"))
                .body("report.attachments[0].signatures[1].reasons.code", hasItem("TRAILING_DATA"));
        admin().queryParam("sender", Corpus.SENDER).get("/api/v1/packages").then().body("total", equalTo((int) before));
        admin().queryParam("actor", SYSTEM).queryParam("outcome", "REFUSED").get("/api/v1/admin/audit").then()
                .body("items.code", hasItem("SIGNATURE_POLICY_FAILED"));
    }

    @Test
    @Order(3)
    void aDocumentSignedOnlyByAPersonIsRefused() {
        submit(pkg(TestPdfs.sign(TestPdfs.document("x"), C.signer(C.person)))).then().statusCode(422)
                .body("report.reasons.code", hasItem("MISSING_AGENCY_SIGNATURE"));
    }

    @Test
    @Order(4)
    void removingTheTrustAnchorTakesEffectAtOnceAndAddingItBackToo() {
        // intermediates may travel in the signature itself; the anchor is what the axis trusts
        String fingerprint = Certificates.fingerprint(C.root.certificate());
        admin().delete("/api/v1/admin/trust/anchors/" + fingerprint).then().statusCode(204);
        submit(pkg(VALID)).then().statusCode(422).body("report.reasons.code", hasItem("UNTRUSTED_ROOT"));
        admin().contentType("application/x-pem-file").body(C.root.pem().getBytes())
                .post("/api/v1/admin/trust/anchors").then().statusCode(201);
        submit(pkg(VALID)).then().statusCode(201).body("verification", equalTo("ACCEPTED"));
    }

    @Test
    @Order(5)
    void trustMaterialIsManagedByAdminsAndReadByAuditors() {
        TestPki.Issued unknownCa = TestPki.root("Unregistered CA");
        var crl = TestPki.crl(unknownCa, List.of(), Instant.now(), Instant.now().plusSeconds(3600));
        admin().contentType("application/pkix-crl").body(encoded(crl)).post("/api/v1/admin/trust/crls").then().statusCode(422)
                .body("code", equalTo("CRL_ISSUER_UNKNOWN"));
        admin().contentType("application/pkix-crl").body("garbage".getBytes()).post("/api/v1/admin/trust/crls").then()
                .statusCode(400).body("code", equalTo("INVALID_CRL"));
        admin().get("/api/v1/admin/trust/crls").then().statusCode(200).body("issuer", hasItem(containsString("Corpus issuing CA")))
                .body("stale", hasItem(false));
        String auditor = freshName("auditor.trust");
        createUser(auditor, "auditor", List.of());
        as(auditor, PASSWORD).get("/api/v1/admin/trust/anchors").then().statusCode(200).body("subject",
                hasItem(containsString("Corpus root CA")));
        as(auditor, PASSWORD).contentType("application/x-pem-file").body(C.root.pem().getBytes())
                .post("/api/v1/admin/trust/anchors").then().statusCode(403).body("code", equalTo("NOT_AUTHORIZED"));
        admin().delete("/api/v1/admin/trust/anchors/0000").then().statusCode(404).body("code", equalTo("TRUST_ENTRY_NOT_FOUND"));
        admin().queryParam("action", "trust.anchor.add").get("/api/v1/admin/audit").then().body("items", hasSize(2));
        admin().queryParam("action", "trust.anchor.remove").get("/api/v1/admin/audit").then().body("items", hasSize(1));
    }

    private static Response submit(byte[] edxml) {
        return as(SYSTEM, secret).contentType("application/xml").body(edxml).post("/api/v1/packages");
    }

    /** The first package's DocumentId; other packages get their own, so no test hits the duplicate check. */
    private static final String FIRST = "000.00.00.G22,2026/11/23,1/VPCP-E2E";
    private static int next = 1;

    private static byte[] pkg(byte[] pdf) {
        return pkg(pdf, "000.00.00.G22,2026/11/23," + (++next) + "/VPCP-E2E");
    }

    private static byte[] pkg(byte[] pdf, String documentId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EdxmlWriter.writeDocument(out, TestHeaders.documentWithId(Corpus.SENDER, documentId, null, Corpus.OTHER_AGENCY),
                List.of(AttachmentSource.of("cid:main", "vanban.pdf", "application/pdf", pdf)));
        return out.toByteArray();
    }

    private static byte[] encoded(X509CRL crl) {
        try {
            return crl.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
