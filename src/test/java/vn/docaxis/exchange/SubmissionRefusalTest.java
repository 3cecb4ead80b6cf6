package vn.docaxis.exchange;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static vn.docaxis.support.Api.PASSWORD;
import static vn.docaxis.support.Api.admin;
import static vn.docaxis.support.Api.as;
import static vn.docaxis.support.Api.createUser;
import static vn.docaxis.support.Api.freshName;
import static vn.docaxis.support.Exchange.document;
import static vn.docaxis.support.Exchange.party;
import static vn.docaxis.support.Exchange.status;
import static vn.docaxis.support.Exchange.submit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.docaxis.edxml.Edxml;
import vn.docaxis.support.Exchange.Party;
import vn.docaxis.support.Exchange;

/** Every way a submission is refused, each with its problem code, and nothing of it stored. */
@QuarkusTest
class SubmissionRefusalTest {

    @Test
    void malformedXml() {
        Party sender = party();
        refused(sender, ("<edXML xmlns=\"" + Edxml.NS + "\"><edXMLEnvelope>").getBytes(StandardCharsets.UTF_8), 400,
                "EDXML_MALFORMED");
        refused(sender, "1212<?xml version=\"1.0\"?><edXML/>".getBytes(StandardCharsets.UTF_8), 400, "EDXML_MALFORMED");
        refused(sender, new byte[0], 400, "EDXML_MALFORMED");
    }

    @Test
    void externalEntities() {
        Party sender = party();
        refused(sender, ("<?xml version=\"1.0\"?><!DOCTYPE edXML [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<edXML xmlns=\"" + Edxml.NS + "\">&x;</edXML>").getBytes(StandardCharsets.UTF_8), 400, "EDXML_MALFORMED")
                .body("detail", containsString("DOCTYPE"));
    }

    @Test
    void entityExpansion() {
        Party sender = party();
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
                + "<edXML xmlns=\"" + Edxml.NS + "\">&d;&d;&d;&d;&d;&d;&d;&d;</edXML>";
        refused(sender, bomb.getBytes(StandardCharsets.UTF_8), 400, "EDXML_MALFORMED");
    }

    @Test
    void missingFrom() {
        Party sender = party();
        Party recipient = party();
        String xml = new String(document(sender.agency(), recipient.agency()), StandardCharsets.UTF_8)
                .replaceAll("(?s)<edXML:From>.*?</edXML:From>", "");
        refused(sender, xml.getBytes(StandardCharsets.UTF_8), 422, "EDXML_INVALID").body("errors.field", hasItem("From"));
    }

    @Test
    void invalidSenderCode() {
        Party sender = party();
        Party recipient = party();
        String xml = new String(document(sender.agency(), recipient.agency()), StandardCharsets.UTF_8)
                .replace("<edXML:OrganId>" + sender.agency() + "</edXML:OrganId>", "<edXML:OrganId>000.0.00.G2</edXML:OrganId>");
        refused(sender, xml.getBytes(StandardCharsets.UTF_8), 422, "EDXML_INVALID").body("errors.field", hasItem("From/OrganId"));
    }

    @Test
    void senderOutsideTheCallersScope() {
        Party caller = party();
        Party other = party();
        Party recipient = party();
        refused(caller, document(other.agency(), recipient.agency()), 403, "NOT_AUTHORIZED_FOR_AGENCY")
                .body("agencyCode", equalTo(other.agency()));
        recipient.call().get("/api/v1/inbox").then().body("items", hasSize(0));
    }

    @Test
    void peopleDoNotSubmitPackages() {
        Party sender = party();
        Party recipient = party();
        String clerk = freshName("clerk.send");
        createUser(clerk, "clerk", List.of(sender.agency()));
        as(clerk, PASSWORD).contentType("application/xml").body(document(sender.agency(), recipient.agency()))
                .post("/api/v1/packages").then().statusCode(403).body("code", equalTo("NOT_AUTHORIZED"));
        admin().contentType("application/xml").body(document(sender.agency(), recipient.agency()))
                .post("/api/v1/packages").then().statusCode(403).body("code", equalTo("NOT_AUTHORIZED"));
    }

