package vn.docaxis.system;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.docaxis.support.Api.admin;
import static vn.docaxis.support.Api.as;
import static vn.docaxis.support.Api.createAgency;
import static vn.docaxis.support.Api.createSystem;
import static vn.docaxis.support.Api.createUser;
import static vn.docaxis.support.Api.freshName;
import static vn.docaxis.support.Api.freshTopCode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConnectedSystemTest {

    private static final String SYSTEMS = "/api/v1/admin/systems";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theSecretIsShownOnceAndAuthenticatesTheSystem() {
        String agency = createAgency(freshTopCode());
        String id = freshName("vxp.test");
        String secret = admin().contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Trục thử", "agencies", List.of(agency)))
                .post(SYSTEMS).then().statusCode(201)
                .header("Cache-Control", "no-store")
                .body("id", equalTo(id)).body("secret", notNullValue())
                .extract().path("secret");
        assertTrue(secret.length() >= 40, "a secret carries at least 256 bits");
        admin().get(SYSTEMS + "/" + id).then().statusCode(200)
                .body("agencies", equalTo(List.of(agency))).body("$", not(hasKey("secret")));
        admin().queryParam("size", 500).get(SYSTEMS).then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }", not(hasKey("secret")));
        as(id, secret).get("/api/v1/me").then().statusCode(200)
                .body("kind", equalTo("SYSTEM")).body("agencies", equalTo(List.of(agency)));
    }

    @Test
    void theDatabaseAndTheLogNeverHoldTheSecretInClear() throws Exception {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(capture);
        String id = freshName("vxp.clear");
        String secret;
        String rotated;
        try {
            secret = createSystem(id, List.of(), List.of());
            rotated = admin().post(SYSTEMS + "/" + id + "/rotate-secret").then().statusCode(200).extract().path("secret");
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
        try (Connection c = dataSource.getConnection()) {
            byte[] sealed = bytes(c, "select secret_sealed from connected_system where id = ?", id);
            for (String s : List.of(secret, rotated)) {
                assertFalse(contains(sealed, s.getBytes(StandardCharsets.UTF_8)), "sealed column holds the secret");
                assertEquals(0, count(c, "select count(*) from connected_system where id = ? and "
                        + "(name like '%' || ? || '%' or encode(secret_sealed, 'escape') like '%' || ? || '%')", id, s, s));
                assertEquals(0, count(c, "select count(*) from audit_event where coalesce(detail::text, '') like '%' || ? || '%'"
                        + " or coalesce(target_id, '') like '%' || ? || '%'", s, s));
            }
        }
        for (String line : logged) {
            assertFalse(line.contains(secret) || line.contains(rotated), "a log line holds the secret: " + line);
        }
    }

    @Test
    void rotatingTheSecretRetiresTheOldOneAtOnce() {
        String id = freshName("vxp.rotate");
        String old = createSystem(id, List.of(), List.of());
        as(id, old).get("/api/v1/me").then().statusCode(200); // now known to this instance's credential cache
        String fresh = admin().post(SYSTEMS + "/" + id + "/rotate-secret").then().statusCode(200)
                .header("Cache-Control", "no-store").extract().path("secret");
        as(id, old).get("/api/v1/me").then().statusCode(401).body("code", equalTo("AUTHENTICATION_FAILED"));
        as(id, fresh).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void aDisabledSystemCannotAuthenticate() {
        String id = freshName("vxp.disabled");
        String secret = createSystem(id, List.of(), List.of());
        as(id, secret).get("/api/v1/me").then().statusCode(200);
        admin().post(SYSTEMS + "/" + id + "/disable").then().statusCode(200).body("status", equalTo("DISABLED"));
        as(id, secret).get("/api/v1/me").then().statusCode(401).body("code", equalTo("AUTHENTICATION_FAILED"));
        admin().post(SYSTEMS + "/" + id + "/enable").then().statusCode(200).body("status", equalTo("ACTIVE"));
        as(id, secret).get("/api/v1/me").then().statusCode(200);
    }

    /**
     * A change made by another instance (here: straight in the database) reaches this one when its
     * cached credential expires (docaxis.security.credential-cache-ttl, 2 s in tests), not before.
     */
    @Test
    void anotherInstancesChangeAppliesWithinTheCacheTime() throws Exception {
        String id = freshName("vxp.elsewhere");
        String secret = createSystem(id, List.of(), List.of());
        as(id, secret).get("/api/v1/me").then().statusCode(200);
        long disabledAt = System.nanoTime();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update connected_system set status = 'DISABLED' where id = ?")) {
            ps.setString(1, id);
            assertEquals(1, ps.executeUpdate());
        }
        as(id, secret).get("/api/v1/me").then().statusCode(200); // answered from memory: the cache is in use
        while (as(id, secret).get("/api/v1/me").statusCode() == 200) {
            assertTrue(System.nanoTime() - disabledAt < 4_000_000_000L, "still accepted 4 s after being disabled");
            Thread.sleep(100);
        }
        assertTrue(System.nanoTime() - disabledAt >= 1_900_000_000L, "the cache time was not kept");
        as(id, secret).get("/api/v1/me").then().statusCode(401).body("code", equalTo("AUTHENTICATION_FAILED"));
    }

    @Test
    void aWrongSecretIsCheckedAndRecordedEvenWhenTheSystemIsCached() throws Exception {
        String id = freshName("vxp.wrong");
        String secret = createSystem(id, List.of(), List.of());
        as(id, secret).get("/api/v1/me").then().statusCode(200);
        as(id, secret + "x").get("/api/v1/me").then().statusCode(401).body("code", equalTo("AUTHENTICATION_FAILED"));
        as(id, secret.substring(1)).get("/api/v1/me").then().statusCode(401).body("code", equalTo("AUTHENTICATION_FAILED"));
        try (Connection c = dataSource.getConnection()) {
            assertEquals(2, count(c, "select count(*) from audit_event where actor = ? and action = 'authenticate' "
                    + "and outcome = 'REFUSED'", id));
        }
        as(id, secret).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void systemIdsAndUserNamesShareOneNamespace() {
        String id = freshName("shared");
        createSystem(id, List.of(), List.of());
        admin().contentType(ContentType.JSON)
                .body(Map.of("username", id, "password", "correct-horse-battery", "roles", List.of("auditor")))
                .post("/api/v1/admin/users").then().statusCode(409).body("code", equalTo("NAME_TAKEN"));
        admin().contentType(ContentType.JSON)
                .body(Map.of("username", id.toUpperCase(), "password", "correct-horse-battery", "roles", List.of("auditor")))
                .post("/api/v1/admin/users").then().statusCode(409).body("code", equalTo("NAME_TAKEN"));
        String user = freshName("person");
        createUser(user, "auditor", List.of());
        admin().contentType(ContentType.JSON).body(Map.of("id", user, "name", "x"))
                .post(SYSTEMS).then().statusCode(409).body("code", equalTo("NAME_TAKEN"));
    }

    @Test
    void refusesIdsThatCannotBeBasicUserNames() {
        for (String bad : List.of("vxp:03", "a", "has space", ".leading", "x".repeat(65))) {
            admin().contentType(ContentType.JSON).body(Map.of("id", bad, "name", "x"))
                    .post(SYSTEMS).then().statusCode(400).body("code", equalTo(bad.length() > 64 ? "VALIDATION_FAILED"
                            : "INVALID_PRINCIPAL_NAME"));
        }
    }

    @Test
    void refusesAScopeNamingUnregisteredAgencies() {
        admin().contentType(ContentType.JSON)
                .body(Map.of("id", freshName("vxp.scope"), "name", "x", "subtrees", List.of("000.00.00.Z98")))
                .post(SYSTEMS).then().statusCode(422).body("code", equalTo("UNKNOWN_AGENCY"))
                .body("agencyCode", equalTo("000.00.00.Z98"));
    }

    @Test
    void updatesTheScope() {
        String a = createAgency(freshTopCode());
        String b = createAgency(freshTopCode());
        String id = freshName("vxp.update");
        String secret = createSystem(id, List.of(a), List.of());
        // known to this instance's credential cache: the new scope must still apply at the next call
        as(id, secret).get("/api/v1/me").then().statusCode(200).body("agencies", equalTo(List.of(a)));
        admin().contentType(ContentType.JSON).body(Map.of("name", "Renamed", "agencies", List.of(), "subtrees", List.of(b)))
                .put(SYSTEMS + "/" + id).then().statusCode(200).body("subtrees", equalTo(List.of(b)));
        as(id, secret).get("/api/v1/me").then().statusCode(200).body("agencies", equalTo(List.of()))
                .body("subtrees", equalTo(List.of(b)));
    }

    private static byte[] bytes(Connection c, String sql, String arg) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getBytes(1);
            }
        }
    }

    private static long count(Connection c, String sql, String... args) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
