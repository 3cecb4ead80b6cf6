package vn.docaxis.exchange;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.docaxis.support.Api.PASSWORD;
import static vn.docaxis.support.Api.as;
import static vn.docaxis.support.Api.createUser;
import static vn.docaxis.support.Api.freshName;
import static vn.docaxis.support.Exchange.document;
import static vn.docaxis.support.Exchange.party;
import static vn.docaxis.support.Exchange.pendingFrom;
import static vn.docaxis.support.Exchange.submit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import vn.docaxis.support.Api;
import vn.docaxis.support.Exchange.Party;

@QuarkusTest
class InboxTest {

    @Inject
    OverdueScan overdue;

    @Test
    void pagesOldestFirstWithACursor() {
        Party sender = party();
        Party recipient = party();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(submit(sender, document(sender.agency(), recipient.agency())).then().statusCode(201)
                    .extract().path("packageId"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = recipient.call().queryParam("limit", 2).queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/api/v1/inbox").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.packageId"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(sent, seen);
        assertEquals(3, pages);
        recipient.call().queryParam("cursor", "garbage!").get("/api/v1/inbox").then().statusCode(400)
                .body("code", equalTo("INVALID_PARAMETER")).body("parameter", equalTo("cursor"));
        recipient.call().queryParam("limit", 0).get("/api/v1/inbox").then().statusCode(400).body("parameter", equalTo("limit"));
    }

    @Test
    void anotherAgencysDeliveryCannotBeFetchedNorAcknowledged() {
        Party sender = party();
        Party recipient = party();
        Party intruder = party();
        String packageId = submit(sender, document(sender.agency(), recipient.agency())).then().statusCode(201)
                .extract().path("packageId");
        String deliveryId = pendingFrom(recipient, "edoc", packageId);
        intruder.call().get("/api/v1/inbox/" + deliveryId).then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("NOT_AUTHORIZED_FOR_AGENCY"));
        intruder.call().contentType(ContentType.JSON).body(Map.of("result", "done"))
                .post("/api/v1/inbox/" + deliveryId + "/ack").then().statusCode(403).body("code", equalTo("NOT_AUTHORIZED_FOR_AGENCY"));
        // the sender cannot take its recipient's copy either
        sender.call().get("/api/v1/inbox/" + deliveryId).then().statusCode(403);
        intruder.call().queryParam("agency", recipient.agency()).get("/api/v1/inbox").then().statusCode(403)
                .body("code", equalTo("NOT_AUTHORIZED_FOR_AGENCY"));
        recipient.call().get("/api/v1/packages/" + packageId).then().body("recipients[0].firstFetchedAt", nullValue());
    }

    @Test
    void unknownDeliveriesAndBadIdsAreProblems() {
        Party recipient = party();
        recipient.call().get("/api/v1/inbox/0190f2a4-0000-7000-8000-000000000000").then().statusCode(404)
                .body("code", equalTo("DELIVERY_NOT_FOUND"));
        recipient.call().get("/api/v1/inbox/not-a-uuid").then().statusCode(400).body("code", equalTo("INVALID_PARAMETER"));
        recipient.call().contentType(ContentType.JSON).body(Map.of("result", "maybe"))
                .post("/api/v1/inbox/0190f2a4-0000-7000-8000-000000000000/ack").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void theInboxBelongsToSystems() {
        Party agency = party();
        String clerk = freshName("clerk.inbox");
        createUser(clerk, "clerk", List.of(agency.agency()));
        as(clerk, PASSWORD).get("/api/v1/inbox").then().statusCode(403).body("code", equalTo("NOT_AUTHORIZED"));
    }

    @Test
    void failAcknowledgementsLeaveItPendingUntilTheLimitThenTheSenderSeesItFailed() {
        Party sender = party();
        Party recipient = party();
        String packageId = submit(sender, document(sender.agency(), recipient.agency())).then().statusCode(201)
                .extract().path("packageId");
        String deliveryId = pendingFrom(recipient, "edoc", packageId);
        for (int i = 1; i <= 4; i++) {
            recipient.call().contentType(ContentType.JSON).body(Map.of("result", "fail", "reason", "ổ đĩa đầy"))
                    .post("/api/v1/inbox/" + deliveryId + "/ack").then().statusCode(200)
                    .body("state", equalTo("PENDING")).body("failCount", equalTo(i));
        }
        pendingFrom(recipient, "edoc", packageId); // still offered
        recipient.call().contentType(ContentType.JSON).body(Map.of("result", "fail"))
                .post("/api/v1/inbox/" + deliveryId + "/ack").then().statusCode(200).body("state", equalTo("FAILED"));
        recipient.call().get("/api/v1/inbox").then().body("items", hasSize(0));
        sender.call().get("/api/v1/packages/" + packageId).then().body("recipients[0].state", equalTo("FAILED"))
                .body("recipients[0].timeline.type", hasItem("FAILED"));
        sender.call().queryParam("agency", sender.agency()).queryParam("state", "FAILED").get("/api/v1/sent").then()
                .body("items.packageId", hasItem(packageId));
        // a late success still completes it
        recipient.call().contentType(ContentType.JSON).body(Map.of("result", "done"))
                .post("/api/v1/inbox/" + deliveryId + "/ack").then().statusCode(200).body("state", equalTo("DELIVERED"));
    }

    @Test
    void everyFetchCountsButTheFirstIsTheOneRecorded() {
        Party sender = party();
        Party recipient = party();
        byte[] edxml = document(sender.agency(), recipient.agency());
        String packageId = submit(sender, edxml).then().statusCode(201).extract().path("packageId");
        String deliveryId = pendingFrom(recipient, "edoc", packageId);
        assertArrayEquals(edxml, recipient.call().get("/api/v1/inbox/" + deliveryId).then().statusCode(200).extract()
                .asByteArray());
        String first = sender.call().get("/api/v1/packages/" + packageId).then().body("recipients[0].fetchCount", equalTo(1))
                .extract().path("recipients[0].firstFetchedAt");
        for (int again = 0; again < 2; again++) { // the same bytes every time
            assertArrayEquals(edxml, recipient.call().get("/api/v1/inbox/" + deliveryId).then().statusCode(200).extract()
                    .asByteArray());
        }
        var tracked = sender.call().get("/api/v1/packages/" + packageId).then().statusCode(200)
                .body("recipients[0].fetchCount", equalTo(3)).body("recipients[0].firstFetchedAt", equalTo(first))
                .body("recipients[0].state", equalTo("PENDING")).extract().jsonPath();
        assertEquals(List.of("MADE_AVAILABLE", "FETCHED"), tracked.getList("recipients[0].timeline.type"));
    }

    @Test
    void repeatingDoneIsHarmlessAndFailAfterDoneIsAConflict() {
        Party sender = party();
        Party recipient = party();
        String packageId = submit(sender, document(sender.agency(), recipient.agency())).then().statusCode(201)
                .extract().path("packageId");
        String deliveryId = pendingFrom(recipient, "edoc", packageId);
        String ackedAt = recipient.call().contentType(ContentType.JSON).body(Map.of("result", "done"))
                .post("/api/v1/inbox/" + deliveryId + "/ack").then().statusCode(200).extract().path("ackedAt");
        recipient.call().contentType(ContentType.JSON).body(Map.of("result", "done"))
                .post("/api/v1/inbox/" + deliveryId + "/ack").then().statusCode(200).body("ackedAt", equalTo(ackedAt));
        recipient.call().contentType(ContentType.JSON).body(Map.of("result", "fail"))
                .post("/api/v1/inbox/" + deliveryId + "/ack").then().statusCode(409)
                .body("code", equalTo("DELIVERY_ALREADY_ACKNOWLEDGED"));
        // delivered: no longer in the inbox, still fetchable by the recipient
        recipient.call().get("/api/v1/inbox").then().body("items", hasSize(0));
        recipient.call().get("/api/v1/inbox/" + deliveryId).then().statusCode(200);
    }

    @Test
    void deliveriesNotAcknowledgedInTimeAreFlaggedOverdueOnce() {
        Party sender = party();
        Party recipient = party();
        String packageId = submit(sender, document(sender.agency(), recipient.agency())).then().statusCode(201)
                .extract().path("packageId");
        Instant later = Instant.now().plusSeconds(1);
        overdue.flagMadeAvailableBefore(later);
        overdue.flagMadeAvailableBefore(later); // a second scan (or instance) changes nothing
        var tracked = sender.call().get("/api/v1/packages/" + packageId).then().statusCode(200)
                .body("recipients[0].overdueAt", notNullValue()).extract().jsonPath();
        assertEquals(1, tracked.getList("recipients[0].timeline.findAll { it.type == 'OVERDUE' }").size());
        sender.call().queryParam("state", "overdue").queryParam("sender", sender.agency()).get("/api/v1/packages")
                .then().statusCode(200).body("items.packageId", hasItem(packageId));
        recipient.call().get("/api/v1/inbox").then().body("items[0].overdueAt", notNullValue());
        Api.anonymous().get("/q/metrics").then().body(Matchers.containsString("docaxis_deliveries_overdue"));
    }
}
