package vn.docaxis.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.docaxis.support.TestPdfs.Options;
import vn.docaxis.support.TestPdfs;
import vn.docaxis.support.TestPki;

/**
 * Every reason code of the PDF checks, each produced from a real file: made with PDFBox, signed
 * with Bouncy Castle, then tampered with or mis-signed the way an attacker or a broken tool would.
 */
class PdfCorpusTest {

    private static final Corpus C = PdfVerifierTest.CORPUS;
    private static final byte[] VALID = C.twoSignatures();

    @TempDir
    Path dir;

    @Test
    void aByteFlippedInTheSignedRangeBreaksTheDigest() throws Exception {
        // the page width in /MediaBox: 595 becomes 594, the structure stays intact
        String s = new String(VALID, StandardCharsets.ISO_8859_1);
        int digit = s.indexOf("595", s.indexOf("/MediaBox")) + 2;
        assertCodes(TestPdfs.flipByte(VALID, digit), ReasonCode.DIGEST_MISMATCH);
    }

    @Test
    void bytesAfterTheFinalEofAreTrailingData() throws Exception {
        PdfSignatureReport last = last(TestPdfs.append(VALID, "\n%% a comment, harmless looking\n"));
        assertHas(last, ReasonCode.TRAILING_DATA);
    }

    @Test
    void anIncrementalUpdateAfterTheLastSignatureThatChangesPageContentIsCaught() throws Exception {
        byte[] painted = TestPdfs.update(VALID, doc -> {
            try {
                PDPage page = doc.getPage(0);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
                    cs.setNonStrokingColor(Color.WHITE);
                    cs.addRect(60, 760, 400, 30); // paint over the text
                    cs.fill();
                }
                page.getCOSObject().setNeedToBeUpdated(true);
                doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        PdfSignatureReport last = last(painted);
        assertHas(last, ReasonCode.TRAILING_DATA);
        assertHas(last, ReasonCode.MODIFIED_AFTER_SIGNING);
    }

    @Test
    void aPageAddedAfterTheFirstSignatureInvalidatesThatSignatureOnly() throws Exception {
        byte[] personal = TestPdfs.sign(TestPdfs.document("Van ban"), C.signer(C.person), Options.pades().named("personal"));
        byte[] withPage = TestPdfs.update(personal, doc -> {
            doc.addPage(new PDPage(PDRectangle.A4));
            doc.getPages().getCOSObject().setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        });
        byte[] agency = TestPdfs.sign(withPage, C.signer(C.agency), Options.pades().named("agency"));
        PdfVerifier.Examined e = C.examine(agency, dir);
        assertHas(e.signatures().get(0), ReasonCode.MODIFIED_AFTER_SIGNING);
        assertTrue(e.signatures().get(0).reasons().stream().anyMatch(r -> r.message().contains("/Page")),
                e.signatures().get(0).reasons().toString());
        assertEquals(Outcome.VALID, e.signatures().get(1).outcome(), e.signatures().get(1).reasons().toString());
    }

    @Test
    void aMalformedByteRangeIsRefused() throws Exception {
        String range = TestPdfs.lastByteRange(VALID);
        long[] r = TestPdfs.lastByteRangeValues(VALID);
        String threeNumbers = "[0 " + r[1] + " " + r[2] + "]";
        String padded = threeNumbers + " ".repeat(range.length() - threeNumbers.length());
        assertCodes(TestPdfs.replaceSameLength(VALID, range, padded, 0), ReasonCode.BYTERANGE_INVALID);
    }

    @Test
    void aShortByteRangeNoLongerEndsAtTheEndOfARevision() throws Exception {
        String range = TestPdfs.lastByteRange(VALID);
        long[] r = TestPdfs.lastByteRangeValues(VALID);
        String shorter = range.replace(" " + r[3] + "]", " " + (r[3] - 10) + "]");
        shorter = shorter + " ".repeat(range.length() - shorter.length());
        PdfSignatureReport last = last(TestPdfs.replaceSameLength(VALID, range, shorter, 0));
        assertHas(last, ReasonCode.TRAILING_DATA);
        assertHas(last, ReasonCode.COVERAGE_NOT_A_REVISION);
    }

    @Test
    void aGapHoldingMoreThanTheSignatureValueIsSignatureWrapping() throws Exception {
        String range = TestPdfs.lastByteRange(VALID);
        long[] r = TestPdfs.lastByteRangeValues(VALID);
        String wider = range.replace("[0 " + r[1] + " ", "[0 " + (r[1] - 1) + " ");
        wider = wider + " ".repeat(range.length() - wider.length());
        assertCodes(TestPdfs.replaceSameLength(VALID, range, wider, 0), ReasonCode.CONTENTS_NOT_IN_GAP);
    }

    @Test
    void twoSignaturesClaimingTheSameSignedBytesOverlap() throws Exception {
        String s = new String(VALID, StandardCharsets.ISO_8859_1);
        int first = s.indexOf("/ByteRange");
        String firstRange = s.substring(s.indexOf('[', first), s.indexOf(']', first) + 1);
        String lastRange = TestPdfs.lastByteRange(VALID);
        assertTrue(firstRange.length() <= lastRange.length(), firstRange + " / " + lastRange);
        String same = firstRange + " ".repeat(lastRange.length() - firstRange.length());
        PdfVerifier.Examined e = C.examine(TestPdfs.replaceSameLength(VALID, lastRange, same, s.lastIndexOf("/ByteRange")), dir);
        assertTrue(e.signatures().stream().anyMatch(x -> x.reasons().stream().anyMatch(r -> r.code() == ReasonCode.BYTERANGE_OVERLAP)),
                e.signatures().toString());
        assertTrue(e.signatures().stream().noneMatch(x -> x.outcome() == Outcome.VALID && x.field().equals("agency")));
    }

    @Test
    void anUnknownSubFilterIsAnUnsupportedAlgorithm() throws Exception {
        assertCodes(TestPdfs.sign(TestPdfs.document("x"), C.signer(C.agency), Options.pades().subFilter("x.custom.detached")),
                ReasonCode.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void aPathThroughACertificateThatIsNotACaIsInvalid() throws Exception {
        // an end-entity certificate (no basicConstraints CA) posing as the issuer of the signer
        TestPki.Issued notACa = TestPki.certificate(C.intermediate, "CN=Not a CA, O=docaxis TEST PKI, C=VN")
                .keyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign).build();
        TestPki.Issued signer = TestPki.agency(notACa, Corpus.SENDER);
        PdfSignatureReport s = last(TestPdfs.sign(TestPdfs.document("x"), new TestPdfs.Signer(signer,
                List.of(signer.certificate(), notACa.certificate(), C.intermediate.certificate()))));
        assertHas(s, ReasonCode.CHAIN_INVALID);
        assertEquals("INVALID", s.chainStatus());
    }

    @Test
    void contentsWrittenAsALiteralStringIsRefused() throws Exception {
        long[] r = TestPdfs.lastByteRangeValues(VALID);
        byte[] literal = VALID.clone();
        literal[(int) r[1]] = '(';
        literal[(int) r[2] - 1] = ')';
        assertCodes(literal, ReasonCode.BYTERANGE_INVALID);
    }

    @Test
    void nonZeroPaddingAfterTheCmsIsRefused() throws Exception {
        long[] r = TestPdfs.lastByteRangeValues(VALID);
        byte[] padded = VALID.clone();
        padded[(int) r[2] - 2] = '1'; // the last hex digit of the zero padding
        PdfSignatureReport last = last(padded);
        assertHas(last, ReasonCode.CONTENTS_PADDING_NOT_ZERO);
        assertTrue(last.reasons().stream().noneMatch(x -> x.code() == ReasonCode.SIGNATURE_INVALID),
                "the signature itself still verifies");
    }

    @Test
    void contentsThatAreNotCmsAreRefused() throws Exception {
        long[] r = TestPdfs.lastByteRangeValues(VALID);
        byte[] garbage = VALID.clone();
        garbage[(int) r[1] + 1] = '0';
        garbage[(int) r[1] + 2] = '4'; // an OCTET STRING where the ContentInfo SEQUENCE starts
        assertCodes(garbage, ReasonCode.CMS_MALFORMED);
    }

    @Test
    void twoSignerInfosAreRefused() throws Exception {
        byte[] pdf = TestPdfs.sign(TestPdfs.document("x"), C.signer(C.agency), Options.pades().withSecondSignerInfo(C.signer(C.person)));
        assertCodes(pdf, ReasonCode.CMS_STRUCTURE_INVALID);
    }

    @Test
    void padesWithoutTheSigningCertificateAttributeIsRefusedPkcs7OnlyWarned() throws Exception {
        assertCodes(TestPdfs.sign(TestPdfs.document("x"), C.signer(C.agency), Options.pades().withoutSigningCertificateV2()),
                ReasonCode.SIGNING_CERTIFICATE_MISSING);
        PdfSignatureReport pkcs7 = last(TestPdfs.sign(TestPdfs.document("x"), C.signer(C.agency),
                Options.pades().subFilter("adbe.pkcs7.detached").withoutSigningCertificateV2()));
        assertEquals(Outcome.VALID, pkcs7.outcome(), pkcs7.reasons().toString());
        assertTrue(pkcs7.reasons().stream().anyMatch(x -> x.code() == ReasonCode.SIGNING_CERTIFICATE_MISSING
                && x.severity() == Reason.Severity.WARNING));
    }

    @Test
    void aSigningCertificateAttributeNamingAnotherCertificateIsRefused() throws Exception {
        assertCodes(TestPdfs.sign(TestPdfs.document("x"), C.signer(C.agency), Options.pades().signingCertificateNaming(
                C.person.certificate())), ReasonCode.SIGNING_CERTIFICATE_MISMATCH);
    }

    @Test
    void sha1IsAWeakAlgorithm() throws Exception {
        assertCodes(TestPdfs.sign(TestPdfs.document("x"), C.signer(C.agency), Options.pades().digest("SHA-1")),
                ReasonCode.WEAK_ALGORITHM);
    }

    @Test
    void certificatesOutsideTheirValidityAreRefused() throws Exception {
        Instant now = Instant.now();
        TestPki.Issued expired = TestPki.certificate(C.intermediate, "CN=Expired, OU=" + Corpus.SENDER + ", O=docaxis TEST PKI, C=VN")
                .validity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))).build();
        TestPki.Issued future = TestPki.certificate(C.intermediate, "CN=Future, OU=" + Corpus.SENDER + ", O=docaxis TEST PKI, C=VN")
                .validity(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))).build();
        assertCodes(TestPdfs.sign(TestPdfs.document("x"), C.signer(expired)), ReasonCode.CERT_EXPIRED);
        assertCodes(TestPdfs.sign(TestPdfs.document("x"), C.signer(future)), ReasonCode.CERT_NOT_YET_VALID);
    }

    @Test
    void aValidTimestampMakesTheSigningTimeTrustedSoAnExpiredCertificateStillValidates() throws Exception {
        Instant now = Instant.now();
        TestPki.Issued expiredSince = TestPki.certificate(C.intermediate, "CN=Expired yesterday, OU=" + Corpus.SENDER
                + ", O=docaxis TEST PKI, C=VN").validity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))).build();
        // the TSA writes whole seconds
        Date tenDaysAgo = Date.from(now.minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS));
        PdfSignatureReport s = last(TestPdfs.sign(TestPdfs.document("x"), C.signer(expiredSince),
                Options.pades().timestampedBy(C.tsa).timestampAt(tenDaysAgo)));
        assertEquals(Outcome.VALID, s.outcome(), s.reasons().toString());
        assertEquals(tenDaysAgo.toInstant(), s.trustedSigningTime());
        assertEquals(tenDaysAgo.toInstant(), s.validationTime());
        assertNotNull(s.claimedSigningTime());
    }

    @Test
    void aTimestampOfOtherDataIsRefused() throws Exception {
        assertCodes(TestPdfs.sign(TestPdfs.document("x"), C.signer(C.agency), Options.pades().timestampedBy(C.tsa)
                .timestampOverOtherData()), ReasonCode.TIMESTAMP_INVALID);
    }

    @Test
    void aRevokedCertificateIsRefusedAndMissingRevocationDataIsIndeterminate() throws Exception {
        TestPki.Issued revoked = TestPki.agency(C.intermediate, Corpus.SENDER);
        Instant now = Instant.now();
        X509CRL listing = TestPki.crl(C.intermediate, List.of(revoked.certificate()), now.minus(Duration.ofMinutes(5)),
                now.plus(Duration.ofDays(7)));
        byte[] pdf = TestPdfs.sign(TestPdfs.document("x"), C.signer(revoked));
        PdfSignatureReport s = last(pdf, C.trust(List.of(C.crls.get(0), listing)));
        assertHas(s, ReasonCode.CERT_REVOKED);
        assertEquals("REVOKED", s.revocationStatus());

        PdfSignatureReport unknown = last(TestPdfs.sign(TestPdfs.document("x"), C.signer(C.agency)),
                C.trust(List.of(C.crls.get(0))));
        assertHas(unknown, ReasonCode.REVOCATION_UNKNOWN);
        assertEquals(Outcome.INDETERMINATE, unknown.outcome());
        X509CRL stale = TestPki.crl(C.intermediate, List.of(), now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(3)));
        assertHas(last(TestPdfs.sign(TestPdfs.document("x"), C.signer(C.agency)), C.trust(List.of(C.crls.get(0), stale))),
                ReasonCode.REVOCATION_UNKNOWN);
    }

    @Test
    void aCertificateOfARogueRootIsUntrusted() throws Exception {
        TestPki.Issued rogue = TestPki.root("Rogue root");
        TestPki.Issued impostor = TestPki.agency(rogue, Corpus.SENDER);
        assertCodes(TestPdfs.sign(TestPdfs.document("x"), new TestPdfs.Signer(impostor, List.of(impostor.certificate(),
                rogue.certificate()))), ReasonCode.UNTRUSTED_ROOT);
    }

    @Test
    void aCertificateNotMeantForSigningIsRefused() throws Exception {
        TestPki.Issued encipherment = TestPki.certificate(C.intermediate, "CN=Encryption only, OU=" + Corpus.SENDER
                + ", O=docaxis TEST PKI, C=VN").keyUsage(KeyUsage.keyEncipherment).build();
        assertCodes(TestPdfs.sign(TestPdfs.document("x"), C.signer(encipherment)), ReasonCode.BAD_KEY_USAGE);
    }

    @Test
    void aFileThatNeedsRepairIsRefused() throws Exception {
        String s = new String(VALID, StandardCharsets.ISO_8859_1);
        int startxref = s.lastIndexOf("startxref");
        String number = s.substring(startxref + 10).trim().split("\\s+")[0];
        String wrong = "9".repeat(number.length());
        PdfVerifier.Examined e = C.examine(TestPdfs.replaceSameLength(VALID, number, wrong, startxref), dir);
        assertEquals(Set.of(ReasonCode.PDF_MALFORMED), e.problems().stream().map(Reason::code).collect(Collectors.toSet()));
    }

    @Test
    void aGigabyteDeflateBombIsRefusedWithinBounds() throws Exception {
        byte[] bomb = deflatedZeros(1L << 30);
        byte[] pdf = TestPdfs.update(TestPdfs.document("x"), doc -> {
            PDPage page = doc.getPage(0);
            COSStream stream = doc.getDocument().createCOSStream();
            try (var raw = stream.createRawOutputStream()) {
                raw.write(bomb);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            page.setContents(new PDStream(stream));
            page.getCOSObject().setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        });
        byte[] signed = TestPdfs.sign(pdf, C.signer(C.agency));
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        long start = System.nanoTime();
        PdfVerifier.Examined e = C.examine(signed, dir);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - allocatedBefore;
        assertEquals(Set.of(ReasonCode.RESOURCE_LIMIT), e.problems().stream().map(Reason::code).collect(Collectors.toSet()));
        assertTrue(millis < 5000, "refused in " + millis + " ms");
        assertTrue(allocated < 64L << 20, "refused after allocating " + (allocated >> 20) + " MB, not a gigabyte");
    }

    // ---- helpers ----

    private void assertCodes(byte[] pdf, ReasonCode expected) throws Exception {
        assertHas(last(pdf), expected);
    }

    private PdfSignatureReport last(byte[] pdf) throws Exception {
        return last(pdf, C.trust());
    }

    private PdfSignatureReport last(byte[] pdf, TrustMaterial trust) throws Exception {
        PdfVerifier.Examined e = C.examine(pdf, dir, trust);
        assertEquals(List.of(), e.problems(), "the file itself could be examined");
        assertTrue(!e.signatures().isEmpty(), "a signature was found");
        return e.signatures().get(e.signatures().size() - 1);
    }

    private static void assertHas(PdfSignatureReport s, ReasonCode code) {
        assertTrue(s.reasons().stream().anyMatch(r -> r.code() == code && r.isError()), "expected " + code + " in " + s.reasons());
        assertTrue(s.outcome() != Outcome.VALID, "not valid");
    }

    private static byte[] deflatedZeros(long size) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        byte[] buffer = new byte[1 << 16];
        for (long done = 0; done < size; done += zeros.length) {
            deflater.setInput(zeros);
            while (!deflater.needsInput()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }
}
