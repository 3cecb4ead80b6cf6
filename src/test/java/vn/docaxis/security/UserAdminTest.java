package vn.docaxis.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static vn.docaxis.support.Api.PASSWORD;
import static vn.docaxis.support.Api.admin;
import static vn.docaxis.support.Api.as;
import static vn.docaxis.support.Api.createAgency;
import static vn.docaxis.support.Api.createUser;
import static vn.docaxis.support.Api.freshName;
import static vn.docaxis.support.Api.freshTopCode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserAdminTest {

    private static final String USERS = "/api/v1/admin/users";

    @Test
    void createsAClerkBoundToAgenciesWhoCanLogIn() {
        String agency = createAgency(freshTopCode());
        String name = freshName("vanthu");
        admin().contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", PASSWORD, "roles", List.of("clerk"), "agencies", List.of(agency),
                        "displayName", "Văn thư"))
                .post(USERS).then().statusCode(201)
                .body("roles", equalTo(List.of("clerk"))).body("agencies", equalTo(List.of(agency)))
                .body("$", not(hasKey("password"))).body("$", not(hasKey("passwordHash")));
        as(name, PASSWORD).get("/api/v1/me").then().statusCode(200)
                .body("kind", equalTo("USER")).body("roles", equalTo(List.of("clerk"))).body("agencies", equalTo(List.of(agency)));
        as(name, "wrong-password-123").get("/api/v1/me").then().statusCode(401).body("code", equalTo("AUTHENTICATION_FAILED"));
    }

    @Test
    void aClerkNeedsAgenciesAndOnlyAClerkHasThem() {
        String agency = createAgency(freshTopCode());
        admin().contentType(ContentType.JSON)
                .body(Map.of("username", freshName("c"), "password", PASSWORD, "roles", List.of("clerk")))
                .post(USERS).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED")).body("field", equalTo("agencies"));
        admin().contentType(ContentType.JSON)
                .body(Map.of("username", freshName("a"), "password", PASSWORD, "roles", List.of("auditor"), "agencies", List.of(agency)))
                .post(USERS).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        admin().contentType(ContentType.JSON)
                .body(Map.of("username", freshName("c"), "password", PASSWORD, "roles", List.of("clerk"),
                        "agencies", List.of("000.00.00.Z97")))
                .post(USERS).then().statusCode(422).body("code", equalTo("UNKNOWN_AGENCY"));
    }

    @Test
    void refusesAPersonTheSystemRoleAndUnknownRoles() {
        admin().contentType(ContentType.JSON)
                .body(Map.of("username", freshName("p"), "password", PASSWORD, "roles", List.of("system")))
                .post(USERS).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        admin().contentType(ContentType.JSON)
                .body(Map.of("username", freshName("p"), "password", PASSWORD, "roles", List.of("superuser")))
                .post(USERS).then().statusCode(400).body("code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void refusesWeakPasswords() {
        for (String weak : List.of("short", "aaaaaaaaaaaaaaaa", "x".repeat(40) + "ẞẞẞẞẞẞẞẞẞẞẞẞ")) {
            admin().contentType(ContentType.JSON)
                    .body(Map.of("username", freshName("w"), "password", weak, "roles", List.of("auditor")))
                    .post(USERS).then().statusCode(400).body("code", equalTo("WEAK_PASSWORD"));
        }
    }

    @Test
    void changingThePasswordRetiresTheOldOne() {
        String name = freshName("pw");
        createUser(name, "auditor", List.of());
        admin().contentType(ContentType.JSON).body(Map.of("password", "another-long-password"))
                .post(USERS + "/" + name + "/password").then().statusCode(204);
        as(name, PASSWORD).get("/api/v1/me").then().statusCode(401);
        as(name, "another-long-password").get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void aDisabledUserCannotLogIn() {
        String name = freshName("gone");
        createUser(name, "auditor", List.of());
        admin().post(USERS + "/" + name + "/disable").then().statusCode(200).body("status", equalTo("DISABLED"));
        as(name, PASSWORD).get("/api/v1/me").then().statusCode(401).body("code", equalTo("AUTHENTICATION_FAILED"));
    }

    @Test
    void theLastActiveAdminCannotBeDisabledOrDemoted() {
        // Only the bootstrap admin exists as admin unless another test made one: make sure of it.
        admin().queryParam("size", 500).get(USERS).then().statusCode(200);
        admin().post(USERS + "/admin/disable").then().statusCode(409).body("code", equalTo("LAST_ADMIN"));
        admin().contentType(ContentType.JSON).body(Map.of("roles", List.of("auditor")))
                .put(USERS + "/admin").then().statusCode(409).body("code", equalTo("LAST_ADMIN"));
        // with a second admin, the first may step down
        String second = freshName("admin2");
        createUser(second, "admin", List.of());
        as(second, PASSWORD).post(USERS + "/" + second + "/disable").then().statusCode(200);
        as("admin", "test-admin-password").get("/api/v1/me").then().statusCode(200);
    }
}
