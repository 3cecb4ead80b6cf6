package vn.docaxis.vdxp;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import vn.docaxis.agency.AgencyFilter;
import vn.docaxis.agency.AgencyRequest;
import vn.docaxis.agency.AgencyService;
import vn.docaxis.agency.AgencyStatus;
import vn.docaxis.agency.AgencyView;
import vn.docaxis.edxml.PackageKind;
import vn.docaxis.edxml.WireCode;
import vn.docaxis.exchange.AckRequest;
import vn.docaxis.exchange.BlobStore;
import vn.docaxis.exchange.InboxItem;
import vn.docaxis.exchange.InboxPage;
import vn.docaxis.exchange.InboxService;
import vn.docaxis.exchange.SpooledBody;
import vn.docaxis.exchange.SubmissionResult;
import vn.docaxis.exchange.SubmissionService;
import vn.docaxis.exchange.TrackingService;
import vn.docaxis.platform.Now;
import vn.docaxis.platform.PageView;
import vn.docaxis.platform.Paging;
import vn.docaxis.security.Access;
import vn.docaxis.security.Actor;

/**
 * Each VDXP call translated onto the services of the native API: parameters in, the SDK's JSON
 * shapes out. No business rule lives here.
 */
@ApplicationScoped
public class VdxpCalls {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withZone(Now.VIETNAM);
    private static final byte[] CRLF = {'\r', '\n'};

    @Inject
    SubmissionService submissions;

    @Inject
    InboxService inbox;

    @Inject
    TrackingService tracking;

    @Inject
    BlobStore blobs;

    @Inject
    AgencyService agencies;

    @Inject
    Access access;

