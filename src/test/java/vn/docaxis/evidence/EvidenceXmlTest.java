package vn.docaxis.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import vn.docaxis.support.TestPki;

/**
 * The evidence is written in canonical form and signed without a canonicalizer: awkward text
 * (markup characters, tabs, line breaks, Vietnamese, characters XML cannot carry) must still give
 * a file that the JDK's XML-DSig, the schema and xmlsec1 accept, with both key types.
 */
class EvidenceXmlTest {

    private static final String AWKWARD = "Về việc \"A & B\" <khẩn>\tđiều 1\r\nđiều 2 ' \u0001 > 𝔸";

    @TempDir
    Path dir;

    @Test
    void awkwardTextSignsAndVerifiesWithEcAndRsaKeys() throws Exception {
        for (TestPki.Issued axis : List.of(
                TestPki.certificate(null, "CN=evidence EC TEST").keys(TestPki.ec()).build(),
                TestPki.certificate(null, "CN=evidence RSA TEST").keys(TestPki.rsa()).build())) {
            XmlSigner signer = new XmlSigner(axis.key(), axis.certificate(), new BouncyCastleProvider());
            EvidenceFacts facts = new EvidenceFacts(EvidenceEvent.SUBMISSION_REFUSED, Instant.now(),
                    new EvidenceFacts.Actor("SYSTEM", "sys&<\"1"), List.of(EvidenceFacts.Party.sender("000.00.00.G22")),
                    new EvidenceFacts.PackageFacts(UUID.randomUUID(), "DOCUMENT", "NEW", AWKWARD, "12", "QĐ-TTg", AWKWARD,
                            "ab".repeat(32), 10L, null, null,
                            List.of(new EvidenceFacts.AttachmentFact(AWKWARD, 3, "cd".repeat(32)))),
                    null, null, List.of(new EvidenceFacts.ReasonFact("EDXML_INVALID", AWKWARD)), null, AWKWARD);
            byte[] xml = signer.sign(EvidenceXml.evidence(facts, 7, EvidenceXml.GENESIS));

            assertTrue(EvidenceXmlCheck.signatureHolds(xml, axis.certificate()), axis.certificate().getSubjectX500Principal()
                    + "\n" + new String(xml, StandardCharsets.UTF_8));
            EvidenceXmlCheck.validate(xml);
            String expected = AWKWARD.replace("\u0001", "");
            assertEquals(expected, EvidenceXmlCheck.text(xml, "Subject"), "text survives, CR included");
            Element attachment = (Element) EvidenceXmlCheck.parse(xml)
                    .getElementsByTagNameNS(EvidenceXmlCheck.NS, "Attachment").item(0);
            assertEquals(expected, attachment.getAttribute("name"), "attribute values survive, line breaks included");
            byte[] changed = new String(xml, StandardCharsets.UTF_8).replace("điều 2", "điều 3").getBytes(StandardCharsets.UTF_8);
            assertFalse(EvidenceXmlCheck.signatureHolds(changed, axis.certificate()));

            if (Xmlsec1.installed()) {
                Path pem = Files.writeString(dir.resolve("axis.pem"), axis.pem());
                assertTrue(Xmlsec1.verifies(Files.write(dir.resolve("evidence.xml"), xml), pem));
            }
        }
    }
}