    @Test
    void allRecipientsUnknown() {
        Party sender = party();
        refused(sender, document(sender.agency(), "000.00.00.Z02", "000.00.00.Z03"), 422, "UNKNOWN_RECIPIENT")
                .body("recipients.code", equalTo(List.of("UNKNOWN_RECIPIENT", "UNKNOWN_RECIPIENT")));
    }

    @Test
    void aSuspendedSender() {
        Party sender = party();
        Party recipient = party();
        admin().post("/api/v1/admin/agencies/" + sender.agency() + "/suspend").then().statusCode(200);
        refused(sender, document(sender.agency(), recipient.agency()), 422, "SENDER_NOT_ACTIVE");
    }

    @Test
    void aStatusAboutNoDocumentExchangedBetweenTheTwo() {
        Party sender = party();
        Party recipient = party();
        Party stranger = party();
        String documentId = Exchange.newDocumentId(sender.agency());
        submit(sender, Exchange.documentWithId(sender.agency(), documentId, null, recipient.agency())).then().statusCode(201);
        // the stranger never received it
        refused(stranger, status(stranger.agency(), sender.agency(), documentId, "01"), 422, "STATUS_NOT_RELATED");
        // an unknown document
        refused(recipient, status(recipient.agency(), sender.agency(), "no-such-document", "01"), 422, "STATUS_NOT_RELATED");
        // a recipient cannot ask for a recall (13 goes from the sender to a recipient)
        refused(recipient, status(recipient.agency(), sender.agency(), documentId, "13"), 422, "STATUS_NOT_RELATED");
        // codes nobody uses
        refused(recipient, status(recipient.agency(), sender.agency(), documentId, "09"), 422, "UNKNOWN_STATUS_CODE");
    }

    @Test
    void aRevokeOfADocumentNeverSent() {
        Party sender = party();
        Party recipient = party();
        String documentId = Exchange.newDocumentId(sender.agency());
        refused(sender, Exchange.documentWithId(sender.agency(), documentId,
                Exchange.business("1", documentId, List.of()), recipient.agency()), 422, "ORIGINAL_NOT_FOUND");
    }

    @Test
    void anOversizePackage() {
        Party sender = party();
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) ' ');
        refused(sender, big, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void anAttachmentThatIsNotBase64() throws Exception {
        Party sender = party();
        byte[] sample = Files.readAllBytes(Path.of(
                getClass().getResource("/interop/edoc_small.edxml").toURI()));
        String xml = new String(sample, StandardCharsets.UTF_8).replace("002.00.20.H13", sender.agency());
        refused(sender, xml.getBytes(StandardCharsets.UTF_8), 422, "ATTACHMENT_INVALID")
                .body("attachments[0].message", containsString("not base64"));
    }

    @Test
    void refusalsAreRecordedWithTheSubmittingSystem() {
        Party sender = party();
        refused(sender, document(sender.agency(), "000.00.00.Z04"), 422, "UNKNOWN_RECIPIENT");
        admin().queryParam("actor", sender.system()).queryParam("outcome", "REFUSED").get("/api/v1/admin/audit").then()
                .body("items.code", hasItem("UNKNOWN_RECIPIENT"))
                .body("items.action", hasItem("package.submit"));
    }

    private static ValidatableResponse refused(Party caller, byte[] body, int status, String code) {
        ValidatableResponse r = submit(caller, body).then().statusCode(status).contentType("application/problem+json")
                .body("code", equalTo(code));
        // nothing stored: the caller's agency has no package at all
        admin().queryParam("sender", caller.agency()).get("/api/v1/packages").then().statusCode(200).body("total", equalTo(0));
        return r;
    }
}
