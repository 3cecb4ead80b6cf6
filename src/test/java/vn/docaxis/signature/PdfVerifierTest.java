package vn.docaxis.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfVerifierTest {

    static final Corpus CORPUS = new Corpus();

    @TempDir
    Path dir;

    @Test
    void aPersonalThenAgencySignatureAreBothValidWithTheirCoverage() throws Exception {
        PdfVerifier.Examined e = CORPUS.examine(CORPUS.twoSignatures(), dir);
        assertEquals(List.of(), e.problems());
        assertEquals(2, e.signatures().size());
        PdfSignatureReport personal = e.signatures().get(0);
        PdfSignatureReport agency = e.signatures().get(1);
        assertEquals(Outcome.VALID, personal.outcome(), personal.reasons().toString());
        assertEquals(Outcome.VALID, agency.outcome(), agency.reasons().toString());
        assertEquals("REVISION", personal.coverage());
        assertEquals(2, personal.revision());
        assertEquals("WHOLE_FILE", agency.coverage());
        assertEquals(3, agency.revision());
        assertEquals("PERSONAL", personal.signer().role());
        assertEquals("AGENCY", agency.signer().role());
        assertEquals("SHA-256", agency.digestAlgorithm());
        assertEquals("SHA256withRSA", agency.signatureAlgorithm());
        assertEquals("GOOD", agency.revocationStatus());
        assertTrue(agency.chain().size() == 3, agency.chain().toString());
    }
}
