package vn.docaxis.vdxp;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.docaxis.support.Exchange.document;
import static vn.docaxis.support.Exchange.documentWithId;
import static vn.docaxis.support.Exchange.party;
import static vn.docaxis.support.Exchange.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.docaxis.support.Api;
import vn.docaxis.support.Exchange;
import vn.docaxis.support.Exchange.Party;
import vn.docaxis.support.VdxpClient;

/** Existing document-management software, speaking the SDK's wire protocol, works unchanged. */
@QuarkusTest
class VdxpTest {

    @TestHTTPResource("/vdxp")
    URL endpoint;

    private VdxpClient client(Party party) {
        return new VdxpClient(endpoint.toString(), party.system(), party.secret());
    }

    @Test
    void aDocumentGoesOutListsFetchesAndIsAcknowledgedThroughVdxp() throws Exception {
        Party sender = party();
        Party recipient = party();
        VdxpClient out = client(sender);
        VdxpClient in = client(recipient);
        byte[] edxml = document(sender.agency(), recipient.agency());

        JsonNode sent = out.sendEdoc(sender.agency(), "edoc", edxml);
        assertOk(sent);
        String packageId = sent.get("DocId").asText();

        assertEquals(1, in.get("countReceiveEdoc", Map.of()).get("count").asInt());
        JsonNode row = only(in.post("getReceivedEdocList", Map.of("servicetype", "eDoc", "messagetype", "edoc")));
        assertEquals(sender.agency(), row.get("from").asText());
        assertEquals(recipient.agency(), row.get("to").asText());
        String docId = row.get("docId").asText();

        JsonNode got = in.post("getEdoc", Map.of("docId", docId));
        assertOk(got);
        assertArrayEquals(edxml, Base64.getDecoder().decode(got.get("data").asText()), "the sender's bytes, unchanged");
        assertArrayEquals(edxml, in.call("GET", "downloadEdoc", Map.of("docId", docId), null, null).body());

        assertOk(in.post("updateStatus", Map.of("docid", docId, "status", "fail", "description", "disk full")));
        assertEquals(1, list(in, "edoc").size(), "fail leaves it waiting");
        assertOk(in.post("updateStatus", Map.of("docid", docId, "status", "done")));
        assertEquals(0, list(in, "edoc").size(), "done removes it");
        assertEquals(0, in.get("countReceiveEdoc", Map.of()).get("count").asInt());

        // the sender's list: one row per recipient, with the recipient's copy
        JsonNode copy = only(out.post("getSentEdocList", Map.of("servicetype", "eDoc", "messagetype", "edoc",
                "docId", packageId)));
        assertEquals(docId, copy.get("receiverDocId").asText());
        assertEquals(recipient.agency(), copy.get("toCode").asText());
        assertEquals("delivered", copy.get("receiveStatus").asText());
        assertEquals(packageId, copy.get("senderDocId").asText());

        // the same through the native API: one set of services
        Api.admin().get("/api/v1/packages/" + packageId).then().statusCode(200)
                .body("sender", equalTo(sender.agency())).body("recipients[0].state", equalTo("DELIVERED"));
    }

    @Test
    void theSentListHasOneRowPerRecipientCopy() throws Exception {
        Party sender = party();
        Party r1 = party();
        Party r2 = party();
        JsonNode sent = client(sender).sendEdoc(sender.agency(), "edoc", document(sender.agency(), r1.agency(), r2.agency()));
        assertOk(sent);
        String r1Copy = only(client(r1).post("getReceivedEdocList", Map.of("messagetype", "edoc"))).get("docId").asText();
        assertOk(client(r1).post("updateStatus", Map.of("docId", r1Copy, "status", "done")));
        JsonNode rows = client(sender).post("getSentEdocList", Map.of("servicetype", "eDoc", "messagetype", "edoc"));
        assertOk(rows);
        Map<String, String> byRecipient = new TreeMap<>();
        rows.get("data").forEach(r -> {
            assertEquals(sent.get("DocId").asText(), r.get("senderDocId").asText());
            byRecipient.put(r.get("toCode").asText(), r.get("receiveStatus").asText());
        });
        assertEquals(new TreeMap<>(Map.of(r1.agency(), "delivered", r2.agency(), "pending")), byRecipient);
        // and nobody else's: r1's system sees no sent rows of this package
        assertEquals(0, client(r1).post("getSentEdocList", Map.of("messagetype", "edoc", "docId",
                sent.get("DocId").asText())).get("data").size());
    }

    @Test
    void aStatusSentAsMessagetypeStatusReachesTheSendersList() throws Exception {
        Party sender = party();
        Party recipient = party();
        String documentId = Exchange.newDocumentId(sender.agency());
        assertOk(client(sender).sendEdoc(sender.agency(), "edoc",
                documentWithId(sender.agency(), documentId, null, recipient.agency())));
        assertOk(client(recipient).sendEdoc(recipient.agency(), "status",
                status(recipient.agency(), sender.agency(), documentId, "01")));
        JsonNode row = only(client(sender).post("getReceivedEdocList", Map.of("servicetype", "eDoc", "messagetype", "status")));
        assertEquals(recipient.agency(), row.get("from").asText());
        assertEquals(1, client(sender).get("countReceiveStatus", Map.of()).get("count").asInt());
        // a document declared as a status is refused, and nothing is stored
        assertFail("2002", client(recipient).sendEdoc(recipient.agency(), "status", document(recipient.agency(), sender.agency())));
        assertEquals(0, client(sender).get("countReceiveEdoc", Map.of()).get("count").asInt());
    }

