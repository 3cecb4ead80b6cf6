package vn.docaxis.evidence;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.docaxis.support.Exchange.document;
import static vn.docaxis.support.Exchange.documentWithId;
import static vn.docaxis.support.Exchange.party;
import static vn.docaxis.support.Exchange.pendingFrom;
import static vn.docaxis.support.Exchange.sent;
import static vn.docaxis.support.Exchange.sha256;
import static vn.docaxis.support.Exchange.status;
import static vn.docaxis.support.Exchange.submit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.docaxis.exchange.OverdueScan;
import vn.docaxis.platform.Certificates;
import vn.docaxis.support.Api;
import vn.docaxis.support.Exchange;
import vn.docaxis.support.Exchange.Party;
import vn.docaxis.support.TestPki;

/** Every state change of the exchange leaves exactly one signed, chained evidence. */
@QuarkusTest
class EvidenceTest {

    @Inject
    OverdueScan overdue;

    @Inject
    EvidenceSealer sealer;

    @Test
    void aSubmissionLeavesOneAcceptanceAndOneMadeAvailablePerRecipient() throws Exception {
        Party sender = party();
        Party r1 = party();
        Party r2 = party();
        byte[] edxml = document(sender.agency(), r1.agency(), r2.agency());
        String packageId = submit(sender, edxml).then().statusCode(201).extract().path("packageId");

        List<Map<String, Object>> evidence = list(sender, packageId);
        assertEquals(Map.of("SUBMISSION_ACCEPTED", 1L, "MADE_AVAILABLE", 2L), count(evidence));
        assertEquals(List.of(r1.agency(), r2.agency()), evidence.stream()
                .filter(e -> e.get("event").equals("MADE_AVAILABLE")).map(e -> e.get("recipient")).toList());
        byte[] accepted = xml(sender, evidence.get(0));
        assertEquals("SUBMISSION_ACCEPTED", EvidenceXmlCheck.text(accepted, "Event"));
        assertEquals(sha256(edxml), EvidenceXmlCheck.text(accepted, "Sha256"), "the evidence names the exact bytes");
        assertNotNull(EvidenceXmlCheck.text(accepted, "Attachment"), "and the hash of each attachment");

        // a resubmission of the same bytes changes nothing, and proves nothing new
        submit(sender, edxml).then().statusCode(200).header("Docaxis-Replayed", "true");
        assertEquals(3, list(sender, packageId).size());
    }

    @Test
    void acknowledgementsStatusesAndRecallEachLeaveTheirEvidence() {
        Party sender = party();
        Party r1 = party();
        Party r2 = party();
        String documentId = Exchange.newDocumentId(sender.agency());
        String packageId = submit(sender, documentWithId(sender.agency(), documentId, null, r1.agency(), r2.agency()))
                .then().statusCode(201).extract().path("packageId");
        ack(r1, pendingFrom(r1, "edoc", packageId), "done");
        String d2 = pendingFrom(r2, "edoc", packageId);
        ack(r2, d2, "fail");
        submit(r1, status(r1.agency(), sender.agency(), documentId, "01")).then().statusCode(201);
        submit(sender, status(sender.agency(), r1.agency(), documentId, "13")).then().statusCode(201);
        submit(r1, status(r1.agency(), sender.agency(), documentId, "15")).then().statusCode(201);
        submit(sender, status(sender.agency(), r2.agency(), documentId, "13")).then().statusCode(201);
        submit(r2, status(r2.agency(), sender.agency(), documentId, "16")).then().statusCode(201);

        Map<String, Long> counts = count(list(sender, packageId));
        // the document: accepted, two copies made available; r1 retrieved it, r2 failed once
        // five status packages: each accepted and made available to its counterpart, each with its effect
        assertEquals(Map.of("SUBMISSION_ACCEPTED", 6L, "MADE_AVAILABLE", 7L, "RETRIEVED", 1L, "RETRIEVAL_FAILED", 1L,
                "STATUS_RELAYED", 1L, "RECALL_REQUESTED", 2L, "RECALL_AGREED", 1L, "RECALL_REFUSED", 1L), counts);

        // r2 sees only what involves it: the acceptance, its own copy, and its own statuses
        List<Map<String, Object>> seenByR2 = list(r2, packageId);
        assertTrue(seenByR2.stream().noneMatch(e -> r1.agency().equals(e.get("recipient"))), "not r1's copy");
    }

