package vn.docaxis.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.docaxis.edxml.StatusCode;
import vn.docaxis.edxml.WireCode;
import vn.docaxis.platform.ErrorCode;
import vn.docaxis.platform.Now;
import vn.docaxis.platform.ProblemException;

/**
 * A receipt a clerk can print or file: in Vietnamese, what the document is, who sent it to whom,
 * and every event the evidence proves, with times and hashes. Built from the sealed evidence
 * alone and PAdES-signed by the axis key.
 */
@ApplicationScoped
public class ReceiptPdf {

    /** DejaVu Sans covers Vietnamese; it comes in a Maven artifact, not in this repository. */
    private static final String FONT = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
    private static final String BOLD = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";
    private static final String MONO = "/net/sf/jasperreports/fonts/dejavu/DejaVuSansMono.ttf";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss")
            .withZone(Now.VIETNAM);
    private static final Map<EvidenceEvent, String> EVENTS = Map.ofEntries(
            Map.entry(EvidenceEvent.SUBMISSION_ACCEPTED, "Trục đã tiếp nhận gói tin"),
            Map.entry(EvidenceEvent.SUBMISSION_REFUSED, "Trục từ chối gói tin"),
            Map.entry(EvidenceEvent.MADE_AVAILABLE, "Sẵn sàng để nơi nhận lấy về"),
            Map.entry(EvidenceEvent.RETRIEVED, "Nơi nhận đã lấy về thành công"),
            Map.entry(EvidenceEvent.RETRIEVAL_FAILED, "Nơi nhận báo lấy về không thành công"),
            Map.entry(EvidenceEvent.STATUS_RELAYED, "Chuyển trạng thái xử lý"),
            Map.entry(EvidenceEvent.RECALL_REQUESTED, "Yêu cầu thu hồi"),
            Map.entry(EvidenceEvent.RECALL_AGREED, "Đồng ý thu hồi"),
            Map.entry(EvidenceEvent.RECALL_REFUSED, "Từ chối thu hồi"),
            Map.entry(EvidenceEvent.OVERDUE, "Quá hạn chưa lấy về"),
            Map.entry(EvidenceEvent.ADMIN_CHANGE, "Thay đổi quản trị"));
    @Inject
    EvidenceService evidence;

    @Inject
    AxisKey axisKey;

    public byte[] render(UUID packageId) {
        List<EvidenceService.Sealed> events = evidence.sealedForPackage(packageId);
        EvidenceFacts.PackageFacts pkg = events.stream().map(e -> e.facts().pkg())
                .filter(p -> p != null && packageId.equals(p.id())).findFirst()
                .orElseThrow(() -> new ProblemException(ErrorCode.PACKAGE_NOT_FOUND, "No package " + packageId));
        Instant now = Now.instant();
        byte[] unsigned = layout(packageId, pkg, events, now);
        return new AxisPdfSigner(axisKey).sign(unsigned, "Biên nhận trao đổi văn bản điện tử " + packageId, now);
    }

