package vn.docaxis.exchange;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.docaxis.support.Api.PASSWORD;
import static vn.docaxis.support.Api.admin;
import static vn.docaxis.support.Api.as;
import static vn.docaxis.support.Api.createAgency;
import static vn.docaxis.support.Api.createSystem;
import static vn.docaxis.support.Api.createUser;
import static vn.docaxis.support.Api.freshName;
import static vn.docaxis.support.Api.freshTopCode;
import static vn.docaxis.support.Exchange.document;
import static vn.docaxis.support.Exchange.party;
import static vn.docaxis.support.Exchange.pendingFrom;
import static vn.docaxis.support.Exchange.submit;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.docaxis.support.Exchange.Party;

/** The authorization rules about documents: who acts for, and who sees, which agency's packages. */
@QuarkusTest
class VisibilityTest {

    @Test
    void aHubActsForEveryAgencyOfItsSubtreeAndNoOther() {
        String province = createAgency(freshTopCode());
        String department = createAgency("000.00.04." + province.substring(10));
        String unit = createAgency("001.00.04." + province.substring(10));
        String hub = freshName("vxp.hub");
        String secret = createSystem(hub, List.of(), List.of(province));
        Party outside = party();
        List<String> sentByHub = new ArrayList<>();
        for (String agency : List.of(province, department, unit)) {
            sentByHub.add(as(hub, secret).contentType("application/xml").body(document(agency, outside.agency()))
                    .post("/api/v1/packages").then().statusCode(201).extract().path("packageId"));
        }
        // and it receives for all of them, and for no one else
        String toUnit = submit(outside, document(outside.agency(), unit)).then().statusCode(201).extract().path("packageId");
        Party stranger = party();
        String toStranger = submit(outside, document(outside.agency(), stranger.agency())).then().statusCode(201)
                .extract().path("packageId");
        as(hub, secret).get("/api/v1/inbox").then().statusCode(200).body("items.packageId", hasItem(toUnit))
                .body("items.packageId", not(hasItem(toStranger)));
        var tracked = as(hub, secret).queryParam("size", 500).get("/api/v1/packages").then().statusCode(200)
                .extract().jsonPath().getList("items.packageId", String.class);
        assertTrue(tracked.containsAll(sentByHub) && tracked.contains(toUnit),
                "the hub tracks what its subtree sent and received: " + tracked);
        assertFalse(tracked.contains(toStranger), "the hub tracks others' documents");
        as(hub, secret).contentType("application/xml").body(document(outside.agency(), unit)).post("/api/v1/packages")
                .then().statusCode(403).body("code", equalTo("NOT_AUTHORIZED_FOR_AGENCY"));
    }

    @Test
    void aClerkSeesOnlyItsAgenciesDocuments() {
        Party sender = party();
        Party recipient = party();
        Party other = party();
        String packageId = submit(sender, document(sender.agency(), recipient.agency())).then().statusCode(201)
                .extract().path("packageId");
        String senderClerk = freshName("vt.sender");
        String recipientClerk = freshName("vt.recipient");
        String otherClerk = freshName("vt.other");
        createUser(senderClerk, "clerk", List.of(sender.agency()));
        createUser(recipientClerk, "clerk", List.of(recipient.agency()));
        createUser(otherClerk, "clerk", List.of(other.agency()));

        as(senderClerk, PASSWORD).get("/api/v1/packages/" + packageId).then().statusCode(200)
                .body("recipients.agencyCode", equalTo(List.of(recipient.agency())));
        as(recipientClerk, PASSWORD).get("/api/v1/packages/" + packageId).then().statusCode(200);
        as(otherClerk, PASSWORD).get("/api/v1/packages/" + packageId).then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("NOT_AUTHORIZED_FOR_AGENCY"));
        other.call().get("/api/v1/packages/" + packageId).then().statusCode(403).body("code", equalTo("NOT_AUTHORIZED_FOR_AGENCY"));

        as(senderClerk, PASSWORD).queryParam("size", 500).get("/api/v1/packages").then().statusCode(200)
                .body("items.packageId", hasItem(packageId));
        as(otherClerk, PASSWORD).queryParam("size", 500).get("/api/v1/packages").then().statusCode(200)
                .body("items.packageId", not(hasItem(packageId)));
        as(otherClerk, PASSWORD).queryParam("agency", sender.agency()).get("/api/v1/sent").then().statusCode(403)
                .body("code", equalTo("NOT_AUTHORIZED_FOR_AGENCY"));
        as(otherClerk, PASSWORD).queryParam("sender", sender.agency()).get("/api/v1/packages").then().statusCode(403);
        // filtering by another recipient's state reveals nothing to a recipient
        as(recipientClerk, PASSWORD).queryParam("sender", sender.agency()).get("/api/v1/packages").then().statusCode(403);
    }

    @Test
    void auditorsAndAdminsSeeEveryPackage() {
        Party sender = party();
        Party recipient = party();
        String packageId = submit(sender, document(sender.agency(), recipient.agency())).then().statusCode(201)
                .extract().path("packageId");
        String auditor = freshName("kiemtoan");
        createUser(auditor, "auditor", List.of());
        as(auditor, PASSWORD).get("/api/v1/packages/" + packageId).then().statusCode(200)
                .body("recipients.agencyCode", equalTo(List.of(recipient.agency())));
        admin().get("/api/v1/packages/" + packageId + "/verification").then().statusCode(200)
                .body("verdict", equalTo("ACCEPTED"))
                .body("report.attachments[0].pdf", equalTo(true))
                .body("report.attachments[0].mainDocument", equalTo(true));
        as(auditor, PASSWORD).queryParam("sender", sender.agency()).get("/api/v1/packages").then()
                .body("items.packageId", equalTo(List.of(packageId)));
    }

    @Test
    void searchFindsByNumberNotationTextRecipientAndDate() {
        Party sender = party();
        Party recipient = party();
        String packageId = submit(sender, document(sender.agency(), recipient.agency())).then().statusCode(201)
                .extract().path("packageId");
        pendingFrom(recipient, "edoc", packageId);
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        sender.call().queryParam("sender", sender.agency()).queryParam("codeNumber", "7816").queryParam("codeNotation", "vpcp-ttđt")
                .queryParam("q", "liên thông").queryParam("recipient", recipient.agency())
                .queryParam("from", today).queryParam("to", today).get("/api/v1/packages").then().statusCode(200)
                .body("items.packageId", equalTo(List.of(packageId)))
                .body("items[0].recipients[0].state", equalTo("PENDING"));
        sender.call().queryParam("sender", sender.agency()).queryParam("q", "không có").get("/api/v1/packages").then()
                .body("total", equalTo(0));
        sender.call().queryParam("state", "LOST").get("/api/v1/packages").then().statusCode(400)
                .body("parameter", equalTo("state"));
        sender.call().queryParam("from", "23/11/2026").get("/api/v1/packages").then().statusCode(400)
                .body("parameter", equalTo("from"));
    }
}