    @Test
    void aRevokeAsksEveryRecipientBackOnceAndARepeatedDoneProvesNothingNew() {
        Party sender = party();
        Party r1 = party();
        Party r2 = party();
        String documentId = Exchange.newDocumentId(sender.agency());
        String packageId = submit(sender, documentWithId(sender.agency(), documentId, null, r1.agency(), r2.agency()))
                .then().statusCode(201).extract().path("packageId");
        String d1 = pendingFrom(r1, "edoc", packageId);
        ack(r1, d1, "done");
        ack(r1, d1, "done");
        submit(sender, documentWithId(sender.agency(), documentId, Exchange.business("1", documentId, List.of()),
                r1.agency(), r2.agency())).then().statusCode(201).body("businessType", equalTo("REVOKE"));
        submit(r2, status(r2.agency(), sender.agency(), documentId, "15")).then().statusCode(201);

        // the document and the revoke: two acceptances, four copies; each copy asked back once; r2 agreed
        assertEquals(Map.of("SUBMISSION_ACCEPTED", 3L, "MADE_AVAILABLE", 5L, "RETRIEVED", 1L, "RECALL_REQUESTED", 2L,
                "RECALL_AGREED", 1L), count(list(sender, packageId)));
    }

    @Test
    void everyKindOfAdminChangeIsEvidence() {
        String system = Api.freshName("sys");
        String agency = Api.createAgency(Api.freshTopCode());
        Api.createSystem(system, List.of(agency), List.of());
        String user = Api.freshName("user");
        Api.createUser(user, "clerk", List.of(agency));
        TestPki.Issued root = TestPki.root("Evidence test root " + user);
        Api.admin().contentType("application/x-pem-file").body(root.pem().getBytes(StandardCharsets.US_ASCII))
                .post("/api/v1/admin/trust/anchors").then().statusCode(201);
        sealer.sealPending();
        for (String[] change : List.of(new String[] {"system.create", system}, new String[] {"user.create", user},
                new String[] {"trust.anchor.add", Certificates.fingerprint(root.certificate())})) {
            long found = EvidenceRecord.<EvidenceRecord>list("event", "ADMIN_CHANGE").stream()
                    .filter(r -> new String(r.xml, StandardCharsets.UTF_8).contains("action=\"" + change[0] + "\"")
                            && new String(r.xml, StandardCharsets.UTF_8).contains("targetId=\"" + change[1] + "\""))
                    .count();
            assertEquals(1, found, change[0] + " " + change[1]);
        }
    }

    @Test
    void theLastFailedAttemptIsAFinalRetrievalFailure() throws Exception {
        Party sender = party();
        Party r = party();
        String packageId = sent(sender, r);
        String deliveryId = pendingFrom(r, "edoc", packageId);
        for (int i = 0; i < 5; i++) {
            ack(r, deliveryId, "fail");
        }
        List<Map<String, Object>> failures = list(sender, packageId).stream()
                .filter(e -> e.get("event").equals("RETRIEVAL_FAILED")).toList();
        assertEquals(5, failures.size());
        String last = EvidenceXmlCheck.text(xml(sender, failures.get(4)), "Detail");
        assertTrue(last.contains("final"), last);
        assertFalse(EvidenceXmlCheck.text(xml(sender, failures.get(3)), "Detail").contains("final"));
    }

    @Test
    void anOverdueCopyLeavesOneEvidenceHoweverOftenTheScanRuns() {
        Party sender = party();
        Party r = party();
        String packageId = sent(sender, r);
        Instant later = Instant.now().plusSeconds(5);
        overdue.flagMadeAvailableBefore(later);
        overdue.flagMadeAvailableBefore(later);
        assertEquals(1L, count(list(sender, packageId)).get("OVERDUE"));
    }

    @Test
    void aRefusedSubmissionLeavesARefusalWithItsReasonAndNothingElse() throws Exception {
        Party sender = party();
        byte[] toNobody = document(sender.agency(), "000.00.99.Z99");
        submit(sender, toNobody).then().statusCode(422).body("code", equalTo("UNKNOWN_RECIPIENT"));
        sealer.sealPending();
        List<EvidenceRecord> refusals = EvidenceRecord.<EvidenceRecord>list("event", "SUBMISSION_REFUSED").stream()
                .filter(r -> r.facts.contains(sha256(toNobody))).toList();
        assertEquals(1, refusals.size(), "exactly one refusal evidence");
        EvidenceRecord refusal = refusals.get(0);
        EvidenceXmlCheck.validate(refusal.xml);
        String xml = new String(refusal.xml, StandardCharsets.UTF_8);
        assertTrue(xml.contains("<Reason code=\"UNKNOWN_RECIPIENT\">"), xml);
        assertTrue(xml.contains("<Agency role=\"SENDER\">" + sender.agency() + "</Agency>"), xml);
    }

