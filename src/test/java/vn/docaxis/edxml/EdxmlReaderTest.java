package vn.docaxis.edxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.docaxis.platform.ErrorCode;

class EdxmlReaderTest {

    @TempDir
    Path dir;

    private final EdxmlReader reader = new EdxmlReader(Limits.defaults());

    @ParameterizedTest
    @CsvSource({
            "status_inbox_01.edxml, 01, 000.00.00.H41, 000.00.00.G22",
            "status_rejection_02.edxml, 02, 000.00.00.H41, 000.00.00.G22",
            "status_acceptance_03.edxml, 03, 000.00.00.H41, 000.00.00.G22",
            "status_assignment_04.edxml, 04, 000.00.00.H41, 000.00.00.G22",
            "status_processing_05.edxml, 05, 000.00.00.H41, 000.00.00.G22",
            "status_finish_06.edxml, 06, 000.00.00.H41, 000.00.00.G22",
            "status_cancellation_13.edxml, 13, 000.00.00.G22, 000.00.00.H41",
            "status_change-acceptance_15.edxml, 15, 000.00.00.H41, 000.00.00.G22",
            "status_change-rejection_16.edxml, 16, 000.00.00.H41, 000.00.00.G22"})
    void readsTheOfficialStatusSamples(String file, String code, String from, String counterpart) throws Exception {
        try (ParsedPackage parsed = read(sample(file))) {
            EdxmlPackage p = parsed.content();
            assertEquals(PackageKind.STATUS, p.kind());
            assertEquals(code, p.status().statusCode());
            assertEquals(from, p.status().from().organId());
            assertEquals(counterpart, p.status().responseFor().organId());
            assertEquals("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT", p.status().responseFor().documentId());
            assertTrue(p.status().code().isPresent());
            EdxmlValidator.validate(p);
        }
    }

    @Test
    void readsTheUpdateSampleWithItsZippedAttachmentAndReceiverChanges() throws Exception {
        Path file = sample("edoc_update.edxml");
        try (ParsedPackage parsed = read(file)) {
            DocumentHeader h = parsed.content().document();
            assertEquals("000.00.00.G22", h.from().organId());
            assertEquals(List.of("000.00.00.H41", "000.00.00.H14", "000.00.00.G17"),
                    h.to().stream().map(Organization::organId).toList());
            assertEquals("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT", h.documentId());
            assertEquals("7816", h.codeNumber());
            assertEquals("VPCP-TTĐT", h.codeNotation());
            assertEquals(BusinessDocType.UPDATE, h.businessType());
            assertEquals(List.of(new Business.ReceiverChange("000.00.00.H41", "0"),
                    new Business.ReceiverChange("000.00.00.H14", "1")), h.business().receivers());
            assertEquals(SignatureForm.LEGACY_QCVN_NAMESPACE, parsed.content().envelopeSignature());

            Attachment a = parsed.content().attachments().get(0);
            assertEquals("cid:209", a.contentId());
            assertTrue(a.usable(), a.problem());
            assertTrue(a.zipped(), "sniffed as ZIP by its magic");
            assertEquals("1896_QD-TTg_m_294779.doc", a.attachmentName());
            // the same hash computed independently: regex + the JDK's MIME decoder over the raw file
            byte[] expected = independentlyDecodedAttachment(file);
            assertEquals(expected.length, a.size());
            assertEquals(sha256(expected), a.sha256());
            assertTrue(a.contentSize() > 0 && a.contentSha256() != null, "the file inside the ZIP was extracted");
            EdxmlValidator.validate(parsed.content());
        }
    }

    @Test
    void readsTheRevocationAndReplacementSamples() throws Exception {
        try (ParsedPackage revocation = read(sample("edoc_revocation.edxml"));
             ParsedPackage replacement = read(sample("edoc_replacement.edxml"))) {
            assertEquals(BusinessDocType.REVOKE, revocation.content().document().businessType());
            assertEquals("000.00.04.G14,2012/08/06,267/VPCP-TTĐT",
                    revocation.content().document().responseFor().get(0).documentId());
            DocumentHeader r = replacement.content().document();
            assertEquals(BusinessDocType.REPLACE, r.businessType());
            assertEquals(2, r.business().replacements().size());
            assertEquals(List.of("000.00.00.H41", "000.00.00.H14"), r.business().replacements().get(0).organIds());
        }
    }