    static Map<String, Object> ok() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "OK");
        body.put("ErrorCode", VdxpError.OK.wire());
        body.put("ErrorDesc", "");
        return body;
    }

    static Map<String, Object> fail(VdxpError error, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "FAIL");
        body.put("ErrorCode", error.wire());
        body.put("ErrorDesc", detail == null || detail.isBlank() ? error.description() : detail);
        return body;
    }

    // ---- sending ----

    Map<String, Object> send(VdxpRequest request, InputStream body) {
        String from = request.required("from");
        PackageKind kind = kind(request.required("messagetype"));
        String hashFile = request.required("hash-file");
        access.requireActFor(from, "vdxp.sendEdoc");
        SpooledBody spooled = submissions.spool(body);
        try {
            spooled = matching(spooled, hashFile);
            SubmissionResult result = submissions.submit(spooled, null, kind);
            Map<String, Object> answer = ok();
            answer.put("DocId", result.packageId().toString());
            return answer;
        } finally {
            spooled.close();
        }
    }

    /**
     * The body whose hash the client announced: as received, or without the CRLF the SDK appends.
     * The SDK writes each byte of the hash in hex without zero-padding; so is it compared.
     */
    private static SpooledBody matching(SpooledBody body, String hashFile) {
        try {
            if (sdkHex(body.sha256()).equalsIgnoreCase(hashFile.trim()) || body.sha256().equalsIgnoreCase(hashFile.trim())) {
                return body;
            }
            if (body.endsWith(CRLF)) {
                SpooledBody trimmed = body.withoutLast(CRLF.length);
                if (sdkHex(trimmed.sha256()).equalsIgnoreCase(hashFile.trim())
                        || trimmed.sha256().equalsIgnoreCase(hashFile.trim())) {
                    return trimmed;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new VdxpException(VdxpError.HASH_FILE_MISMATCH, "XroadVnpt-hash-file is not the SHA-256 of the body");
    }

    /** {@code Integer.toHexString(b & 0xFF)} per byte: "0a" becomes "a". */
    static String sdkHex(String paddedHex) {
        StringBuilder out = new StringBuilder(64);
        for (int i = 0; i < paddedHex.length(); i += 2) {
            char high = paddedHex.charAt(i);
            if (high != '0') {
                out.append(high);
            }
            out.append(paddedHex.charAt(i + 1));
        }
        return out.toString();
    }

    // ---- receiving ----

    Map<String, Object> receivedList(VdxpRequest request) {
        PackageKind kind = kind(request.optional("messagetype").orElse("edoc"));
        int pageSize = number(request.optional("pageSize").orElse("100"), "pageSize");
        int pageIndex = number(request.optional("pageIndex").orElse("1"), "pageIndex");
        String cursor = null;
        InboxPage page = inbox.list(kind, null, Integer.toString(pageSize), null);
        for (int i = 1; i < pageIndex && page.nextCursor() != null; i++) {
            cursor = page.nextCursor();
            page = inbox.list(kind, null, Integer.toString(pageSize), cursor);
        }
        List<Map<String, Object>> data = new ArrayList<>();
        if (pageIndex == 1 || cursor != null) {
            for (InboxItem item : page.items()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("docId", item.deliveryId().toString());
                row.put("serviceType", "eDoc");
                row.put("messageType", kind.wire());
                row.put("created_time", TIME.format(item.madeAvailableAt()));
                row.put("updated_time", TIME.format(item.madeAvailableAt()));
                row.put("from", item.sender());
                row.put("to", item.recipient());
                row.put("status", item.failCount() > 0 ? "fail" : "initial");
                row.put("status_desc", item.failCount() > 0 ? "Nhận lỗi " + item.failCount() + " lần, đang chờ nhận lại"
                        : "Chờ nhận");
                data.add(row);
            }
        }
        Map<String, Object> answer = ok();
        answer.put("data", data);
        return answer;
    }

    Download download(VdxpRequest request) {
        InboxService.Fetch fetch = inbox.fetch(docId(request));
        return new Download(fetch.deliveryId(), out -> copy(fetch, out));
    }

    Map<String, Object> updateStatus(VdxpRequest request) {
        UUID delivery = docId(request);
        String status = request.required("status").trim().toLowerCase(Locale.ROOT);
        String description = request.optional("description").orElse(null);
        switch (status) {
            case "done", "fail" -> inbox.acknowledge(delivery, new AckRequest(status, description));
            case "processing" -> inbox.requireRecipientOf(delivery); // nothing changes, but only for its recipient
            default -> throw new VdxpException(VdxpError.INVALID_PARAMETER, "XroadVnpt-status must be done, fail or processing");
        }
        return ok();
    }

    Map<String, Object> count(VdxpRequest request, String kind) {
        Map<String, Object> answer = ok();
        answer.put("count", inbox.count(kind(kind)));
        return answer;
    }

    // ---- what was sent ----

    Map<String, Object> sentList(VdxpRequest request) {
        PackageKind kind = kind(request.optional("messagetype").orElse("edoc"));
        UUID packageId = request.optional("docId", "docid").map(VdxpCalls::uuid).orElse(null);
        List<Map<String, Object>> data = new ArrayList<>();
        for (TrackingService.SentCopy c : tracking.sentCopies(kind, packageId, 1000)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("serviceType", "eDoc");
            row.put("senderDocId", c.packageId().toString());
            row.put("receiverDocId", c.deliveryId().toString());
            row.put("fromCode", c.sender());
            row.put("toCode", c.recipient());
            row.put("title", c.subject());
            row.put("notation", c.codeNumber() == null ? c.codeNotation() : c.codeNumber() + "/" + c.codeNotation());
            row.put("messageType", kind.wire());
            row.put("sentTime", TIME.format(c.sentAt()));
            row.put("receivedTime", c.ackedAt() == null ? null : TIME.format(c.ackedAt()));
            row.put("sendStatus", "done");
            row.put("sendStatusDesc", "Trục đã tiếp nhận");
            row.put("receiveStatus", c.state().name().toLowerCase(Locale.ROOT));
            row.put("receiveStatusDesc", receiveStatus(c));
            data.add(row);
        }
        Map<String, Object> answer = ok();
        answer.put("data", data);
        return answer;
    }

    private static String receiveStatus(TrackingService.SentCopy c) {
        String transport = switch (c.state()) {
            case PENDING -> "Chờ nơi nhận lấy về";
            case DELIVERED -> "Nơi nhận đã lấy về";
            case FAILED -> "Nơi nhận không lấy về được";
            case RECALLED -> "Đã thu hồi";
        };
        return c.businessStatus() == null ? transport : transport + "; trạng thái xử lý " + c.businessStatus();
    }

    // ---- the registry ----

    enum AgencyListing { QCVN102, QD20, SYNCHRONIZE }

    Map<String, Object> agencies(AgencyListing listing) {
        List<Map<String, Object>> data = new ArrayList<>();
        int page = 0;
        PageView<AgencyView> views;
        do {
            views = agencies.listViews(new AgencyFilter(null, null, null), new Paging(page++, Paging.MAX_SIZE));
            for (AgencyView a : views.items()) {
                Map<String, Object> row = new LinkedHashMap<>();
                switch (listing) {
                    case QCVN102 -> {
                        row.put("id", a.code());
                        row.put("pid", a.parentCode());
                        row.put("code", a.code());
                        row.put("name", a.name());
                        row.put("mail", a.email());
                        row.put("oldCode", a.legacy() ? a.code() : null);
                    }
                    case QD20 -> {
                        if (a.qd20Code() == null) {
                            continue;
                        }
                        row.put("id", a.code());
                        row.put("code", a.qd20Code());
                        row.put("name", a.name());
                        row.put("mail", a.email());
                        row.put("code102", a.code());
                    }
                    case SYNCHRONIZE -> {
                        row.put("id", a.code());
                        row.put("pid", a.parentCode());
                        row.put("code", a.code());
                        row.put("name", a.name());
                        row.put("mail", a.email());
                        row.put("version", a.updatedAt().toEpochMilli());
                        row.put("centerCode", null);
                        row.put("deleted", a.status() == AgencyStatus.SUSPENDED);
                        row.put("modifyDate", TIME.format(a.updatedAt()));
                        row.put("isAgency", true);
                    }
                    default -> throw new IllegalStateException();
                }
                data.add(row);
            }
        } while ((long) page * Paging.MAX_SIZE < views.total());
        Map<String, Object> answer = ok();
        answer.put("data", data);
        return answer;
    }

    Map<String, Object> registerAgency(VdxpRequest request, JsonNode agency) {
        Actor actor = requireAgencyAdmin();
        agencies.create(new AgencyRequest(text(agency, "code"), text(agency, "name"), text(agency, "pcode"), null,
                text(agency, "mail"), text(agency, "mobile")), actor);
        return ok();
    }

    Map<String, Object> deleteAgency(VdxpRequest request) {
        Actor actor = requireAgencyAdmin();
        agencies.setStatus(request.required("AgencyCode"), AgencyStatus.SUSPENDED, actor);
        return ok();
    }

    private Actor requireAgencyAdmin() {
        Actor actor = access.actor();
        if (!actor.agencyAdmin()) {
            throw new VdxpException(VdxpError.NOT_PERMITTED, "Only a system with the agency-admin grant manages the registry");
        }
        return actor;
    }

    // ---- parameters ----

    private static PackageKind kind(String messageType) {
        return WireCode.fromWire(PackageKind.class, messageType.trim().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new VdxpException(VdxpError.INVALID_PARAMETER, "messagetype must be edoc or status"));
    }

    private static UUID docId(VdxpRequest request) {
        return uuid(request.required("docId", "docid"));
    }

    private static UUID uuid(String raw) {
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            throw new VdxpException(VdxpError.NOT_FOUND, "No document " + raw);
        }
    }

    private static int number(String raw, String name) {
        try {
            int n = Integer.parseInt(raw.trim());
            if (n >= 1 && n <= 500) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new VdxpException(VdxpError.INVALID_PARAMETER, name + " must be a number from 1 to 500");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().trim();
    }

    private void copy(InboxService.Fetch fetch, OutputStream out) {
        try {
            blobs.copyTo(fetch.blobId(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A package to stream to its recipient. */
    record Download(UUID deliveryId, Writer writer) {
        void writeTo(OutputStream out) {
            writer.write(out);
        }
    }

    interface Writer {
        void write(OutputStream out);
    }
}
