package vn.docaxis.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.docaxis.cluster.AxisCluster.check;
import static vn.docaxis.cluster.AxisCluster.items;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.docaxis.support.AxisClient;

/**
 * Crashes under load, on two instances sharing one PostgreSQL: senders and recipients keep
 * working while instances are killed with SIGKILL at random moments and restarted; clients retry
 * what got no answer with the same Idempotency-Key, as the integration guide asks. Afterwards:
 * every submission answered 2xx is there with its exact bytes, deliveries and evidence; a
 * submission that got an error or no answer is either complete or absent; no recipient saw a
 * copy it had acknowledged come back as new; the evidence chain verifies; and the background
 * jobs of both instances (overdue scan, checkpoints) did their work once.
 *
 * <p>Short form in CI (3 kills, about a minute); the long form by hand:
 * {@code ./mvnw verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=DurabilityIT
 * -Ddocaxis.durability.kills=20 -Ddocaxis.durability.senders=8}.
 */
class DurabilityIT {

    static final int KILLS = Integer.getInteger("docaxis.durability.kills", 3);
    static final int SENDERS = Integer.getInteger("docaxis.durability.senders", 4);
    static final Duration RETRY_FOR = Duration.ofSeconds(180);

    @TempDir
    Path dir;

    /** What a sender knows of one document it sent. */
    record Sent(String serial, String sha256, String packageId, boolean answered2xx) {
    }

    /** Submissions that lost their connection at least once before they got an answer. */
    static final AtomicInteger INTERRUPTED = new AtomicInteger();

    @Test
    void aDatabaseRestartUnderLoadIsReportedRefusedCleanlyAndSurvived() throws Exception {
        try (AxisCluster cluster = new AxisCluster(dir, 1)) {
            AxisCluster.Party sender = cluster.party("000.00.01.T83", "Sở gửi");
            AxisCluster.Party recipient = cluster.party("000.00.02.T83", "Sở nhận");
            AxisClient client = sender.client(() -> cluster.base(0));
            Map<String, Sent> sent = new ConcurrentHashMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger serials = new AtomicInteger(100);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<?> load = pool.submit(() -> {
                while (!stop.get()) {
                    String serial = Integer.toString(serials.incrementAndGet());
                    byte[] edxml = AxisCluster.document(sender, serial, recipient.agency());
                    sent.put(serial, submitRetrying(client, edxml, serial));
                }
                return null;
            });
            Thread.sleep(3000);
            int port = cluster.database.port();
            cluster.stopDatabase();
            // the service says it is not ready, and refuses with a problem it can be retried on
            awaitReadiness(cluster.base(0), 503);
            AxisClient.Answer refused = client.submit(AxisCluster.document(sender, "99", recipient.agency()), "db-down-99");
            assertEquals(503, refused.status(), refused.toString());
            assertEquals("SERVICE_UNAVAILABLE", refused.json().get("code").asText());
            cluster.startDatabase(port);
            // ... and recovers by itself
            awaitReadiness(cluster.base(0), 200);
            Thread.sleep(3000);
            stop.set(true);
            load.get();
            pool.shutdown();
            AxisClient admin = cluster.admin();
            Map<String, List<JsonNode>> stored = new HashMap<>();
            for (JsonNode p : all(admin, "/api/v1/packages?sender=" + sender.agency())) {
                stored.computeIfAbsent(p.get("codeNumber").asText(), k -> new ArrayList<>()).add(p);
            }
            long accepted = sent.values().stream().filter(Sent::answered2xx).count();
            for (Sent s : sent.values()) {
                if (s.answered2xx()) {
                    assertEquals(s.packageId(), stored.get(s.serial()).get(0).get("packageId").asText());
                }
                assertTrue(stored.getOrDefault(s.serial(), List.of()).size() <= 1);
            }
            assertTrue(accepted > 5, "accepted before and after the restart: " + accepted);
            assertTrue(check(admin.verifyChain()).json().get("intact").asBoolean());
            System.out.printf("durability: PostgreSQL restarted under load: readiness 503 then 200, submissions "
                    + "refused with 503 SERVICE_UNAVAILABLE meanwhile, %d accepted and all present%n", accepted);
        }
    }