    @Test
    void readsTheSmallSampleDespiteItsUndeclaredXlinkPrefixButFindsItsAttachmentIsNotBase64() throws Exception {
        try (ParsedPackage parsed = read(sample("edoc_small.edxml"))) {
            EdxmlPackage p = parsed.content();
            assertEquals("002.00.20.H13", p.document().from().organId());
            assertEquals(SignatureForm.STANDARD, p.envelopeSignature());
            assertEquals("Văn bản liên thông chỉ đạo - 190701", p.document().subject());
            assertTrue(p.document().responseFor().isEmpty(), "empty ResponseFor blocks are dropped");
            assertEquals("9fbfbad2-f1f8-4256-a2eb-50fb1061cddb", p.document().documentId(), "written last, found anyway");
            Attachment a = p.attachments().get(0);
            assertFalse(a.usable());
            assertTrue(a.problem().startsWith("not base64"), a.problem());
            EdxmlException e = assertThrows(EdxmlException.class, () -> EdxmlValidator.validate(p));
            assertEquals(ErrorCode.ATTACHMENT_INVALID, e.code());
        }
    }

    @Test
    void refusesTheSampleWithStrayBytesBeforeTheXmlDeclaration() {
        EdxmlException e = assertThrows(EdxmlException.class, () -> read(sample("edoc_new.edxml")));
        assertEquals(ErrorCode.EDXML_MALFORMED, e.code());
        assertTrue(e.detail().contains("line 1"), e.detail());
    }

    @Test
    void refusesDoctypeSoExternalEntitiesAreNeverResolved() throws Exception {
        Path xxe = write("<?xml version=\"1.0\"?><!DOCTYPE edXML [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<edXML xmlns=\"" + Edxml.NS + "\"><x>&xxe;</x></edXML>");
        EdxmlException e = assertThrows(EdxmlException.class, () -> read(xxe));
        assertEquals(ErrorCode.EDXML_MALFORMED, e.code());
        assertTrue(e.detail().contains("DOCTYPE"), e.detail());
    }

