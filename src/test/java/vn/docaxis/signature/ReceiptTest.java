package vn.docaxis.signature;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.docaxis.support.Exchange.document;
import static vn.docaxis.support.Exchange.party;
import static vn.docaxis.support.Exchange.pendingFrom;
import static vn.docaxis.support.Exchange.sent;
import static vn.docaxis.support.Exchange.sha256;
import static vn.docaxis.support.Exchange.submit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import vn.docaxis.support.Exchange.Party;

/** The receipt a clerk downloads: readable Vietnamese, every event, and a signature the axis itself accepts. */
@QuarkusTest
class ReceiptTest {

    @Test
    void aReceiptShowsTheDocumentAndItsEventsInVietnameseAndIsSignedByTheAxis() throws Exception {
        Party sender = party();
        Party r = party();
        byte[] edxml = document(sender.agency(), r.agency());
        String packageId = submit(sender, edxml).then().statusCode(201).extract().path("packageId");
        r.call().contentType(ContentType.JSON).body(Map.of("result", "done"))
                .post("/api/v1/inbox/" + pendingFrom(r, "edoc", packageId) + "/ack").then().statusCode(200);
        String subject = sender.call().get("/api/v1/packages/" + packageId).then().extract().path("subject");

        byte[] pdf = sender.call().get("/api/v1/packages/" + packageId + "/receipt.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() >= 1 && doc.getNumberOfPages() <= 2, doc.getNumberOfPages() + " pages");
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("BIÊN NHẬN TRAO ĐỔI VĂN BẢN ĐIỆN TỬ"), text);
            assertTrue(text.contains("Trích yếu: " + subject), "the subject with its diacritics: " + text);
            assertTrue(text.contains("Cơ quan gửi: " + sender.agency()), text);
            assertTrue(text.contains("Nơi nhận: " + r.agency()), text);
            assertTrue(text.contains("Trục đã tiếp nhận gói tin"), text);
            assertTrue(text.contains("Sẵn sàng để nơi nhận lấy về — " + r.agency()), text);
            assertTrue(text.contains("Nơi nhận đã lấy về thành công — " + r.agency()), text);
            assertTrue(text.contains(sha256(edxml)), "the hash of the package bytes");
        }

        X509Certificate axis = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(sender.call().get("/api/v1/evidence/certificate").asByteArray()));
        Path file = Files.write(Path.of("target", "receipt.pdf"), pdf); // kept for people to look at
        Instant now = Instant.now();
        X509CRL axisCrl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(
                sender.call().get("/api/v1/evidence/crl").then().statusCode(200).extract().asByteArray()));
        TrustMaterial trustingTheAxis = TrustMaterial.of(1, List.of(axis), List.of(), List.of(axisCrl), Map.of());
        PdfVerifier.Examined examined = new PdfVerifier(Corpus.limits(), Optional.of("OU"))
                .examine(file, sender.agency(), now, now, trustingTheAxis, new Deadline(Duration.ofSeconds(30)));
        assertEquals(List.of(), examined.problems());
        assertEquals(1, examined.signatures().size());
        PdfSignatureReport signature = examined.signatures().get(0);
        assertEquals(Outcome.VALID, signature.outcome(), signature.reasons().toString());
        assertEquals("WHOLE_FILE", signature.coverage());
    }

    @Test
    void onlyThoseWhoSeeThePackageGetItsReceipt() {
        Party sender = party();
        Party r = party();
        String packageId = sent(sender, r);
        party().call().get("/api/v1/packages/" + packageId + "/receipt.pdf").then().statusCode(403)
                .body("code", equalTo("NOT_AUTHORIZED_FOR_AGENCY"));
        r.call().get("/api/v1/packages/00000000-0000-0000-0000-000000000000/receipt.pdf").then().statusCode(404)
                .body("code", equalTo("PACKAGE_NOT_FOUND"));
        byte[] recipientsCopy = r.call().get("/api/v1/packages/" + packageId + "/receipt.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertTrue(new String(recipientsCopy, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"),
                "a recipient gets a PDF too");
    }
}
