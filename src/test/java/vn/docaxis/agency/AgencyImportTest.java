package vn.docaxis.agency;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static vn.docaxis.support.Api.admin;
import static vn.docaxis.support.Api.createAgency;
import static vn.docaxis.support.Api.freshTopCode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AgencyImportTest {

    private static final String IMPORT = "/api/v1/admin/agencies/import";

    @Test
    void importsJsonAndCountsCreatedUpdatedUnchanged() {
        String a = freshTopCode();
        String b = freshTopCode();
        String existing = createAgency(freshTopCode());
        admin().contentType(ContentType.JSON).body(List.of(
                        Map.of("code", a, "name", "A"),
                        Map.of("code", "000.00.01." + a.substring(10), "name", "A child"),
                        Map.of("code", b, "name", "B"),
                        Map.of("code", existing, "name", "Renamed")))
                .post(IMPORT).then().statusCode(200)
                .body("created", equalTo(3)).body("updated", equalTo(1)).body("unchanged", equalTo(0));
        admin().get("/api/v1/admin/agencies/000.00.01." + a.substring(10)).then().body("parentCode", equalTo(a));
        admin().get("/api/v1/admin/agencies/" + existing).then().body("name", equalTo("Renamed"));
        // the same file again changes nothing
        admin().contentType(ContentType.JSON).body(List.of(Map.of("code", a, "name", "A"), Map.of("code", existing, "name", "Renamed")))
                .post(IMPORT).then().statusCode(200).body("created", equalTo(0)).body("updated", equalTo(0))
                .body("unchanged", equalTo(2));
    }

    @Test
    void importsCsvWithQuotedVietnameseNamesAndLegacyCodesAfterTheirParents() {
        String top = freshTopCode();
        String level = top.substring(10);
        String legacy = "31.02." + level;
        String csv = "code,name,parentCode,email\r\n"
                + legacy + ",\"Đơn vị mã cũ, trực thuộc\"," + top + ",\r\n"   // before its parent on purpose
                + top + ",\"Ủy ban nhân dân tỉnh \"\"thử\"\"\",,ubnd@example.vn\r\n";
        admin().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post(IMPORT).then().statusCode(200)
                .body("created", equalTo(2));
        admin().get("/api/v1/admin/agencies/" + legacy).then()
                .body("legacy", equalTo(true)).body("parentCode", equalTo(top))
                .body("name", equalTo("Đơn vị mã cũ, trực thuộc"));
        admin().get("/api/v1/admin/agencies/" + top).then().body("name", equalTo("Ủy ban nhân dân tỉnh \"thử\""));
    }

    @Test
    void oneBadLineRefusesTheWholeImportWithEveryLinesErrors() {
        String good = freshTopCode();
        String dup = freshTopCode();
        String csv = "code,name,parentCode\n"
                + good + ",Good,\n"                               // line 2: fine
                + "000.00.0X.G22,Bad code,\n"                      // line 3
                + dup + ",First,\n"                                // line 4
                + dup + ",Second,\n"                               // line 5: duplicate
                + "000.00.05." + good.substring(10) + ",Wrong parent,000.00.00.G22\n" // line 6
                + freshTopCode() + ",,\n";                         // line 7: no name
        admin().contentType("text/csv").body(csv).post(IMPORT).then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("IMPORT_FAILED"))
                .body("errorCount", equalTo(4))
                .body("errors.line", equalTo(List.of(3, 5, 6, 7)))
                .body("errors.code", hasItems("INVALID_AGENCY_CODE", "VALIDATION_FAILED", "AGENCY_PARENT_MISMATCH"))
                .body("errors[1].message", containsString("line 4"));
        admin().get("/api/v1/admin/agencies/" + good).then().statusCode(404);
        admin().get("/api/v1/admin/agencies/" + dup).then().statusCode(404);
    }

    @Test
    void aLegacyParentNeitherRegisteredNorInTheFileRefusesTheImport() {
        String good = freshTopCode();
        admin().contentType(ContentType.JSON).body(List.of(Map.of("code", good, "name", "Good"),
                        Map.of("code", "40.01.K01", "name", "Orphan", "parentCode", "41.01.K01")))
                .post(IMPORT).then().statusCode(422)
                .body("errors[0].line", equalTo(2)).body("errors[0].code", equalTo("UNKNOWN_AGENCY"));
        admin().get("/api/v1/admin/agencies/" + good).then().statusCode(404);
    }

    @Test
    void refusesAJsonEntryWithAnUnknownField() {
        admin().contentType(ContentType.JSON).body("[{\"code\":\"000.00.00.G99\",\"name\":\"x\",\"fax\":\"1\"}]")
                .post(IMPORT).then().statusCode(400).body("code", equalTo("UNKNOWN_FIELD"));
    }

    @Test
    void refusesCsvThatIsNotUtf8() {
        byte[] latin1 = ("code,name\n" + freshTopCode() + ",Tr\u00e2m\n").getBytes(StandardCharsets.ISO_8859_1);
        admin().contentType("text/csv").body(latin1).post(IMPORT).then().statusCode(400)
                .body("code", equalTo("MALFORMED_CSV")).body("detail", containsString("UTF-8"));
    }

    @Test
    void refusesMalformedCsv() {
        admin().contentType("text/csv").body("code,name,colour\n000.00.00.G99,x,red\n")
                .post(IMPORT).then().statusCode(400).body("code", equalTo("MALFORMED_CSV"))
                .body("detail", containsString("colour"));
        admin().contentType("text/csv").body("code,name\n000.00.00.G99,\"unclosed\n")
                .post(IMPORT).then().statusCode(400).body("code", equalTo("MALFORMED_CSV"));
        admin().contentType("text/csv").body("code,name\n000.00.00.G99,x,extra\n")
                .post(IMPORT).then().statusCode(400).body("code", equalTo("MALFORMED_CSV")).body("line", equalTo(2));
        admin().contentType("text/csv").body("").post(IMPORT).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void importsAreAudited() {
        String code = freshTopCode();
        admin().contentType(ContentType.JSON).body(List.of(Map.of("code", code, "name", "x")))
                .post(IMPORT).then().statusCode(200);
        admin().queryParam("action", "agency.import").queryParam("size", 20).get("/api/v1/admin/audit").then()
                .statusCode(200).body("items.find { it.detail.created.contains('" + code + "') }.actor", equalTo("admin"));
    }
}
