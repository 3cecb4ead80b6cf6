package vn.docaxis.platform;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.docaxis.platform.Certificates;
import vn.docaxis.support.ServiceProcess;
import vn.docaxis.support.TestPki;

/** The packaged service as operators run it: production refusals, trial restarts and crashes. */
class ServiceLifecycleIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final String ADMIN_PASSWORD = "lifecycle-admin-password";
    private static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="; // test only

    @TempDir
    Path dir;

    /** An RSA key, where trial mode generates EC: both kinds sign evidence. TEST MATERIAL ONLY. */
    private static final TestPki.Issued EVIDENCE_KEY = TestPki.certificate(null, "CN=docaxis TEST evidence key, C=VN")
            .keys(TestPki.rsa()).build();

    private Map<String, String> evidenceKey() {
        Path file = TestPki.pkcs12(EVIDENCE_KEY, dir.resolve("evidence.p12"), "test-evidence-password");
        return Map.of("DOCAXIS_EVIDENCE_KEYSTORE", file.toString(), "DOCAXIS_EVIDENCE_KEYSTORE_PASSWORD",
                "test-evidence-password");
    }

    @Test
    void productionRefusesToStartWithoutItsDatabase() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(dir, Map.of())) {
            assertNotEquals(0, service.awaitExit(START));
            assertTrue(service.log().contains("refuses to start in the prod profile without a database"), service.log());
        }
    }

    @Test
    void productionRefusesToStartWithoutItsKeysThenRunsOnTheExternalDatabase() throws Exception {
        try (EmbeddedDatabase external = EmbeddedDatabase.start(dir.resolve("external-pg"))) {
            Map<String, String> db = Map.of("DOCAXIS_DB_URL", external.jdbcUrl(), "DOCAXIS_DB_USER", "postgres",
                    "DOCAXIS_DB_PASSWORD", "");
            try (ServiceProcess service = ServiceProcess.start(dir, db)) {
                assertNotEquals(0, service.awaitExit(START));
                assertTrue(service.log().contains("without DOCAXIS_MASTER_KEY"), service.log());
            }
            Map<String, String> withKey = new HashMap<>(db);
            withKey.put("DOCAXIS_MASTER_KEY", MASTER_KEY);
            withKey.putAll(evidenceKey());
            try (ServiceProcess service = ServiceProcess.start(dir, withKey)) {
                assertNotEquals(0, service.awaitExit(START));
                assertTrue(service.log().contains("without DOCAXIS_ADMIN_PASSWORD"), service.log());
            }
            withKey.put("DOCAXIS_ADMIN_PASSWORD", ADMIN_PASSWORD);
            String systemSecret;
            Map<String, String> withoutEvidenceKey = new HashMap<>(withKey);
            withoutEvidenceKey.remove("DOCAXIS_EVIDENCE_KEYSTORE");
            try (ServiceProcess service = ServiceProcess.start(dir, withoutEvidenceKey)) {
                assertNotEquals(0, service.awaitExit(START));
                assertTrue(service.log().contains("DOCAXIS_EVIDENCE_KEYSTORE"), service.log());
            }
            try (ServiceProcess service = ServiceProcess.start(dir, withKey).awaitReady(START)) {
                api(service).get("/api/v1/me").then().statusCode(200).body("name", equalTo("admin"));
                X509Certificate axis = EVIDENCE_KEY.certificate();
                assertEquals(Certificates.pem(axis), api(service).get("/api/v1/evidence/certificate").asString(),
                        "evidence is signed with the operator's key");
                assertTrue(!service.log().contains("EMBEDDED PostgreSQL"), "no embedded database in production");
                assertTrue(service.log().contains("\"level\":\"INFO\""), "production logs are JSON");
                // Main turned off Netty's per-thread buffer caches before Netty started (see Main)
                String metrics = RestAssured.get(service.baseUrl() + "/q/metrics").then().statusCode(200).extract().asString();
                List<String> cacheSizes = metrics.lines().filter(l -> l.startsWith("netty_allocator_pooled_cache_size{")).toList();
                assertEquals(4, cacheSizes.size(), metrics); // small and normal, of Netty's and Vert.x's allocators
                cacheSizes.forEach(line -> assertTrue(line.endsWith(" 0.0"), line));
                systemSecret = api(service).contentType("application/json")
                        .body("{\"id\":\"lifecycle.sys\",\"name\":\"sealed secret\"}")
                        .post("/api/v1/admin/systems").then().statusCode(201).extract().path("secret");
            }
            // another installation's master key cannot open the secret sealed above: refuse, and say so
            Map<String, String> wrongKey = new HashMap<>(withKey);
            wrongKey.put("DOCAXIS_MASTER_KEY", "HyAdHBsaGRgXFhUUExIREA8ODQwLCgkIBwYFBAMCAQA="); // test only
            try (ServiceProcess service = ServiceProcess.start(dir, wrongKey)) {
                assertNotEquals(0, service.awaitExit(START));
                assertTrue(service.log().contains("does not open the secrets sealed in this database"), service.log());
            }
            try (ServiceProcess service = ServiceProcess.start(dir, withKey).awaitReady(START)) {
                RestAssured.given().baseUri(service.baseUrl()).auth().preemptive().basic("lifecycle.sys", systemSecret)
                        .get("/api/v1/me").then().statusCode(200).body("name", equalTo("lifecycle.sys"));
            }
        }
    }

    @Test
    void demoMaterialAndAWorkGateWithoutPlacesAreRefusedInProduction() throws Exception {
        try (EmbeddedDatabase external = EmbeddedDatabase.start(dir.resolve("external-pg"))) {
            Map<String, String> env = new HashMap<>(Map.of("DOCAXIS_DB_URL", external.jdbcUrl(),
                    "DOCAXIS_DB_USER", "postgres", "DOCAXIS_MASTER_KEY", MASTER_KEY, "DOCAXIS_ADMIN_PASSWORD", ADMIN_PASSWORD));
            env.putAll(evidenceKey());
            try (ServiceProcess service = ServiceProcess.start(dir, env, "-Ddocaxis.demo.load=true")) {
                assertNotEquals(0, service.awaitExit(START));
                assertTrue(service.log().contains("refused in the prod profile"), service.log());
            }
            try (ServiceProcess service = ServiceProcess.start(dir, env, "-Ddocaxis.signature.trust-dir=samples/pki/trust")) {
                assertNotEquals(0, service.awaitExit(START));
                assertTrue(service.log().contains("holds demo trust material"), service.log());
            }
            // a work gate with no places would refuse every submission: the start fails instead
            try (ServiceProcess service = ServiceProcess.start(dir, env, "-Ddocaxis.work.concurrency=0")) {
                assertNotEquals(0, service.awaitExit(START));
                assertTrue(service.log().contains("docaxis.work.concurrency must be at least 1, not 0"), service.log());
            }
        }
    }

    @Test
    void aTrialKeepsItsDataAcrossRestartsAndCrashes() throws Exception {
        Path data = dir.resolve("data");
        String[] trial = {"-Dquarkus.profile=trial", "-Ddocaxis.data-dir=" + data};
        Map<String, String> env = Map.of("DOCAXIS_ADMIN_PASSWORD", ADMIN_PASSWORD);
        String secret;
        String axisCertificate;
        try (ServiceProcess first = ServiceProcess.start(dir, env, trial).awaitReady(START)) {
            axisCertificate = api(first).get("/api/v1/evidence/certificate").then().statusCode(200).extract().asString();
            assertTrue(first.log().contains("TRIAL MODE"), "the trial mode is announced");
            api(first).contentType(ContentType.JSON).body(Map.of("code", "000.00.09.H41", "name", "Sở thử nghiệm"))
                    .post("/api/v1/admin/agencies").then().statusCode(201);
            secret = api(first).contentType(ContentType.JSON).body(Map.of("id", "restart.test", "name", "x",
                    "agencies", List.of("000.00.09.H41"))).post("/api/v1/admin/systems")
                    .then().statusCode(201).extract().path("secret");
            // the demo data came with the first start
            RestAssured.given().baseUri(first.baseUrl()).auth().preemptive().basic("vxp.nghean", "demo-secret-NGHEAN-DO-NOT-USE")
                    .get("/api/v1/me").then().statusCode(200);
            first.stop();
        }
        try (ServiceProcess second = ServiceProcess.start(dir, env, trial).awaitReady(START)) {
            assertEquals(axisCertificate, api(second).get("/api/v1/evidence/certificate").asString(),
                    "the trial evidence key was kept");
            api(second).get("/api/v1/agencies/000.00.09.H41").then().statusCode(200).body("name", equalTo("Sở thử nghiệm"));
            // the master key was kept: the system's sealed secret still opens
            RestAssured.given().baseUri(second.baseUrl()).auth().preemptive().basic("restart.test", secret)
                    .get("/api/v1/me").then().statusCode(200);
            // a second service on the same data directory fails fast
            try (ServiceProcess intruder = ServiceProcess.start(dir, env, trial)) {
                assertNotEquals(0, intruder.awaitExit(START));
                assertTrue(intruder.log().contains("in use by another running docaxis"), intruder.log());
            }
            api(second).get("/api/v1/agencies/000.00.09.H41").then().statusCode(200);
            second.kill();
        }
        try (ServiceProcess third = ServiceProcess.start(dir, env, trial).awaitReady(START)) {
            assertTrue(third.log().contains("did not shut down cleanly"), "the orphaned PostgreSQL was recognised");
            api(third).get("/api/v1/agencies/000.00.09.H41").then().statusCode(200);
            // the evidence of everything above, the crash included, still forms one unbroken chain
            api(third).post("/api/v1/audit/verify-chain").then().statusCode(200).body("intact", equalTo(true));
            third.stop();
        }
    }

    private static RequestSpecification api(ServiceProcess service) {
        return RestAssured.given().baseUri(service.baseUrl()).auth().preemptive().basic("admin", ADMIN_PASSWORD);
    }
}
