package vn.docaxis.exchange;

import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.docaxis.support.Exchange.document;
import static vn.docaxis.support.Exchange.documentWithId;
import static vn.docaxis.support.Exchange.party;
import static vn.docaxis.support.Exchange.pendingFrom;
import static vn.docaxis.support.Exchange.submit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.docaxis.support.Exchange;
import vn.docaxis.support.Exchange.Party;

/** Races between clients leave exactly one outcome. */
@QuarkusTest
class ConcurrencyTest {

    private static final int CLIENTS = 8;

    @Test
    void clientsAcknowledgingTheSameDeliveryAtOnceRecordOneDelivery() throws Exception {
        Party sender = party();
        Party recipient = party();
        String packageId = submit(sender, document(sender.agency(), recipient.agency())).then().statusCode(201)
                .extract().path("packageId");
        String deliveryId = pendingFrom(recipient, "edoc", packageId);
        List<Response> answers = race(i -> recipient.call().contentType(ContentType.JSON)
                .body(Map.of("result", i % 2 == 0 ? "done" : "fail")).post("/api/v1/inbox/" + deliveryId + "/ack"));
        for (Response r : answers) {
            assertTrue(r.statusCode() == 200 || r.statusCode() == 409, r.asString());
            if (r.statusCode() == 409) {
                assertEquals("DELIVERY_ALREADY_ACKNOWLEDGED", r.path("code"));
            }
        }
        var tracked = sender.call().get("/api/v1/packages/" + packageId).then().statusCode(200).extract().jsonPath();
        assertEquals("DELIVERED", tracked.getString("recipients[0].state"));
        assertEquals(1, tracked.getList("recipients[0].timeline.findAll { it.type == 'ACK_DONE' }").size());
        int fails = tracked.getList("recipients[0].timeline.findAll { it.type == 'ACK_FAIL' }").size();
        assertEquals(fails, tracked.getInt("recipients[0].failCount"), "every recorded fail is counted once");
    }

    @Test
    void clientsResendingTheSamePackageAtOnceStoreItOnce() throws Exception {
        Party sender = party();
        Party r1 = party();
        Party r2 = party();
        byte[] edxml = document(sender.agency(), r1.agency(), r2.agency());
        List<Response> answers = race(i -> submit(sender, edxml));
        long created = answers.stream().filter(r -> r.statusCode() == 201).count();
        long replayed = answers.stream().filter(r -> r.statusCode() == 200).count();
        assertEquals(1, created, "exactly one submission stores the package");
        assertEquals(CLIENTS - 1, replayed, () -> answers.stream().map(r -> r.statusCode() + " " + r.asString()).toList().toString());
        assertEquals(1, answers.stream().map(r -> r.path("packageId")).distinct().count(), "all answers name one package");
        r1.call().get("/api/v1/inbox").then().body("items", hasSize(1));
        r2.call().get("/api/v1/inbox").then().body("items", hasSize(1));
    }

    @Test
    void clientsSendingOneDocumentIdWithDifferentBytesAtOnceGetOneAcceptance() throws Exception {
        Party sender = party();
        List<Party> recipients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            recipients.add(party());
        }
        String documentId = Exchange.newDocumentId(sender.agency());
        List<Response> answers = race(i -> submit(sender, documentWithId(sender.agency(), documentId, null,
                recipients.get(i).agency())));
        assertEquals(1, answers.stream().filter(r -> r.statusCode() == 201).count());
        assertTrue(answers.stream().filter(r -> r.statusCode() != 201)
                .allMatch(r -> r.statusCode() == 409 && "DUPLICATE_DOCUMENT_ID".equals(r.path("code"))));
    }

    private interface Call {
        Response run(int client);
    }

    private static List<Response> race(Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                Callable<Response> task = () -> {
                    start.await();
                    return call.run(client);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> f : futures) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