    @Test
    void refusesEntityExpansionFast() throws Exception {
        StringBuilder lol = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) {
            lol.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        lol.append("]><edXML xmlns=\"" + Edxml.NS + "\">&lol9;</edXML>");
        Path bomb = write(lol.toString());
        long start = System.nanoTime();
        EdxmlException e = assertThrows(EdxmlException.class, () -> read(bomb));
        assertEquals(ErrorCode.EDXML_MALFORMED, e.code());
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "refused at once");
        // an undeclared entity without DOCTYPE is refused too
        Path undeclared = write("<edXML xmlns=\"" + Edxml.NS + "\">&lol9;</edXML>");
        assertEquals(ErrorCode.EDXML_MALFORMED, assertThrows(EdxmlException.class, () -> read(undeclared)).code());
    }

    @Test
    void refusesExcessiveDepthAndElementCounts() throws Exception {
        Path deep = write("<edXML xmlns=\"" + Edxml.NS + "\">" + "<a>".repeat(100) + "</a>".repeat(100) + "</edXML>");
        assertTrue(assertThrows(EdxmlException.class, () -> read(deep)).detail().contains("deeper"));
        Path wide = write("<edXML xmlns=\"" + Edxml.NS + "\">" + "<a/>".repeat(100_001) + "</edXML>");
        assertTrue(assertThrows(EdxmlException.class, () -> read(wide)).detail().contains("elements"));
    }

    @Test
    void refusesWhatIsNotAnEdxmlPackage() throws Exception {
        assertEquals(ErrorCode.EDXML_MALFORMED,
                assertThrows(EdxmlException.class, () -> read(write("<html><body/></html>"))).code());
        assertEquals(ErrorCode.EDXML_MALFORMED,
                assertThrows(EdxmlException.class, () -> read(write("<edXML xmlns=\"" + Edxml.NS + "\"/>"))).code());
        assertEquals(ErrorCode.EDXML_MALFORMED,
                assertThrows(EdxmlException.class, () -> read(write("not xml at all"))).code());
        assertEquals(ErrorCode.EDXML_MALFORMED,
                assertThrows(EdxmlException.class, () -> read(write(""))).code());
        Path unbound = write("<edXML xmlns=\"" + Edxml.NS + "\"><q:edXMLEnvelope/></edXML>");
        // only the conventional edXML prefix is honoured undeclared
        assertTrue(assertThrows(EdxmlException.class, () -> read(unbound)).detail().contains("not declared"));
    }

    @Test
    void refusesAZipBombInsideAnAttachment() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("bomb.pdf"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        Path pkg = dir.resolve("bomb.edxml");
        try (var out = Files.newOutputStream(pkg)) {
            EdxmlWriter.writeDocument(out, TestHeaders.document("000.00.00.G22", "000.00.00.H41"),
                    List.of(AttachmentSource.of("cid:1", "bomb.pdf", "application/pdf", zip.toByteArray())));
        }
        long start = System.nanoTime();
        try (ParsedPackage parsed = read(pkg)) {
            Attachment a = parsed.content().attachments().get(0);
            assertTrue(a.zipped());
            assertTrue(a.problem().contains("zip bomb") || a.problem().contains("larger than"), a.problem());
            EdxmlException e = assertThrows(EdxmlException.class, () -> EdxmlValidator.validate(parsed.content()));
            assertEquals(ErrorCode.ATTACHMENT_INVALID, e.code());
        }
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "stopped early, without inflating 300 MB");
    }

    @Test
    void aManifestThatDoesNotMatchTheAttachmentsIsInvalid() throws Exception {
        // the manifest's reference (the prefixed one) no longer names the attachment
        String xml = Files.readString(sample("edoc_update.edxml"))
                .replaceFirst("<edXML:ContentId>cid:209<", "<edXML:ContentId>cid:999<");
        try (ParsedPackage parsed = read(write(xml))) {
            EdxmlException e = assertThrows(EdxmlException.class, () -> EdxmlValidator.validate(parsed.content()));
            assertEquals(ErrorCode.EDXML_INVALID, e.code());
            assertTrue(e.detail().contains("cid:999") || e.detail().contains("cid:209"), e.detail());
        }
    }

    @Test
    void theWorkDirectoryIsRemovedOnCloseAndOnFailure() throws Exception {
        Path work = dir.resolve("work");
        read(sample("edoc_update.edxml"), work).close();
        assertFalse(Files.exists(work));
        Path failed = dir.resolve("failed");
        assertThrows(EdxmlException.class, () -> reader.read(sample("edoc_new.edxml"), failed));
        assertFalse(Files.exists(failed));
    }

    // ---- helpers ----

    static Path sample(String name) throws Exception {
        return Path.of(EdxmlReaderTest.class.getResource("/interop/" + name).toURI());
    }

    private ParsedPackage read(Path file) {
        return read(file, dir.resolve("work-" + System.nanoTime()));
    }

    private ParsedPackage read(Path file, Path work) {
        return reader.read(file, work);
    }

    private Path write(String xml) throws Exception {
        Path f = Files.createTempFile(dir, "pkg", ".edxml");
        Files.writeString(f, xml, StandardCharsets.UTF_8);
        return f;
    }

    private static byte[] independentlyDecodedAttachment(Path file) throws Exception {
        Matcher m = Pattern.compile("ContentTransferEncoded[^>]*>([^<]*)<", Pattern.DOTALL).matcher(Files.readString(file));
        assertTrue(m.find());
        return Base64.getMimeDecoder().decode(m.group(1));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

}