    private byte[] layout(UUID packageId, EvidenceFacts.PackageFacts pkg, List<EvidenceService.Sealed> events, Instant now) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Biên nhận trao đổi văn bản điện tử");
            info.setAuthor("docaxis");
            Page page = new Page(doc, load(doc, FONT), load(doc, BOLD), load(doc, MONO));
            page.text(page.bold, 14, "BIÊN NHẬN TRAO ĐỔI VĂN BẢN ĐIỆN TỬ");
            page.text(page.regular, 9, "Trục liên thông văn bản docaxis · lập lúc " + TIME.format(now) + " (giờ Việt Nam)");
            page.gap(8);
            page.text(page.bold, 11, "Văn bản");
            Set<String> senders = new LinkedHashSet<>();
            Set<String> recipients = new LinkedHashSet<>();
            for (EvidenceService.Sealed e : events) {
                if (e.facts().pkg() != null && packageId.equals(e.facts().pkg().id())) {
                    e.facts().agencies().forEach(a -> (a.role().equals("SENDER") ? senders : recipients).add(a.code()));
                }
            }
            page.field("Số, ký hiệu", join(pkg.codeNumber(), pkg.codeNotation()));
            page.field("Trích yếu", pkg.subject());
            page.field("Mã định danh", pkg.documentId());
            page.field("Cơ quan gửi", String.join(", ", senders));
            page.field("Nơi nhận", String.join(", ", recipients));
            page.field("Mã gói tin", packageId.toString());
            page.field("Kích thước", pkg.size() == null ? null : pkg.size() + " byte");
            page.field("Kiểm tra chữ ký", "ACCEPTED".equals(pkg.verification()) ? "Hợp lệ theo chính sách của trục"
                    : pkg.verification());
            page.hash("SHA-256 gói tin", pkg.sha256());
            for (EvidenceService.Sealed e : events) {
                if (e.facts().event() == EvidenceEvent.SUBMISSION_ACCEPTED && packageId.equals(e.facts().pkg().id())) {
                    for (EvidenceFacts.AttachmentFact a : e.facts().pkg().attachments()) {
                        page.hash("Tệp " + a.name(), a.sha256());
                    }
                }
            }
            page.gap(8);
            page.text(page.bold, 11, "Diễn biến (mỗi dòng là một chứng cứ ký số của trục)");
            for (EvidenceService.Sealed e : events) {
                EvidenceFacts f = e.facts();
                StringBuilder line = new StringBuilder("#" + e.seq() + "  " + TIME.format(f.at()) + "  "
                        + EVENTS.getOrDefault(f.event(), f.event().name()));
                if (f.delivery() != null) {
                    line.append(" — ").append(f.delivery().recipient());
                }
                if (f.status() != null) {
                    line.append(" — trạng thái ").append(f.status().code()).append(' ').append(WireCode
                            .fromWire(StatusCode.class, f.status().code()).map(StatusCode::vietnamese).orElse(""));
                }
                if (f.pkg() != null && !packageId.equals(f.pkg().id())) {
                    line.append(" (gói tin ").append("STATUS".equals(f.pkg().kind()) ? "trạng thái" : "liên quan").append(')');
                }
                page.wrapped(page.regular, 9, line.toString());
                page.text(page.mono, 7, "    chứng cứ SHA-256 " + e.sha256());
            }
            page.gap(8);
            page.wrapped(page.regular, 8, "Mỗi chứng cứ là một tệp XML ký số, tải tại /api/v1/evidence/{số}, kiểm tra được "
                    + "bằng xmlsec1 với chứng thư của trục (/api/v1/evidence/certificate). Biên nhận này được trục ký số "
                    + "(PAdES); mọi thay đổi sau khi ký đều bị phát hiện.");
            page.hash("Chứng thư của trục", axisKey.fingerprint());
            page.close();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDType0Font load(PDDocument doc, String resource) throws IOException {
        try (InputStream in = ReceiptPdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is not on the classpath (jasperreports-fonts)");
            }
            return PDType0Font.load(doc, in);
        }
    }

    private static String join(String number, String notation) {
        if (number == null && notation == null) {
            return null;
        }
        return (number == null ? "" : number) + (notation == null ? "" : "/" + notation);
    }

    /** A top-down writer over A4 pages that starts a new page when the current one is full. */
    private static final class Page {
        private static final float MARGIN = 50;
        private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
        final PDDocument doc;
        final PDType0Font regular;
        final PDType0Font bold;
        final PDType0Font mono;
        PDPageContentStream stream;
        float y;

        Page(PDDocument doc, PDType0Font regular, PDType0Font bold, PDType0Font mono) throws IOException {
            this.doc = doc;
            this.regular = regular;
            this.bold = bold;
            this.mono = mono;
            newPage();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            stream = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void text(PDType0Font font, float size, String text) throws IOException {
            if (y - size * 1.4f < MARGIN) {
                newPage();
            }
            y -= size * 1.4f;
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(MARGIN, y);
            stream.showText(text);
            stream.endText();
        }

        void wrapped(PDType0Font font, float size, String text) throws IOException {
            for (String line : wrap(font, size, text)) {
                text(font, size, line);
            }
        }

        void field(String label, String value) throws IOException {
            if (value != null && !value.isBlank()) {
                wrapped(regular, 10, label + ": " + value.replaceAll("\\s+", " "));
            }
        }

        void hash(String label, String hex) throws IOException {
            if (hex != null) {
                wrapped(regular, 9, label + ":");
                text(mono, 8, "    " + hex);
            }
        }

        void gap(float points) {
            y -= points;
        }

        void close() throws IOException {
            stream.close();
        }

        private List<String> wrap(PDType0Font font, float size, String text) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (line.length() > 0 && font.getStringWidth(candidate) / 1000 * size > WIDTH) {
                    lines.add(line.toString());
                    line = new StringBuilder("  " + word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
            return lines;
        }
    }
}
