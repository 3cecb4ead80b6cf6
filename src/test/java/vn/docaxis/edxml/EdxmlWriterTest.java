package vn.docaxis.edxml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdxmlWriterTest {

    @TempDir
    Path dir;

    @Test
    void aWrittenDocumentReadsBackAsWritten() throws Exception {
        Business business = new Business("000.00.00.G22,2026/11/01,1/VPCP", "2", "Cập nhật danh sách nơi nhận", "0", "1", "1",
                List.of(new Business.ReceiverChange("000.00.00.H41", "0"), new Business.ReceiverChange("000.00.00.H14", "1")),
                List.of(new Business.Replacement("000.00.00.G22,2026/10/01,9/VPCP", List.of("000.00.00.H41"))),
                List.of(new StaffInfo("Văn thư", "Trần Thị C", "0912", "c@example.vn")));
        DocumentHeader written = new DocumentHeader(TestHeaders.organ("000.00.00.G22"),
                List.of(TestHeaders.organ("000.00.00.H41"), TestHeaders.organ("000.00.00.H14")),
                "000.00.00.G22,2026/11/23,123/VPCP-KGVX", "123", "VPCP-KGVX", "Hà Nội", "2026/11/23", "1", "2", "Công văn",
                "Về việc <thử> & \"kiểm tra\" ký tự đặc biệt", "Nội dung", "KT. BỘ TRƯỞNG", "Thứ trưởng", "Lê Văn D",
                "2026/12/01", List.of("Như trên", "Lưu: VT"),
                new OtherInfo("1", "Lưu hành nội bộ", "LVD", "10", "2", null, List.of("Phụ lục I")),
                List.of(new ResponseFor("000.00.00.H41", "45/UBND", "2026/11/01", "000.00.00.H41,2026/11/01,45/UBND")),
                "2", List.of(new TraceHeader("000.00.00.G22", "2026/11/23 08:00:00")), business);
        byte[] pdf = new byte[200_000];
        new Random(7).nextBytes(pdf);
        pdf[0] = '%';
        Path file = dir.resolve("doc.edxml");
        try (OutputStream out = Files.newOutputStream(file)) {
            EdxmlWriter.writeDocument(out, written, List.of(AttachmentSource.of("cid:main", "vanban.pdf", "application/pdf", pdf)));
        }
        try (ParsedPackage parsed = new EdxmlReader(Limits.defaults()).read(file, dir.resolve("work"))) {
            assertEquals(written, parsed.content().document());
            Attachment a = parsed.content().attachments().get(0);
            assertEquals(pdf.length, a.size());
            assertArrayEquals(pdf, Files.readAllBytes(a.content()));
            assertFalse(a.zipped());
            EdxmlValidator.validate(parsed.content());
        }
    }

    @Test
    void aWrittenStatusReadsBackAsWritten() throws Exception {
        StatusHeader written = TestHeaders.status("000.00.00.H41", "000.00.00.G22", "000.00.00.G22,2026/11/23,1/VPCP", "03");
        Path file = dir.resolve("status.edxml");
        try (OutputStream out = Files.newOutputStream(file)) {
            EdxmlWriter.writeStatus(out, written);
        }
        try (ParsedPackage parsed = new EdxmlReader(Limits.defaults()).read(file, dir.resolve("work"))) {
            assertEquals(PackageKind.STATUS, parsed.content().kind());
            assertEquals(written, parsed.content().status());
            EdxmlValidator.validate(parsed.content());
        }
    }
}
