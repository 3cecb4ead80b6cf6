package vn.docaxis.support;

import static vn.docaxis.support.Api.as;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import vn.docaxis.edxml.AttachmentSource;
import vn.docaxis.edxml.Business;
import vn.docaxis.edxml.DocumentHeader;
import vn.docaxis.edxml.EdxmlWriter;
import vn.docaxis.edxml.StatusHeader;
import vn.docaxis.edxml.TestHeaders;

/** Agencies with their own systems, real packages written by {@link EdxmlWriter}, and the calls of the exchange. */
public final class Exchange {

    private Exchange() {
    }

    /** A registered agency and a connected system acting for it alone. */
    public record Party(String agency, String system, String secret) {
        public RequestSpecification call() {
            return as(system, secret);
        }
    }

    public static Party party() {
        String agency = Api.createAgency(Api.freshTopCode());
        String system = Api.freshName("sys");
        return new Party(agency, system, Api.createSystem(system, List.of(agency), List.of()));
    }

    public static byte[] documentWithId(String from, String documentId, Business business, String... to) {
        DocumentHeader h = TestHeaders.documentWithId(from, documentId, business, to);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] pdf = TestPdfs.document("Test document " + documentId.replaceAll("[^\\x20-\\x7e]", "?"));
        EdxmlWriter.writeDocument(out, h, List.of(AttachmentSource.of("cid:main", "vanban.pdf", "application/pdf", pdf)));
        return out.toByteArray();
    }

    public static byte[] document(String from, String... to) {
        return documentWithId(from, newDocumentId(from), null, to);
    }

    public static String newDocumentId(String from) {
        return from + ",2026/11/23," + Api.freshName("vb").substring(3) + "/VPCP-TTĐT";
    }

    public static byte[] status(String from, String counterpart, String documentId, String code) {
        StatusHeader s = TestHeaders.status(from, counterpart, documentId, code);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EdxmlWriter.writeStatus(out, s);
        return out.toByteArray();
    }

    public static Business business(String type, String originalDocumentId, List<Business.ReceiverChange> receivers) {
        return new Business(originalDocumentId, type, "Lý do " + type, "0", receivers.isEmpty() ? null : "1",
                receivers.isEmpty() ? null : "1", receivers, List.of(), List.of());
    }

    public static Response submit(Party sender, byte[] edxml) {
        return sender.call().contentType("application/xml").body(edxml).post("/api/v1/packages");
    }

    /** Sends a new document from {@code sender} to the recipients; returns the package id. */
    public static String sent(Party sender, Party... recipients) {
        String[] to = Arrays.stream(recipients).map(Party::agency).toArray(String[]::new);
        return submit(sender, document(sender.agency(), to)).then().statusCode(201).extract().path("packageId");
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The delivery id of the one pending item from {@code sender} in the party's inbox of that kind. */
    public static String pendingFrom(Party recipient, String kind, String packageId) {
        List<Map<String, Object>> items = recipient.call().queryParam("kind", kind).get("/api/v1/inbox")
                .then().statusCode(200).extract().path("items");
        return items.stream().filter(i -> packageId.equals(i.get("packageId"))).map(i -> (String) i.get("deliveryId"))
                .findFirst().orElseThrow(() -> new AssertionError("package " + packageId + " not in the inbox of " + recipient));
    }
}