    static void awaitReadiness(String base, int status) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(10)).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            if (last == status) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("readiness stayed " + last + ", expected " + status);
    }

    @Test
    void crashesUnderLoadOnTwoInstancesLoseNothingAndDuplicateNothing() throws Exception {
        long t0 = System.nanoTime();
        try (AxisCluster cluster = new AxisCluster(dir, 2, "-Ddocaxis.exchange.overdue-after=PT3S",
                "-Ddocaxis.exchange.overdue-scan-every=1s", "-Ddocaxis.evidence.checkpoint-every=2s")) {
            List<AxisCluster.Party> senders = new ArrayList<>();
            for (int i = 0; i < SENDERS; i++) {
                senders.add(cluster.party(String.format("000.00.%02d.T81", i + 1), "Sở gửi " + (i + 1)));
            }
            AxisCluster.Party r1 = cluster.party("000.00.01.T82", "Sở nhận một");
            AxisCluster.Party r2 = cluster.party("000.00.02.T82", "Sở nhận hai");
            AxisCluster.Party idle = cluster.party("000.00.03.T82", "Sở nhận chậm"); // never fetches: overdue

            Map<String, Sent> sent = new ConcurrentHashMap<>();
            Set<String> acked = ConcurrentHashMap.newKeySet();
            Set<String> duplicates = ConcurrentHashMap.newKeySet();
            Map<String, String> badBytes = new ConcurrentHashMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger serials = new AtomicInteger(1000);
            ExecutorService pool = Executors.newFixedThreadPool(SENDERS + 2);
            List<Future<?>> work = new ArrayList<>();
            for (int s = 0; s < SENDERS; s++) {
                AxisCluster.Party sender = senders.get(s);
                int instance = s % 2;
                AxisClient client = sender.client(() -> cluster.base(instance));
                work.add(pool.submit(() -> {
                    while (!stop.get()) {
                        String serial = Integer.toString(serials.incrementAndGet());
                        byte[] edxml = AxisCluster.document(sender, serial, r1.agency(), r2.agency(), idle.agency());
                        sent.put(serial, submitRetrying(client, edxml, serial));
                    }
                    return null;
                }));
            }
            for (AxisCluster.Party r : List.of(r1, r2)) {
                AxisClient client = r.client(() -> cluster.base(r == r1 ? 0 : 1));
                work.add(pool.submit(() -> {
                    while (!stop.get()) {
                        receiveOnce(client, sent, acked, duplicates, badBytes);
                        Thread.sleep(100);
                    }
                    return null;
                }));
            }

            phase("started and provisioned", t0);
            Random random = new Random();
            for (int k = 0; k < KILLS; k++) {
                Thread.sleep(4000 + random.nextInt(6000));
                cluster.crashAndRestart(k % 2);
                phase("kill " + (k + 1) + " survived", t0);
            }
            Thread.sleep(3000);
            stop.set(true);
            for (Future<?> f : work) {
                f.get();
            }
            pool.shutdown();

            // recipients take what is left
            for (AxisCluster.Party r : List.of(r1, r2)) {
                AxisClient client = r.client(() -> cluster.base(0));
                while (receiveOnce(client, sent, acked, duplicates, badBytes) > 0) {
                    // until the inbox is empty
                }
            }

            phase("load stopped and inboxes drained", t0);
            AxisClient admin = cluster.admin();
            Map<String, List<JsonNode>> stored = new HashMap<>(); // by serial (the document's number)
            for (AxisCluster.Party sender : senders) {
                for (JsonNode p : all(admin, "/api/v1/packages?sender=" + sender.agency())) {
                    stored.computeIfAbsent(p.get("codeNumber").asText(), k -> new ArrayList<>()).add(p);
                }
            }
            Map<String, Integer> acceptedEvidence = countBy(all(admin, "/api/v1/evidence?event=SUBMISSION_ACCEPTED"),
                    "packageId");
            Map<String, Integer> availableEvidence = countBy(all(admin, "/api/v1/evidence?event=MADE_AVAILABLE"),
                    "packageId");
            Map<String, Integer> overdueEvidence = countBy(all(admin, "/api/v1/evidence?event=OVERDUE"), "deliveryId");
            int accepted = 0;
            int unknownPresent = 0;
            for (Sent s : sent.values()) {
                List<JsonNode> found = stored.getOrDefault(s.serial(), List.of());
                assertTrue(found.size() <= 1, "serial " + s.serial() + " stored twice: " + found);
                if (s.answered2xx()) {
                    accepted++;
                    assertEquals(1, found.size(), "an acknowledged submission is missing: " + s);
                    assertEquals(s.packageId(), found.get(0).get("packageId").asText());
                } else if (!found.isEmpty()) {
                    unknownPresent++;
                    // no answer, yet stored: then stored whole, with the bytes that were sent
                    JsonNode detail = check(admin.get("/api/v1/packages/" + found.get(0).get("packageId").asText())).json();
                    assertEquals(s.sha256(), detail.get("sha256").asText());
                }
                for (JsonNode p : found) {
                    String id = p.get("packageId").asText();
                    assertEquals(3, p.get("recipients").size(), "copies of " + id);
                    assertEquals(1, acceptedEvidence.getOrDefault(id, 0), "acceptance evidence of " + id);
                    assertEquals(3, availableEvidence.getOrDefault(id, 0), "availability evidence of " + id);
                    for (JsonNode copy : p.get("recipients")) {
                        // both instances scan for overdue copies: each is flagged once at most
                        assertTrue(overdueEvidence.getOrDefault(copy.get("deliveryId").asText(), 0) <= 1,
                                "a copy flagged overdue twice: " + copy);
                    }
                }
            }
            assertTrue(sent.keySet().containsAll(stored.keySet()), "a package no sender sent");
            assertTrue(overdueEvidence.size() >= accepted, "the idle recipient's copies became overdue: "
                    + overdueEvidence.size());
            phase("every submission checked", t0);
            assertEquals(Set.of(), duplicates, "acknowledged copies offered again as new");
            assertEquals(Map.of(), badBytes, "fetched bytes that differ from what was sent");
            JsonNode chain = check(admin.verifyChain()).json();
            assertTrue(chain.get("intact").asBoolean(), chain.toString());
            assertTrue(chain.get("checkpointsChecked").asInt() > 0, "checkpoints were written");
            assertTrue(accepted > 20, "too little load to prove anything: " + accepted);
            System.out.printf("durability: %d kills survived, %d submissions answered 2xx and checked (%d of them cut "
                            + "off by a kill and resent with their key), %d without an answer found complete, %d acknowledged "
                            + "deliveries, 0 lost, 0 duplicated%n", KILLS, accepted, INTERRUPTED.get(), unknownPresent,
                    acked.size());
        }
    }

    static void phase(String what, long t0) {
        System.out.printf("durability: %s after %d s%n", what, (System.nanoTime() - t0) / 1_000_000_000);
    }

    /** Submits, retrying connection failures and 503s with the same key until some answer comes. */
    static Sent submitRetrying(AxisClient client, byte[] edxml, String serial) throws InterruptedException {
        String sha = sha256(edxml);
        long deadline = System.nanoTime() + RETRY_FOR.toNanos();
        boolean interrupted = false;
        while (System.nanoTime() < deadline) {
            try {
                AxisClient.Answer a = client.submit(edxml, "durability-" + serial);
                if (a.ok()) {
                    JsonNode body = a.json();
                    assertEquals(sha, body.get("sha256").asText(), "the axis hashed other bytes");
                    return new Sent(serial, sha, body.get("packageId").asText(), true);
                }
                if (a.status() != 503) {
                    return new Sent(serial, sha, null, false);
                }
            } catch (IOException e) {
                // killed mid-request, or not listening yet: the same key again
                if (!interrupted) {
                    interrupted = true;
                    INTERRUPTED.incrementAndGet();
                }
            }
            Thread.sleep(200);
        }
        return new Sent(serial, sha, null, false);
    }

    /** One pass over the inbox: fetch, check, acknowledge. Returns how many items it saw. */
    static int receiveOnce(AxisClient client, Map<String, Sent> sent, Set<String> acked, Set<String> duplicates,
                           Map<String, String> badBytes) throws InterruptedException {
        try {
            List<JsonNode> inbox = items(client.get("/api/v1/inbox?kind=edoc&size=100"));
            for (JsonNode item : inbox) {
                String delivery = item.get("deliveryId").asText();
                if (acked.contains(delivery)) {
                    duplicates.add(delivery);
                    continue;
                }
                AxisClient.Answer bytes = client.get("/api/v1/inbox/" + delivery);
                if (!bytes.ok()) {
                    continue;
                }
                String packageId = item.get("packageId").asText();
                String sha = sha256(bytes.body());
                sent.values().stream().filter(s -> packageId.equals(s.packageId()) && !s.sha256().equals(sha))
                        .forEach(s -> badBytes.put(packageId, sha));
                if (client.ackDone(delivery).ok()) {
                    acked.add(delivery);
                }
            }
            return inbox.size();
        } catch (IOException | AssertionError e) {
            return 0; // the instance is down: try again later
        }
    }

    /** Every item of a listing, page by page. */
    static List<JsonNode> all(AxisClient admin, String path) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<JsonNode> items = items(admin.get(path + (path.contains("?") ? "&" : "?") + "size=500&page=" + page));
            all.addAll(items);
            if (items.size() < 500) {
                return all;
            }
        }
    }

    static Map<String, Integer> countBy(List<JsonNode> items, String field) {
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode item : items) {
            if (item.hasNonNull(field)) {
                counts.merge(item.get(field).asText(), 1, Integer::sum);
            }
        }
        return counts;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
