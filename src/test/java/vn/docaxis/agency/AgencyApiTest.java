package vn.docaxis.agency;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static vn.docaxis.support.Api.admin;
import static vn.docaxis.support.Api.as;
import static vn.docaxis.support.Api.createAgency;
import static vn.docaxis.support.Api.createSystem;
import static vn.docaxis.support.Api.freshName;
import static vn.docaxis.support.Api.freshTopCode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AgencyApiTest {

    private static final String AGENCIES = "/api/v1/admin/agencies";

    @Test
    void registersAnAgencyAndDerivesItsParent() {
        String top = createAgency(freshTopCode());
        String child = "000.00.18." + top.substring(10);
        admin().contentType(ContentType.JSON)
                .body(Map.of("code", child, "name", "Tổng cục Thuế", "qd20Code", "Q20." + child.substring(10),
                        "email", "tct@example.vn", "phone", "+84 24 3333 4444"))
                .post(AGENCIES)
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/agencies/" + child))
                .body("code", equalTo(child))
                .body("parentCode", equalTo(top))
                .body("status", equalTo("ACTIVE"))
                .body("legacy", equalTo(false))
                .body("name", equalTo("Tổng cục Thuế"));
        admin().get(AGENCIES + "/" + child).then().statusCode(200).body("email", equalTo("tct@example.vn"));
    }

    @Test
    void refusesAMalformedCode() {
        admin().contentType(ContentType.JSON).body(Map.of("code", "000.00.00.g22", "name", "x"))
                .post(AGENCIES).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("INVALID_AGENCY_CODE"))
                .body("agencyCode", equalTo("000.00.00.g22"));
    }

    @Test
    void refusesAParentThatContradictsTheCode() {
        String top = createAgency(freshTopCode());
        String other = createAgency(freshTopCode());
        admin().contentType(ContentType.JSON)
                .body(Map.of("code", "000.00.05." + top.substring(10), "name", "x", "parentCode", other))
                .post(AGENCIES).then().statusCode(400).body("code", equalTo("AGENCY_PARENT_MISMATCH"));
    }

    @Test
    void refusesARegisteredCodeTwice() {
        String code = createAgency(freshTopCode());
        admin().contentType(ContentType.JSON).body(Map.of("code", code, "name", "again"))
                .post(AGENCIES).then().statusCode(409).body("code", equalTo("AGENCY_EXISTS"));
    }

    @Test
    void storesLegacyCodesFlaggedWithAnExplicitRegisteredParent() {
        String parent = createAgency(freshTopCode());
        String legacy = "28." + String.format("%02d", Math.abs(parent.hashCode()) % 100) + "." + parent.substring(10);
        admin().contentType(ContentType.JSON).body(Map.of("code", legacy, "name", "Mã cũ", "parentCode", parent))
                .post(AGENCIES).then().statusCode(201)
                .body("legacy", equalTo(true)).body("parentCode", equalTo(parent));
        // and a legacy code may not hang below an agency nobody registered
        admin().contentType(ContentType.JSON).body(Map.of("code", "29.01.K01", "name", "x", "parentCode", "000.00.00.K98"))
                .post(AGENCIES).then().statusCode(422).body("code", equalTo("UNKNOWN_AGENCY"));
    }

    @Test
    void aSystemActingForASubtreeCoversALegacyChildRegisteredBelowIt() {
        String root = createAgency(freshTopCode());
        String legacy = "27.01." + root.substring(10);
        admin().contentType(ContentType.JSON).body(Map.of("code", legacy, "name", "Mã cũ", "parentCode", root))
                .post(AGENCIES).then().statusCode(201);
        String system = freshName("hub");
        String secret = createSystem(system, List.of(), List.of(root));
        as(system, secret).get("/api/v1/me").then().statusCode(200).body("subtrees", equalTo(List.of(root)));
    }

    @Test
    void updatesSuspendsAndReactivates() {
        String code = createAgency(freshTopCode());
        admin().contentType(ContentType.JSON).body(Map.of("name", "Tên mới", "email", "moi@example.vn"))
                .put(AGENCIES + "/" + code).then().statusCode(200)
                .body("name", equalTo("Tên mới")).body("email", equalTo("moi@example.vn"));
        admin().post(AGENCIES + "/" + code + "/suspend").then().statusCode(200).body("status", equalTo("SUSPENDED"));
        admin().get("/api/v1/agencies/" + code).then().body("status", equalTo("SUSPENDED"));
        admin().post(AGENCIES + "/" + code + "/activate").then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void unknownAgencyIsA404Problem() {
        admin().get(AGENCIES + "/000.00.00.Z99").then().statusCode(404).body("code", equalTo("AGENCY_NOT_FOUND"));
        admin().contentType(ContentType.JSON).body(Map.of("name", "x"))
                .put(AGENCIES + "/000.00.00.Z99").then().statusCode(404).body("code", equalTo("AGENCY_NOT_FOUND"));
    }

    @Test
    void listsWithFiltersAndPaging() {
        String top = createAgency(freshTopCode());
        String level = top.substring(10);
        for (String c : List.of("000.00.01.", "000.00.02.", "000.00.03.")) {
            createAgency(c + level);
        }
        admin().post(AGENCIES + "/000.00.02." + level + "/suspend").then().statusCode(200);

        admin().queryParam("parent", top).get("/api/v1/agencies").then().statusCode(200)
                .body("total", equalTo(3)).body("items.parentCode", everyItem(equalTo(top)));
        admin().queryParam("parent", top).queryParam("status", "suspended").get("/api/v1/agencies").then()
                .body("total", equalTo(1)).body("items[0].code", equalTo("000.00.02." + level));
        admin().queryParam("parent", top).queryParam("size", 2).queryParam("page", 1).get("/api/v1/agencies").then()
                .body("total", equalTo(3)).body("items.size()", equalTo(1)).body("page", equalTo(1));
        admin().queryParam("q", "cơ quan 000.00.03." + level.toLowerCase()).get("/api/v1/agencies").then()
                .body("items.code", hasItem("000.00.03." + level));
    }

    @Test
    void connectedSystemsSeeTheSummaryWithoutContactDetails() {
        String code = freshTopCode();
        admin().contentType(ContentType.JSON).body(Map.of("code", code, "name", "x", "email", "a@example.vn"))
                .post(AGENCIES).then().statusCode(201);
        String system = freshName("reader");
        String secret = createSystem(system, List.of(code), List.of());
        as(system, secret).get("/api/v1/agencies/" + code).then().statusCode(200)
                .body("code", equalTo(code)).body("$", not(hasKey("email")));
    }

    @Test
    void refusesBadListingParameters() {
        admin().queryParam("size", 0).get("/api/v1/agencies").then().statusCode(400)
                .body("code", equalTo("INVALID_PARAMETER")).body("parameter", equalTo("size"));
        admin().queryParam("page", "abc").get("/api/v1/agencies").then().statusCode(400)
                .body("code", equalTo("INVALID_PARAMETER")).body("parameter", equalTo("page"));
        admin().queryParam("status", "CLOSED").get("/api/v1/agencies").then().statusCode(400)
                .body("code", equalTo("INVALID_PARAMETER")).body("parameter", equalTo("status"));
    }

    @Test
    void refusesUnknownFieldsMalformedJsonAndMissingFields() {
        admin().contentType(ContentType.JSON).body("{\"code\":\"000.00.00.G99\",\"name\":\"x\",\"colour\":\"red\"}")
                .post(AGENCIES).then().statusCode(400).body("code", equalTo("UNKNOWN_FIELD")).body("field", equalTo("colour"));
        admin().contentType(ContentType.JSON).body("{\"code\":\"000.00.00.G99\",")
                .post(AGENCIES).then().statusCode(400).body("code", equalTo("MALFORMED_JSON"));
        admin().contentType(ContentType.JSON).body("{\"code\":[1,2],\"name\":\"x\"}")
                .post(AGENCIES).then().statusCode(400).body("code", equalTo("MALFORMED_JSON"));
        admin().contentType(ContentType.JSON).body("{\"code\":\"000.00.00.G99\"}")
                .post(AGENCIES).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", hasItem("name"));
        admin().contentType(ContentType.JSON).body("")
                .post(AGENCIES).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        admin().contentType(ContentType.XML).body("<agency/>")
                .post(AGENCIES).then().statusCode(415).body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void refusesAnOversizeBodyBeforeReadingIt() {
        String huge = "{\"code\":\"000.00.00.G99\",\"name\":\"" + "x".repeat(1_100_000) + "\"}";
        admin().contentType(ContentType.JSON).body(huge)
                .post(AGENCIES).then().statusCode(413).contentType("application/problem+json")
                .body("code", equalTo("PAYLOAD_TOO_LARGE")).body("maxBytes", equalTo(1048576));
    }

    @Test
    void problemsNeverLeakInternals() {
        admin().contentType(ContentType.JSON).body("{\"code\":\"000.00.00.G99\",\"name\":{\"a\":1}}")
                .post(AGENCIES).then().statusCode(400)
                .body(not(containsString("com.fasterxml"))).body(not(containsString("Exception")))
                .body("instance", equalTo(AGENCIES)).body("detail", not(nullValue()));
    }
}
