package vn.docaxis.platform;

import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.docaxis.support.Exchange.document;
import static vn.docaxis.support.Exchange.party;
import static vn.docaxis.support.Exchange.submit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.docaxis.edxml.AttachmentSource;
import vn.docaxis.edxml.EdxmlWriter;
import vn.docaxis.edxml.TestHeaders;
import vn.docaxis.support.Exchange;
import vn.docaxis.support.Exchange.Party;
import vn.docaxis.support.TestPdfs;

/**
 * The work gate (two places, two seconds' wait in tests): submissions and inbox steps wait their
 * turn for it, a full gate refuses with 503 and Retry-After, a client still sending its body holds
 * no place, and operators see it in the metrics.
 */
@QuarkusTest
class WorkGateTest {

    @Inject
    WorkGate gate;

    @Test
    void slowUploadsHoldNoPlace() throws Exception {
        Party sender = party();
        Party recipient = party();
        assertEquals(2, gate.size());
        // more uploads than places, each stopped halfway through a 200 KB body (past any buffer)
        List<Socket> uploads = new ArrayList<>();
        List<byte[]> bodies = new ArrayList<>();
        try {
            for (int i = 0; i < gate.size() + 1; i++) {
                byte[] body = large(sender.agency(), recipient.agency());
                bodies.add(body);
                Socket s = new Socket("localhost", RestAssured.port);
                s.setSoTimeout(30_000);
                OutputStream out = s.getOutputStream();
                out.write(("POST /api/v1/packages HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                        + Base64.getEncoder().encodeToString((sender.system() + ":" + sender.secret())
                        .getBytes(StandardCharsets.UTF_8)) + "\r\nContent-Type: application/xml\r\nContent-Length: "
                        + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, body.length / 2);
                out.flush();
                uploads.add(s);
            }
            Thread.sleep(500); // the uploads' workers are now reading their bodies

            // were the uploads holding the places, these would wait 2 s and be refused (503)
            submit(sender, document(sender.agency(), recipient.agency())).then().statusCode(201);
            recipient.call().get("/api/v1/inbox").then().statusCode(200);

            for (int i = 0; i < uploads.size(); i++) {
                OutputStream out = uploads.get(i).getOutputStream();
                out.write(bodies.get(i), bodies.get(i).length / 2, bodies.get(i).length - bodies.get(i).length / 2);
                out.flush();
                String status = statusLine(uploads.get(i).getInputStream());
                assertTrue(status.startsWith("HTTP/1.1 201"), "the upload completed later was stored: " + status);
            }
            // each stalled upload was stored whole: its exact bytes wait in the recipient's inbox
            List<String> stored = recipient.call().get("/api/v1/inbox").then().statusCode(200).extract().path("items.sha256");
            for (byte[] body : bodies) {
                assertTrue(stored.contains(Exchange.sha256(body)), "a resumed upload's bytes are not in the inbox");
            }
            assertEquals(bodies.size() + 1, stored.size());
        } finally {
            for (Socket s : uploads) {
                s.close();
            }
        }
    }

    @Test
    void aFullGateRefusesWithServiceBusyAndLetsGoAfterwards() throws Exception {
        Party sender = party();
        Party recipient = party();
        byte[] edxml = document(sender.agency(), recipient.agency());
        CountDownLatch holding = new CountDownLatch(gate.size());
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(gate.size());
        try {
            for (int i = 0; i < gate.size(); i++) {
                pool.submit(() -> gate.call(() -> {
                    holding.countDown();
                    return release.await(30, TimeUnit.SECONDS);
                }));
            }
            assertTrue(holding.await(10, TimeUnit.SECONDS));

            for (Response refused : List.of(submit(sender, edxml), recipient.call().get("/api/v1/inbox"))) {
                refused.then().statusCode(503).contentType("application/problem+json");
                assertEquals("SERVICE_BUSY", refused.path("code"));
                assertEquals("5", refused.header("Retry-After"));
            }
        } finally {
            release.countDown();
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
        // nothing of the refused submission was kept: sent again, it is new
        submit(sender, edxml).then().statusCode(201);
        recipient.call().get("/api/v1/inbox").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void neverMoreAtOnceThanPlacesAndAFailingStepGivesItsPlaceBack() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Object>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                int n = i;
                calls.add(pool.submit(() -> gate.call(() -> {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    // a step that calls another bounded step holds its one place
                    gate.call(() -> {
                        Thread.sleep(2);
                        return null;
                    });
                    inside.decrementAndGet();
                    if (n % 3 == 0) {
                        throw new IllegalStateException("step " + n + " failed");
                    }
                    return null;
                })));
            }
            int failed = 0;
            for (Future<Object> call : calls) {
                try {
                    call.get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    assertTrue(e.getCause() instanceof IllegalStateException, e.getCause().toString());
                    failed++;
                }
            }
            assertEquals(22, failed);
            assertEquals(gate.size(), most.get(), "at most as many steps at once as places, and all of them used");
        } finally {
            pool.shutdown();
        }
        // every place came back
        assertEquals(2, gate.call(() -> 1 + gate.call(() -> 1)));
        assertThrows(IllegalStateException.class, () -> gate.call(() -> {
            throw new IllegalStateException("fails inside");
        }));
        assertEquals(0, gate.active());
    }

    @Test
    void operatorsSeeTheGateInTheMetrics() {
        Party sender = party();
        Exchange.sent(sender, party());
        String metrics = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String gauge : List.of("docaxis_work_active", "docaxis_work_queued")) {
            assertTrue(Pattern.compile("(?m)^" + gauge + "(\\{[^\\n]*})? \\S+$").matcher(metrics).find(), gauge);
        }
        Matcher waits = Pattern.compile("(?m)^docaxis_work_wait_seconds_count(\\{[^\\n]*})? (\\S+)$").matcher(metrics);
        assertTrue(waits.find(), "no docaxis_work_wait_seconds");
        assertTrue(Double.parseDouble(waits.group(2)) >= 1, "the submission's wait was not timed");
    }

    private static byte[] large(String from, String to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EdxmlWriter.writeDocument(out, TestHeaders.documentWithId(from, Exchange.newDocumentId(from), null, to),
                List.of(AttachmentSource.of("cid:main", "vanban.pdf", "application/pdf", TestPdfs.scan(200_000))));
        return out.toByteArray();
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) != -1 && c != '\n'; ) {
            line.append((char) c);
        }
        return line.toString().strip();
    }
}
