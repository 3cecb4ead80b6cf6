package vn.docaxis.exchange;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.docaxis.support.Exchange.document;
import static vn.docaxis.support.Exchange.documentWithId;
import static vn.docaxis.support.Exchange.party;
import static vn.docaxis.support.Exchange.pendingFrom;
import static vn.docaxis.support.Exchange.sha256;
import static vn.docaxis.support.Exchange.status;
import static vn.docaxis.support.Exchange.submit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import vn.docaxis.edxml.Business;
import vn.docaxis.support.Api;
import vn.docaxis.support.Exchange.Party;
import vn.docaxis.support.Exchange;

/** A document's life through HTTP: submitted, routed, fetched byte for byte, acknowledged, answered. */
@QuarkusTest
class ExchangeFlowTest {

    @Test
    void aDocumentReachesThreeRecipientsWhoFetchTheExactBytesAndTheirStatusesReachTheSender() {
        Party sender = party();
        Party r1 = party();
        Party r2 = party();
        Party r3 = party();
        String documentId = Exchange.newDocumentId(sender.agency());
        byte[] edxml = documentWithId(sender.agency(), documentId, null, r1.agency(), r2.agency(), r3.agency());

        JsonPath accepted = submit(sender, edxml).then().statusCode(201)
                .header("Location", Matchers.endsWith("/api/v1/packages/" + submit(sender, edxml).path("packageId")))
                .body("kind", equalTo("DOCUMENT")).body("businessType", equalTo("NEW"))
                .body("sha256", equalTo(sha256(edxml))).body("size", equalTo(edxml.length))
                .body("verification", equalTo("ACCEPTED"))
                .body("recipients.outcome", equalTo(List.of("ACCEPTED", "ACCEPTED", "ACCEPTED")))
                .extract().jsonPath();
        String packageId = accepted.getString("packageId");

        for (Party r : List.of(r1, r2, r3)) {
            String deliveryId = pendingFrom(r, "edoc", packageId);
            Response fetched = r.call().get("/api/v1/inbox/" + deliveryId);
            fetched.then().statusCode(200).contentType("application/xml")
                    .header("Docaxis-Sender", sender.agency()).header("Docaxis-Recipient", r.agency())
                    .header("Docaxis-Package-Id", packageId)
                    .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256(edxml))) + ":");
            assertArrayEquals(edxml, fetched.asByteArray(), "the recipient gets the sender's bytes, unchanged");
            r.call().contentType(ContentType.JSON).body(Map.of("result", "done")).post("/api/v1/inbox/" + deliveryId + "/ack")
                    .then().statusCode(200).body("state", equalTo("DELIVERED"));
        }

        List<String> statusPackages = new ArrayList<>();
        for (String code : List.of("01", "03", "05", "06")) {
            statusPackages.add(submit(r1, status(r1.agency(), sender.agency(), documentId, code)).then().statusCode(201)
                    .body("kind", equalTo("STATUS")).body("statusCode", equalTo(code))
                    .body("recipients[0].agencyCode", equalTo(sender.agency())).extract().path("packageId"));
        }
        submit(r2, status(r2.agency(), sender.agency(), documentId, "01")).then().statusCode(201);
        submit(r2, status(r2.agency(), sender.agency(), documentId, "02")).then().statusCode(201);

        // the statuses wait in the sender's inbox, as status packages
        List<Map<String, Object>> statuses = sender.call().queryParam("kind", "status").get("/api/v1/inbox")
                .then().statusCode(200).extract().path("items");
        assertEquals(List.of("01", "03", "05", "06", "01", "02"), statuses.stream().map(s -> s.get("statusCode")).toList());

        JsonPath tracked = sender.call().get("/api/v1/packages/" + packageId).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(documentId, "7816", "VPCP-TTĐT", "2026-11-23", "V/v kết nối, liên thông phần mềm quản lý văn bản"),
                List.of(tracked.getString("documentId"), tracked.getString("codeNumber"), tracked.getString("codeNotation"),
                        tracked.getString("promulgationDate"), tracked.getString("subject")));
        assertEquals(List.of(r1.agency(), r2.agency(), r3.agency()), tracked.getList("recipients.agencyCode"));
        Map<String, Object> one = tracked.getMap("recipients.find { it.agencyCode == '" + r1.agency() + "' }");
        assertEquals("DELIVERED", one.get("state"));
        assertEquals("06", one.get("businessStatus"));
        assertEquals(List.of("MADE_AVAILABLE", "FETCHED", "ACK_DONE", "STATUS", "STATUS", "STATUS", "STATUS"),
                types(tracked, r1.agency()));
        assertEquals(List.of("01", "03", "05", "06"),
                tracked.getList("recipients.find { it.agencyCode == '" + r1.agency() + "' }.timeline.findAll { it.type == 'STATUS' }.statusCode"));
        // each status step names the status package that reported it
        assertEquals(statusPackages,
                tracked.getList("recipients.find { it.agencyCode == '" + r1.agency() + "' }.timeline.findAll { it.type == 'STATUS' }.packageId"));
        // a refusal after an arrival is legal, and recorded
        assertEquals("02", tracked.getString("recipients.find { it.agencyCode == '" + r2.agency() + "' }.businessStatus"));

        // each recipient sees its own copy only
        r2.call().get("/api/v1/packages/" + packageId).then().statusCode(200)
                .body("recipients.agencyCode", equalTo(List.of(r2.agency())))
                .body("refusedRecipients", nullValue());
    }

    @Test
    void aRecallAgreedMakesTheCopyUnfetchableButKeepsItsMetadata() {
        Party sender = party();
        Party recipient = party();
        String documentId = Exchange.newDocumentId(sender.agency());
        String packageId = submit(sender, documentWithId(sender.agency(), documentId, null, recipient.agency()))
                .then().statusCode(201).extract().path("packageId");
        String deliveryId = pendingFrom(recipient, "edoc", packageId);
        recipient.call().get("/api/v1/inbox/" + deliveryId).then().statusCode(200);

        // 13: the sender asks for the document back; the request reaches the recipient's status inbox
        String recall = submit(sender, status(sender.agency(), recipient.agency(), documentId, "13")).then().statusCode(201)
                .body("recipients[0].agencyCode", equalTo(recipient.agency())).body("relatesTo", equalTo(deliveryId))
                .extract().path("packageId");
        pendingFrom(recipient, "status", recall);
        sender.call().get("/api/v1/packages/" + packageId).then()
                .body("recipients[0].recallState", equalTo("REQUESTED"));

        // 15: the recipient agrees; its copy is gone from the axis
        submit(recipient, status(recipient.agency(), sender.agency(), documentId, "15")).then().statusCode(201);
        recipient.call().get("/api/v1/inbox/" + deliveryId).then().statusCode(410)
                .contentType("application/problem+json").body("code", equalTo("DELIVERY_RECALLED"));
        sender.call().get("/api/v1/packages/" + packageId).then().statusCode(200)
                .body("recipients[0].state", equalTo("RECALLED"))
                .body("recipients[0].recallState", equalTo("AGREED"))
                .body("subject", not(nullValue()))
                .body("recipients[0].timeline.type", hasItem("RECALL_AGREED"));
    }

    @Test
    void aRevokePackageAsksEveryRecipientAndARefusalKeepsTheCopy() {
        Party sender = party();
        Party r1 = party();
        Party r2 = party();
        String documentId = Exchange.newDocumentId(sender.agency());
        String original = submit(sender, documentWithId(sender.agency(), documentId, null, r1.agency(), r2.agency()))
                .then().statusCode(201).extract().path("packageId");
        String revoke = submit(sender, documentWithId(sender.agency(), documentId,
                Exchange.business("1", documentId, List.of()), r1.agency(), r2.agency()))
                .then().statusCode(201).body("businessType", equalTo("REVOKE"))
                .body("originalPackageId", equalTo(original)).extract().path("packageId");
        pendingFrom(r1, "edoc", revoke);
        submit(r1, status(r1.agency(), sender.agency(), documentId, "16")).then().statusCode(201);
        submit(r2, status(r2.agency(), sender.agency(), documentId, "15")).then().statusCode(201);
        JsonPath tracked = sender.call().get("/api/v1/packages/" + original).then().statusCode(200).extract().jsonPath();
        assertEquals("REFUSED", tracked.getString("recipients.find { it.agencyCode == '" + r1.agency() + "' }.recallState"));
        assertEquals("AGREED", tracked.getString("recipients.find { it.agencyCode == '" + r2.agency() + "' }.recallState"));
        assertEquals(List.of(revoke), tracked.getList("relatedPackages.findAll { it.kind == 'DOCUMENT' }.packageId"));
        r1.call().get("/api/v1/inbox/" + pendingFrom(r1, "edoc", original)).then().statusCode(200);
    }

    @Test
    void anUpdateGoesToTheAmendedRecipientsAndAReplacementIsLinkedToItsOriginal() {
        Party sender = party();
        Party r1 = party();
        Party r2 = party();
        Party r3 = party();
        String documentId = Exchange.newDocumentId(sender.agency());
        String original = submit(sender, documentWithId(sender.agency(), documentId, null, r1.agency(), r2.agency()))
                .then().statusCode(201).extract().path("packageId");
        var changes = List.of(new Business.ReceiverChange(r1.agency(), "0"),
                new Business.ReceiverChange(r3.agency(), "1"));
        submit(sender, documentWithId(sender.agency(), documentId, Exchange.business("2", documentId, changes),
                r1.agency(), r2.agency(), r3.agency())).then().statusCode(201)
                .body("businessType", equalTo("UPDATE")).body("originalPackageId", equalTo(original))
                .body("recipients.agencyCode", equalTo(List.of(r2.agency(), r3.agency())));
        String replacement = submit(sender, documentWithId(sender.agency(), Exchange.newDocumentId(sender.agency()),
                new Business(null, "3", "Thay thế", "0", null, null, List.of(),
                        List.of(new Business.Replacement(documentId, List.of(r1.agency()))), List.of()),
                r1.agency())).then().statusCode(201).body("originalPackageId", equalTo(original)).extract().path("packageId");
        JsonPath tracked = sender.call().get("/api/v1/packages/" + original).then().statusCode(200).extract().jsonPath();
        assertTrue(tracked.getList("relatedPackages.packageId").contains(replacement));
        assertTrue(tracked.getList("recipients[0].timeline.type").containsAll(List.of("UPDATED", "REPLACED")));
    }

    @Test
    void theSameBytesAgainReturnTheFirstAnswerAndCreateNothing() {
        Party sender = party();
        Party recipient = party();
        byte[] edxml = document(sender.agency(), recipient.agency());
        JsonPath first = submit(sender, edxml).then().statusCode(201).extract().jsonPath();
        submit(sender, edxml).then().statusCode(200).header("Docaxis-Replayed", "true")
                .body("packageId", equalTo(first.getString("packageId")))
                .body("recipients[0].deliveryId", equalTo(first.getString("recipients[0].deliveryId")));
        recipient.call().get("/api/v1/inbox").then().body("items", hasSize(1));
    }

    @Test
    void aDocumentIdSentAgainWithOtherBytesIsAConflict() {
        Party sender = party();
        Party recipient = party();
        String documentId = Exchange.newDocumentId(sender.agency());
        Party another = party();
        submit(sender, documentWithId(sender.agency(), documentId, null, recipient.agency())).then().statusCode(201);
        // same DocumentId, other bytes (one more recipient): not a resubmission but a conflict
        submit(sender, documentWithId(sender.agency(), documentId, null, recipient.agency(), another.agency())).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("DUPLICATE_DOCUMENT_ID"));
        another.call().get("/api/v1/inbox").then().body("items", hasSize(0));
    }

    @Test
    void anIdempotencyKeyNamesOnePackage() {
        Party sender = party();
        Party recipient = party();
        byte[] first = document(sender.agency(), recipient.agency());
        String id = sender.call().header("Idempotency-Key", "key-1").contentType("application/xml").body(first)
                .post("/api/v1/packages").then().statusCode(201).extract().path("packageId");
        sender.call().header("Idempotency-Key", "key-1").contentType("application/xml").body(first)
                .post("/api/v1/packages").then().statusCode(200).body("packageId", equalTo(id));
        sender.call().header("Idempotency-Key", "key-1").contentType("application/xml")
                .body(document(sender.agency(), recipient.agency())).post("/api/v1/packages")
                .then().statusCode(409).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void unknownAndSuspendedRecipientsAreRefusedOneByOne() {
        Party sender = party();
        Party ok = party();
        Party suspended = party();
        Api.admin().post("/api/v1/admin/agencies/" + suspended.agency() + "/suspend").then().statusCode(200);
        submit(sender, document(sender.agency(), ok.agency(), "000.00.00.Z01", "bad code", suspended.agency()))
                .then().statusCode(201)
                .body("recipients.find { it.agencyCode == '" + ok.agency() + "' }.outcome", equalTo("ACCEPTED"))
                .body("recipients.find { it.agencyCode == '000.00.00.Z01' }.code", equalTo("UNKNOWN_RECIPIENT"))
                .body("recipients.find { it.agencyCode == 'bad code' }.code", equalTo("INVALID_AGENCY_CODE"))
                .body("recipients.find { it.agencyCode == '" + suspended.agency() + "' }.code", equalTo("RECIPIENT_SUSPENDED"));
    }

    private static List<String> types(JsonPath tracked, String recipient) {
        return tracked.getList("recipients.find { it.agencyCode == '" + recipient + "' }.timeline.type");
    }
}
