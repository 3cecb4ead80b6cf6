package vn.docaxis.platform;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.docaxis.support.ServiceProcess;

/** The packaged service as operators run it: production refusals, trial restarts and crashes. */
class ServiceLifecycleIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final String ADMIN_PASSWORD = "lifecycle-admin-password";
    private static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="; // test only

    @TempDir
    Path dir;

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
            try (ServiceProcess service = ServiceProcess.start(dir, withKey)) {
                assertNotEquals(0, service.awaitExit(START));
                assertTrue(service.log().contains("without DOCAXIS_ADMIN_PASSWORD"), service.log());
            }
            withKey.put("DOCAXIS_ADMIN_PASSWORD", ADMIN_PASSWORD);
            try (ServiceProcess service = ServiceProcess.start(dir, withKey).awaitReady(START)) {
                api(service).get("/api/v1/me").then().statusCode(200).body("name", equalTo("admin"));
                assertTrue(!service.log().contains("EMBEDDED PostgreSQL"), "no embedded database in production");
                assertTrue(service.log().contains("\"level\":\"INFO\""), "production logs are JSON");
            }
        }
    }

    @Test
    void demoDataAndDemoTrustMaterialAreRefusedInProduction() throws Exception {
        try (EmbeddedDatabase external = EmbeddedDatabase.start(dir.resolve("external-pg"))) {
            Map<String, String> env = Map.of("DOCAXIS_DB_URL", external.jdbcUrl(), "DOCAXIS_DB_USER", "postgres",
                    "DOCAXIS_MASTER_KEY", MASTER_KEY, "DOCAXIS_ADMIN_PASSWORD", ADMIN_PASSWORD);
            try (ServiceProcess service = ServiceProcess.start(dir, env, "-Ddocaxis.demo.load=true")) {
                assertNotEquals(0, service.awaitExit(START));
                assertTrue(service.log().contains("refused in the prod profile"), service.log());
            }
            try (ServiceProcess service = ServiceProcess.start(dir, env, "-Ddocaxis.signature.trust-dir=samples/pki/trust")) {
                assertNotEquals(0, service.awaitExit(START));
                assertTrue(service.log().contains("holds demo trust material"), service.log());
            }
        }
    }

    @Test
    void aTrialKeepsItsDataAcrossRestartsAndCrashes() throws Exception {
        Path data = dir.resolve("data");
        String[] trial = {"-Dquarkus.profile=trial", "-Ddocaxis.data-dir=" + data};
        Map<String, String> env = Map.of("DOCAXIS_ADMIN_PASSWORD", ADMIN_PASSWORD);
        String secret;
        try (ServiceProcess first = ServiceProcess.start(dir, env, trial).awaitReady(START)) {
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
            third.stop();
        }
    }

    private static RequestSpecification api(ServiceProcess service) {
        return RestAssured.given().baseUri(service.baseUrl()).auth().preemptive().basic("admin", ADMIN_PASSWORD);
    }
}
