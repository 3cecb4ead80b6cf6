package vn.docaxis.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.docaxis.support.Api.PASSWORD;
import static vn.docaxis.support.Api.admin;
import static vn.docaxis.support.Api.anonymous;
import static vn.docaxis.support.Api.as;
import static vn.docaxis.support.Api.createAgency;
import static vn.docaxis.support.Api.createSystem;
import static vn.docaxis.support.Api.createUser;
import static vn.docaxis.support.Api.freshName;
import static vn.docaxis.support.Api.freshTopCode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each authorization rule of the README, allowed and refused. Rules about documents live with the exchange tests. */
@QuarkusTest
class AuthorizationTest {

    private String agency;
    private String systemId;
    private String systemSecret;
    private String clerk;
    private String auditor;

    /** Admin-only changes: method, path, JSON body (or null). */
    private List<String[]> adminChanges() {
        return List.of(
                new String[] {"POST", "/api/v1/admin/agencies", "{\"code\":\"000.00.00.Y01\",\"name\":\"x\"}"},
                new String[] {"PUT", "/api/v1/admin/agencies/" + agency, "{\"name\":\"x\"}"},
                new String[] {"POST", "/api/v1/admin/agencies/" + agency + "/suspend", null},
                new String[] {"POST", "/api/v1/admin/agencies/" + agency + "/activate", null},
                new String[] {"POST", "/api/v1/admin/agencies/import", "[{\"code\":\"000.00.00.Y02\",\"name\":\"x\"}]"},
                new String[] {"POST", "/api/v1/admin/systems", "{\"id\":\"should.not.exist\",\"name\":\"x\"}"},
                new String[] {"PUT", "/api/v1/admin/systems/" + systemId, "{\"name\":\"x\"}"},
                new String[] {"POST", "/api/v1/admin/systems/" + systemId + "/rotate-secret", null},
                new String[] {"POST", "/api/v1/admin/systems/" + systemId + "/disable", null},
                new String[] {"POST", "/api/v1/admin/users", "{\"username\":\"should.not.exist\",\"password\":\"x\",\"roles\":[\"admin\"]}"},
                new String[] {"POST", "/api/v1/admin/users/" + clerk + "/password", "{\"password\":\"takeover-password\"}"},
                new String[] {"POST", "/api/v1/admin/users/" + auditor + "/disable", null});
    }

    private static final List<String> READS_FOR_ADMINS_AND_AUDITORS = List.of(
            "/api/v1/admin/agencies", "/api/v1/admin/systems", "/api/v1/admin/users", "/api/v1/admin/audit");

    @BeforeEach
    void fixtures() {
        agency = createAgency(freshTopCode());
        systemId = freshName("vxp.authz");
        systemSecret = createSystem(systemId, List.of(agency), List.of());
        clerk = freshName("clerk");
        createUser(clerk, "clerk", List.of(agency));
        auditor = freshName("auditor");
        createUser(auditor, "auditor", List.of());
    }

