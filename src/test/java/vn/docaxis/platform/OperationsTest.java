package vn.docaxis.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.docaxis.support.Api.admin;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import vn.docaxis.support.Exchange;

/** What operators and integrators rely on: health, metrics, the API description, and problems for wrong routes. */
@QuarkusTest
class OperationsTest {

    @Test
    void readinessIncludesTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsCountRequests() {
        admin().get("/api/v1/me").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count{"))
                .body(containsString("uri=\"/api/v1/me\""));
    }

    @Test
    void theConnectionPoolIsInTheMetrics() {
        admin().get("/api/v1/me").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String gauge : List.of("agroal_active_count", "agroal_awaiting_count", "agroal_max_used_count")) {
            assertTrue(Pattern.compile("(?m)^" + gauge + "\\{[^\\n]*} \\S+$").matcher(metrics).find(), "no " + gauge);
        }
        Matcher used = Pattern.compile("(?m)^agroal_max_used_count\\{[^\\n]*} (\\S+)$").matcher(metrics);
        assertTrue(used.find() && Double.parseDouble(used.group(1)) >= 1, "the pool was never seen in use");
    }

    @Test
    void acceptedSubmissionsAreTimedByStage() {
        Exchange.sent(Exchange.party(), Exchange.party());
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String stage : List.of("read", "check", "verify", "store")) {
            Matcher count = Pattern.compile("(?m)^docaxis_submission_stage_seconds_count\\{[^\\n]*stage=\"" + stage
                    + "\"[^\\n]*} (\\S+)$").matcher(metrics);
            assertTrue(count.find(), "no timer for stage " + stage);
            assertTrue(Double.parseDouble(count.group(1)) >= 1, stage + " was never timed");
        }
    }

    @Test
    void theOpenApiDescriptionCoversTheApi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/admin/agencies'.post.summary", equalTo("Register an agency"))
                .body("paths.'/api/v1/admin/systems/{id}/rotate-secret'.post", Matchers.notNullValue());
    }

    @Test
    void wrongRoutesAndMethodsAreProblems() {
        admin().get("/api/v1/no-such-thing").then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("NOT_FOUND"));
        admin().delete("/api/v1/me").then().statusCode(405).contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("METHOD_NOT_ALLOWED"));
        admin().accept("application/xml").get("/api/v1/me").then().statusCode(406)
                .body(containsString("NOT_ACCEPTABLE"));
    }
}
