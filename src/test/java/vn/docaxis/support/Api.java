package vn.docaxis.support;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Callers and fixtures for API tests. Every fixture gets fresh names, so tests never depend on each other's data. */
public final class Api {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";
    public static final String PASSWORD = "correct-horse-battery";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private Api() {
    }

    public static RequestSpecification anonymous() {
        return given();
    }

    public static RequestSpecification admin() {
        return as(ADMIN, ADMIN_PASSWORD);
    }

    public static RequestSpecification as(String name, String secret) {
        return given().auth().preemptive().basic(name, secret);
    }

    /** A top-level QCVN 102 code no other test uses, e.g. {@code 000.00.00.T0A}. */
    public static String freshTopCode() {
        int n = SEQUENCE.incrementAndGet();
        String suffix = Integer.toString(n % 1296, 36).toUpperCase();
        char letter = (char) ('T' + n / 1296);
        return "000.00.00." + letter + (suffix.length() == 1 ? "0" + suffix : suffix);
    }

    public static String freshName(String prefix) {
        return prefix + "." + SEQUENCE.incrementAndGet();
    }

    public static String createAgency(String code) {
        admin().contentType(ContentType.JSON).body(Map.of("code", code, "name", "Cơ quan " + code))
                .post("/api/v1/admin/agencies").then().statusCode(201);
        return code;
    }

    /** Registers a system and returns its secret. */
    public static String createSystem(String id, List<String> agencies, List<String> subtrees) {
        return admin().contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "System " + id, "agencies", agencies, "subtrees", subtrees))
                .post("/api/v1/admin/systems").then().statusCode(201).extract().path("secret");
    }

    public static void createUser(String username, String role, List<String> agencies) {
        admin().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "roles", List.of(role), "agencies", agencies))
                .post("/api/v1/admin/users").then().statusCode(201);
    }
}