    @Test
    void everyApiCallNeedsCredentials() {
        for (String path : List.of("/api/v1/me", "/api/v1/agencies", "/api/v1/agencies/" + agency, "/api/v1/admin/agencies",
                "/api/v1/admin/audit")) {
            anonymous().get(path).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Basic"))
                    .body("code", equalTo("UNAUTHENTICATED"));
        }
        // authentication comes before the body is even looked at
        anonymous().contentType(ContentType.JSON).body("{not json").post("/api/v1/admin/agencies")
                .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void wrongCredentialsAreRefusedAlikeWhateverTheCause() {
        as(systemId, "wrong-secret").get("/api/v1/me").then().statusCode(401).body("code", equalTo("AUTHENTICATION_FAILED"));
        as("nobody.here", "whatever-password").get("/api/v1/me").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Basic")).body("code", equalTo("AUTHENTICATION_FAILED"));
        as(clerk, "wrong-password-1").get("/api/v1/me").then().statusCode(401).body("code", equalTo("AUTHENTICATION_FAILED"));
    }

    @Test
    void onlyAdminsManageAgenciesSystemsAndUsers() {
        Map<String, Supplier<RequestSpecification>> nonAdmins = Map.of(
                "system", () -> as(systemId, systemSecret),
                "clerk", () -> as(clerk, PASSWORD),
                "auditor", () -> as(auditor, PASSWORD));
        for (var caller : nonAdmins.entrySet()) {
            for (String[] change : adminChanges()) {
                RequestSpecification request = caller.getValue().get();
                if (change[2] != null) {
                    request = request.contentType(ContentType.JSON).body(change[2]);
                }
                request.request(change[0], change[1]).then()
                        .statusCode(403).body("code", equalTo("NOT_AUTHORIZED"));
            }
        }
        // nothing of it happened
        admin().get("/api/v1/admin/agencies/000.00.00.Y01").then().statusCode(404);
        admin().get("/api/v1/admin/systems/should.not.exist").then().statusCode(404);
        admin().get("/api/v1/admin/users/" + auditor).then().body("status", equalTo("ACTIVE"));
        as(systemId, systemSecret).get("/api/v1/me").then().statusCode(200);
        as(clerk, PASSWORD).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void adminsDoWhatTheOthersMayNot() {
        admin().post("/api/v1/admin/agencies/" + agency + "/suspend").then().statusCode(200);
        admin().post("/api/v1/admin/systems/" + systemId + "/rotate-secret").then().statusCode(200);
        admin().post("/api/v1/admin/users/" + auditor + "/disable").then().statusCode(200);
    }

    @Test
    void auditorsAndAdminsReadEverythingOthersDoNot() {
        for (String path : READS_FOR_ADMINS_AND_AUDITORS) {
            as(auditor, PASSWORD).get(path).then().statusCode(200);
            admin().get(path).then().statusCode(200);
            as(clerk, PASSWORD).get(path).then().statusCode(403).body("code", equalTo("NOT_AUTHORIZED"));
            as(systemId, systemSecret).get(path).then().statusCode(403).body("code", equalTo("NOT_AUTHORIZED"));
        }
    }

    @Test
    void everyoneAuthenticatedReadsThePublicRegistry() {
        for (RequestSpecification caller : List.of(as(systemId, systemSecret), as(clerk, PASSWORD), as(auditor, PASSWORD))) {
            caller.get("/api/v1/agencies/" + agency).then().statusCode(200).body("code", equalTo(agency));
        }
    }

    @Test
    void refusalsAndAdminChangesAreRecordedWithWhoWhatWhen() {
        as(clerk, PASSWORD).post("/api/v1/admin/agencies/" + agency + "/suspend").then().statusCode(403);
        as(systemId, "bad-secret").get("/api/v1/me").then().statusCode(401);
        anonymous().get("/api/v1/admin/users").then().statusCode(401);
        admin().post("/api/v1/admin/agencies/" + agency + "/suspend").then().statusCode(200);

        var refused = admin().queryParam("outcome", "REFUSED").queryParam("size", 500).get("/api/v1/admin/audit")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(refused.getList("items.findAll { it.actor == '" + clerk + "' }.code").contains("NOT_AUTHORIZED"));
        assertTrue(refused.getList("items.findAll { it.actor == '" + clerk + "' }.targetId")
                .contains("/api/v1/admin/agencies/" + agency + "/suspend"));
        assertTrue(refused.getList("items.findAll { it.actor == '" + systemId + "' }.code").contains("AUTHENTICATION_FAILED"));
        assertTrue(refused.getList("items.findAll { it.actorKind == 'ANONYMOUS' && it.targetId == '/api/v1/admin/users' }.code")
                .contains("UNAUTHENTICATED"));
        admin().queryParam("action", "agency.suspend").queryParam("size", 500).get("/api/v1/admin/audit").then()
                .body("items.findAll { it.targetId == '" + agency + "' }.actor", hasItem("admin"))
                .body("items.find { it.targetId == '" + agency + "' }.remoteAddr", equalTo("127.0.0.1"))
                .body("items.find { it.targetId == '" + agency + "' }.occurredAt", containsString("T"));
    }

    @Test
    void auditorsCannotChangeTheirOwnRoles() {
        as(auditor, PASSWORD).contentType(ContentType.JSON).body("{\"roles\":[\"admin\"]}")
                .put("/api/v1/admin/users/" + auditor).then().statusCode(403).body("code", equalTo("NOT_AUTHORIZED"));
    }
}