    @Test
    void anAdminChangeIsEvidenceToo() throws Exception {
        String code = Api.createAgency(Api.freshTopCode());
        sealer.sealPending();
        List<EvidenceRecord> changes = EvidenceRecord.<EvidenceRecord>list("event = ?1 and packageId is null", "ADMIN_CHANGE")
                .stream().filter(r -> List.of(r.agencies).contains(code)).toList();
        assertEquals(1, changes.size());
        EvidenceXmlCheck.validate(changes.get(0).xml);
        assertEquals("agency.create", EvidenceXmlCheck.parse(changes.get(0).xml)
                .getElementsByTagNameNS(EvidenceXmlCheck.NS, "Change").item(0).getAttributes().getNamedItem("action")
                .getNodeValue());
    }

    @Test
    void evidenceVerifiesWithTheAxisCertificateAlone() throws Exception {
        Party sender = party();
        Party r = party();
        String packageId = sent(sender, r);
        X509Certificate axis = EvidenceXmlCheck.certificate(sender.call().get("/api/v1/evidence/certificate")
                .then().statusCode(200).extract().asByteArray());
        List<Map<String, Object>> evidence = list(sender, packageId);
        for (Map<String, Object> e : evidence) {
            byte[] xml = xml(sender, e);
            assertTrue(EvidenceXmlCheck.signatureHolds(xml, axis), "signature of evidence " + e.get("sequence"));
            EvidenceXmlCheck.validate(xml);
            assertEquals(e.get("sha256"), sha256(xml), "the listed hash is the hash of the file");
            long seq = ((Number) e.get("sequence")).longValue();
            byte[] previous = Api.admin().get("/api/v1/evidence/" + (seq - 1)).then().statusCode(200).extract().asByteArray();
            assertEquals(sha256(previous), EvidenceXmlCheck.text(xml, "PreviousHash"), "chained to evidence " + (seq - 1));
        }
        byte[] changed = new String(xml(sender, evidence.get(0)), StandardCharsets.UTF_8)
                .replace("SUBMISSION_ACCEPTED", "SUBMISSION_REFUSED").getBytes(StandardCharsets.UTF_8);
        assertFalse(EvidenceXmlCheck.signatureHolds(changed, axis), "a changed evidence no longer verifies");
    }

    @Test
    void xmlsec1AcceptsAnEvidenceAndRefusesAChangedOne() throws Exception {
        Xmlsec1.requireInstalled();
        Party sender = party();
        Party r = party();
        String packageId = sent(sender, r);
        Path dir = Files.createDirectories(Path.of("target", "xmlsec1"));
        Path pem = Files.write(dir.resolve("axis.pem"), sender.call().get("/api/v1/evidence/certificate").asByteArray());
        byte[] xml = xml(sender, list(sender, packageId).get(0));
        assertTrue(Xmlsec1.verifies(Files.write(dir.resolve("evidence.xml"), xml), pem));
        byte[] changed = new String(xml, StandardCharsets.UTF_8).replace(r.agency(), "000.00.00.G22")
                .getBytes(StandardCharsets.UTF_8);
        assertFalse(Xmlsec1.verifies(Files.write(dir.resolve("changed.xml"), changed), pem));
    }

    @Test
    void onlyThoseInvolvedSeeAPackagesEvidence() {
        Party sender = party();
        Party r = party();
        Party stranger = party();
        String packageId = sent(sender, r);
        stranger.call().get("/api/v1/packages/" + packageId + "/evidence").then().statusCode(403)
                .body("code", equalTo("NOT_AUTHORIZED_FOR_AGENCY"));
        Object seq = list(sender, packageId).get(0).get("sequence");
        stranger.call().get("/api/v1/evidence/" + seq).then().statusCode(403).body("code", equalTo("NOT_AUTHORIZED_FOR_AGENCY"));
        sender.call().get("/api/v1/evidence/999999999").then().statusCode(404).body("code", equalTo("EVIDENCE_NOT_FOUND"));
        sender.call().get("/api/v1/evidence/abc").then().statusCode(400).body("code", equalTo("INVALID_PARAMETER"));
        assertEquals(list(sender, packageId), Api.admin().get("/api/v1/packages/" + packageId + "/evidence").then()
                .statusCode(200).extract().jsonPath().getList("$"), "an admin sees what the sender sees");
    }

    static List<Map<String, Object>> list(Party party, String packageId) {
        return party.call().get("/api/v1/packages/" + packageId + "/evidence").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    static byte[] xml(Party party, Map<String, Object> evidence) {
        return party.call().get("/api/v1/evidence/" + evidence.get("sequence")).then().statusCode(200)
                .contentType("application/xml").extract().asByteArray();
    }

    static Map<String, Long> count(List<Map<String, Object>> evidence) {
        return evidence.stream().collect(Collectors.groupingBy(e -> (String) e.get("event"), Collectors.counting()));
    }

    private static void ack(Party r, String deliveryId, String result) {
        r.call().contentType(ContentType.JSON).body(Map.of("result", result)).post("/api/v1/inbox/" + deliveryId + "/ack")
                .then().statusCode(200);
    }
}