    @Test
    void aMultipartBodyWithFileDocIsAcceptedToo() throws Exception {
        Party sender = party();
        Party recipient = party();
        byte[] edxml = document(sender.agency(), recipient.agency());
        assertOk(client(sender).sendEdocMultipart(sender.agency(), "edoc", edxml));
        String docId = only(client(recipient).post("getReceivedEdocList", Map.of("messagetype", "edoc"))).get("docId").asText();
        assertArrayEquals(edxml, Base64.getDecoder().decode(client(recipient).post("getEdoc", Map.of("docId", docId))
                .get("data").asText()));
    }

    @Test
    void refusalsAreFailsWithTheirCodeAndStoreNothing() throws Exception {
        Party sender = party();
        Party recipient = party();
        Party stranger = party();
        byte[] edxml = document(sender.agency(), recipient.agency());

        assertFail("1001", client(sender).withSecret("not-the-secret").sendEdoc(sender.agency(), "edoc", edxml));
        assertFail("1002", client(sender).tampered("from", stranger.agency()).sendEdoc(sender.agency(), "edoc", edxml));
        assertFail("1003", client(sender).sendEdoc(stranger.agency(), "edoc", edxml));
        assertFail("2001", client(sender).sendEdoc(sender.agency(), "edoc", edxml, "0123456789abcdef"));
        assertEquals(0, client(recipient).get("countReceiveEdoc", Map.of()).get("count").asInt(), "nothing was stored");

        assertFail("3001", client(recipient).post("getEdoc", Map.of("docId", "01a20000-0000-7000-8000-000000000000")));
        assertFail("3001", client(recipient).post("getEdoc", Map.of("docId", "not-an-id")));
        assertOk(client(sender).sendEdoc(sender.agency(), "edoc", edxml));
        String docId = only(client(recipient).post("getReceivedEdocList", Map.of("messagetype", "edoc"))).get("docId").asText();
        assertFail("1003", client(stranger).post("getEdoc", Map.of("docId", docId)));
        assertFail("1003", client(stranger).post("updateStatus", Map.of("docId", docId, "status", "done")));
        assertEquals(1, list(client(recipient), "edoc").size(), "another system cannot take it away");
    }

    @Test
    void theRegistryIsListedAndOnlyAnAgencyAdminSystemChangesIt() throws Exception {
        Party caller = party();
        JsonNode agencies = client(caller).post("getAgenciesList", Map.of());
        assertOk(agencies);
        assertTrue(codes(agencies, "code").contains(caller.agency()));
        assertOk(client(caller).post("getAgenciesListQD20", Map.of()));
        assertTrue(codes(client(caller).post("getSynchronizeUnit", Map.of()), "code").contains(caller.agency()));

        String code = Api.freshTopCode();
        String body = "{\"id\":\"1\",\"pcode\":null,\"code\":\"" + code + "\",\"name\":\"Sở thử VDXP\",\"mail\":\"vt@example.vn\"}";
        assertFail("1004", client(caller).post("registerAgency", Map.of(), body));

        String adminSystem = Api.freshName("vxp.admin");
        String secret = Api.admin().contentType(ContentType.JSON).body(Map.of("id", adminSystem, "name", "Hub",
                "agencies", List.of(caller.agency()), "subtrees", List.of(), "agencyAdmin", true))
                .post("/api/v1/admin/systems").then().statusCode(201).extract().path("secret");
        VdxpClient hub = new VdxpClient(endpoint.toString(), adminSystem, secret);
        assertOk(hub.post("registerAgency", Map.of(), body));
        Api.admin().get("/api/v1/agencies/" + code).then().statusCode(200).body("name", equalTo("Sở thử VDXP"));
        assertFail("4002", hub.post("registerAgency", Map.of(), body));
        assertOk(hub.post("deleteAgency", Map.of("AgencyCode", code)));
        Api.admin().get("/api/v1/agencies/" + code).then().statusCode(200)
                .body("status", equalTo("SUSPENDED"));
    }

    private static List<JsonNode> list(VdxpClient client, String messageType) throws Exception {
        JsonNode answer = client.post("getReceivedEdocList", Map.of("servicetype", "eDoc", "messagetype", messageType));
        assertOk(answer);
        List<JsonNode> rows = new ArrayList<>();
        answer.get("data").forEach(rows::add);
        return rows;
    }

    private static JsonNode only(JsonNode answer) {
        assertOk(answer);
        assertEquals(1, answer.get("data").size(), answer.toString());
        return answer.get("data").get(0);
    }

    private static List<String> codes(JsonNode answer, String field) {
        List<String> out = new ArrayList<>();
        answer.get("data").forEach(a -> out.add(a.get(field).asText()));
        return out;
    }

    private static void assertOk(JsonNode answer) {
        assertEquals("OK", answer.get("status").asText(), answer.toString());
        assertEquals("0", answer.get("ErrorCode").asText(), answer.toString());
    }

    private static void assertFail(String code, JsonNode answer) {
        assertEquals("FAIL", answer.get("status").asText(), answer.toString());
        assertEquals(code, answer.get("ErrorCode").asText(), answer.toString());
    }
}
