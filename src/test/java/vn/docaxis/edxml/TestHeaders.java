package vn.docaxis.edxml;

import java.util.Arrays;
import java.util.List;

/** Minimal valid headers for tests; vary one field at a time with the record's own copy idioms. */
public final class TestHeaders {

    private TestHeaders() {
    }

    public static Organization organ(String code) {
        return new Organization(code, "Cơ quan " + code, null, null, null, null, null, null);
    }

    public static DocumentHeader document(String from, String... to) {
        return documentWithId(from, "000.00.00.G22,2026/11/23," + System.nanoTime() + "/VPCP-TTĐT", null, to);
    }

    public static DocumentHeader documentWithId(String from, String documentId, Business business, String... to) {
        return numbered(from, documentId, "7816", "V/v kết nối, liên thông phần mềm quản lý văn bản", business, to);
    }

    /** A document with its own number and subject, so that a search finds it alone. */
    public static DocumentHeader numbered(String from, String documentId, String codeNumber, String subject,
                                          Business business, String... to) {
        return new DocumentHeader(organ(from), Arrays.stream(to).map(TestHeaders::organ).toList(), documentId, codeNumber,
                "VPCP-TTĐT", "Hà Nội", "2026/11/23", "1", null, "Công văn", subject,
                null, "TL. BỘ TRƯỞNG", "Chánh Văn phòng", "Nguyễn Văn A", null, List.of(), null, List.of(), null,
                List.of(new TraceHeader(from, "2026/11/23 08:00:00")), business);
    }

    public static StatusHeader status(String from, String counterpart, String documentId, String code) {
        return new StatusHeader(organ(from), new ResponseFor(counterpart, "7816/VPCP-TTĐT", "2026/11/23", documentId),
                new StaffInfo("Văn thư", "Nguyễn Thị B", "0912000001", "vanthu@example.vn"), code,
                "Trạng thái " + code, "2026/11/23 09:00:00");
    }
}
