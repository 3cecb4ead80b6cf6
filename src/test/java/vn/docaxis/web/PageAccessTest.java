package vn.docaxis.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static vn.docaxis.support.Api.PASSWORD;
import static vn.docaxis.support.Api.admin;
import static vn.docaxis.support.Api.createUser;
import static vn.docaxis.support.Api.freshName;
import static vn.docaxis.support.Api.freshTopCode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.docaxis.support.Exchange;

/** The pages apply the API's rules: who may open which page, see which document, change what. */
@QuarkusTest
class PageAccessTest {

    static RequestSpecification session(String user) {
        String cookie = given().redirects().follow(false).formParam("j_username", user).formParam("j_password", PASSWORD)
                .post("/j_security_check").then().statusCode(302).extract().cookie(PagesResource.SESSION_COOKIE);
        // a browser posts the forms of a UTF-8 page in UTF-8
        return given().redirects().follow(false).cookie(PagesResource.SESSION_COOKIE, cookie)
                .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset("UTF-8")));
    }

    static String user(String role, List<String> agencies) {
        String name = freshName("page." + role);
        createUser(name, role, agencies);
        return name;
    }

    @Test
    void visitorsAreSentToTheLoginFormFromEveryPage() {
        for (String page : List.of("/", "/documents", "/documents/01a2076a-7fef-70f9-912a-852cc0420685", "/audit",
                "/audit/chain", "/admin", "/admin/agencies", "/admin/systems", "/admin/trust")) {
            given().redirects().follow(false).get(page).then().statusCode(303).header("Location", endsWith("/login"));
        }
        given().redirects().follow(false).formParam("code", freshTopCode()).formParam("name", "x")
                .post("/admin/agencies").then().statusCode(303).header("Location", endsWith("/login"));
    }

    @Test
    void eachRoleOpensItsPagesAndMeetsThe403PageElsewhere() {
        RequestSpecification clerk = session(user("clerk", List.of(Exchange.party().agency())));
        clerk.get("/documents").then().statusCode(200).contentType("text/html")
                .header("Cache-Control", containsString("no-store"));
        for (String page : List.of("/audit", "/audit/chain", "/audit/export?from=2026-11-01&to=2026-11-23", "/admin",
                "/admin/agencies", "/admin/systems", "/admin/trust")) {
            clerk.get(page).then().statusCode(403).contentType("text/html")
                    .body(containsString("Không có quyền truy cập")).body(containsString(">NOT_AUTHORIZED<"));
        }
        RequestSpecification auditor = session(user("auditor", List.of()));
        auditor.get("/audit").then().statusCode(200).body(containsString("Kiểm toán chứng cứ"));
        auditor.get("/audit/chain").then().statusCode(200).body(containsString("id=\"chain-status\""));
        auditor.get("/documents").then().statusCode(200);
        auditor.get("/admin/agencies").then().statusCode(403);
        // the navigation offers only what the role opens
        clerk.get("/").then().body(not(containsString("href=\"/audit\""))).body(not(containsString("href=\"/admin\"")));
        auditor.get("/").then().body(containsString("href=\"/audit\"")).body(not(containsString("href=\"/admin\"")));
    }

    @Test
    void aClerkSeesOnlyItsAgencysDocumentsAndARecipientOnlyItsOwnCopy() {
        Exchange.Party sender = Exchange.party();
        Exchange.Party r1 = Exchange.party();
        Exchange.Party r2 = Exchange.party();
        String packageId = Exchange.sent(sender, r1, r2);
        RequestSpecification senderClerk = session(user("clerk", List.of(sender.agency())));
        RequestSpecification r1Clerk = session(user("clerk", List.of(r1.agency())));
        String strangerName = user("clerk", List.of(Exchange.party().agency()));
        RequestSpecification stranger = session(strangerName);

        senderClerk.get("/documents?sender=" + sender.agency()).then().statusCode(200)
                .body(containsString("/documents/" + packageId));
        senderClerk.get("/documents/" + packageId).then().statusCode(200)
                .body(containsString("id=\"recipient-" + r1.agency() + "\""))
                .body(containsString("id=\"recipient-" + r2.agency() + "\""));
        // a recipient's clerk sees the document and its own copy, not the other recipient's
        r1Clerk.get("/documents/" + packageId).then().statusCode(200)
                .body(containsString("id=\"recipient-" + r1.agency() + "\""))
                .body(not(containsString("id=\"recipient-" + r2.agency() + "\"")));
        stranger.get("/documents/" + packageId).then().statusCode(403).body(containsString("NOT_AUTHORIZED_FOR_AGENCY"));
        stranger.get("/documents?recipient=" + r1.agency()).then().statusCode(200)
                .body(not(containsString("/documents/" + packageId)));
        // the refusal is in the audit trail, as for the API
        admin().queryParam("actor", strangerName).queryParam("outcome", "REFUSED").get("/api/v1/admin/audit").then()
                .body("items.targetId", org.hamcrest.Matchers.hasItem(packageId))
                .body("items.code", org.hamcrest.Matchers.hasItem("NOT_AUTHORIZED_FOR_AGENCY"));
    }

    @Test
    void badInputOnPagesIsAnsweredOnThePageNotWithA500() {
        RequestSpecification clerk = session(user("clerk", List.of(Exchange.party().agency())));
        clerk.get("/documents?from=23-11-2026").then().statusCode(200).body(containsString("role=\"alert\""))
                .body(containsString("from"));
        clerk.get("/documents?state=LOST").then().statusCode(200).body(containsString("role=\"alert\""));
        clerk.get("/documents/not-an-id").then().statusCode(404).contentType("text/html")
                .body(containsString("PACKAGE_NOT_FOUND"));
        clerk.get("/documents/01a2076a-0000-7000-8000-000000000000").then().statusCode(404);
        RequestSpecification auditor = session(user("auditor", List.of()));
        auditor.get("/audit?event=NOPE").then().statusCode(200).body(containsString("role=\"alert\""));
        auditor.get("/audit?package=xyz").then().statusCode(200).body(containsString("role=\"alert\""));
        // the export form: a wrong period comes back to the page, filled in as sent, with the reason
        // (a fresh session each time: a RestAssured specification keeps the query of its last call)
        String auditorName = user("auditor", List.of());
        session(auditorName).get("/audit/export?from=2026-11-23&to=2026-11-01").then().statusCode(400)
                .contentType("text/html").body(containsString("id=\"export-problem\""))
                .body(containsString("the period ends before it starts")).body(containsString("value=\"2026-11-23\""));
        session(auditorName).get("/audit/export?agency=not-a-code&from=2026-11-01&to=2026-11-23").then().statusCode(400)
                .body(containsString("is not an agency code"));
        // a right one goes on to the API's download
        session(auditorName).get("/audit/export?agency=000.00.00.G22&from=2026-11-01&to=2026-11-23").then().statusCode(303)
                .header("Location", endsWith("/api/v1/audit/export?agency=000.00.00.G22&from=2026-11-01&to=2026-11-23"));
    }

    @Test
    void anAdminsPageChangesGoThroughTheServicesRules() {
        String adminName = user("admin", List.of());
        RequestSpecification admin = session(adminName);
        String code = freshTopCode();
        admin.formParam("code", code).formParam("name", "Sở Xây dựng").post("/admin/agencies").then().statusCode(303)
                .header("Location", containsString("/admin/agencies?done=agency_created&arg=" + code));
        admin().get("/api/v1/admin/agencies/" + code).then().statusCode(200).body("name", equalTo("Sở Xây dựng"));
        // the same code again: 409 on the page, with the reason
        session(user("admin", List.of())).formParam("code", code).formParam("name", "Lần hai").post("/admin/agencies")
                .then().statusCode(409).body(containsString("id=\"problem\"")).body(containsString("Lần hai"));
        // a clerk's post changes nothing
        String other = freshTopCode();
        session(user("clerk", List.of(code))).formParam("code", other).formParam("name", "x").post("/admin/agencies")
                .then().statusCode(403);
        admin().get("/api/v1/admin/agencies/" + other).then().statusCode(404);
        // the change is audited and recorded as evidence like an API change
        admin().queryParam("actor", adminName).queryParam("action", "agency.create").get("/api/v1/admin/audit").then()
                .body("items.targetId", equalTo(List.of(code)));
        admin().queryParam("event", "ADMIN_CHANGE").queryParam("agency", code).get("/api/v1/evidence").then()
                .statusCode(200).body("total", equalTo(1));
    }

    @Test
    void aSystemCreatedOnThePageGetsItsSecretOnceOnAPageNoBrowserKeeps() {
        RequestSpecification admin = session(user("admin", List.of()));
        String agency = Exchange.party().agency();
        String id = freshName("qlvb.page");
        String page = admin.formParam("id", id).formParam("name", "QLVB trang").formParam("agencyCodes", agency + ",\n")
                .post("/admin/systems").then().statusCode(200).header("Cache-Control", containsString("no-store"))
                .extract().asString();
        String secret = page.replaceAll("(?s).*<code id=\"secret\">([^<]+)</code>.*", "$1");
        vn.docaxis.support.Api.as(id, secret).get("/api/v1/inbox").then().statusCode(200);
        admin().get("/api/v1/admin/systems/" + id).then().body("agencies", equalTo(List.of(agency)));
        session(user("admin", List.of())).get("/admin/systems/" + id).then().statusCode(200)
                .body(not(containsString(secret)));
    }

    @Test
    void theLanguageSwitchKeepsToThisSite() {
        given().redirects().follow(false).get("/lang?to=en&back=/documents").then().statusCode(303)
                .header("Location", endsWith("/documents")).header("Set-Cookie", containsString("docaxis-lang=en"));
        for (String away : List.of("https://evil.example/", "//evil.example/", "/\\evil.example", "documents")) {
            given().redirects().follow(false).queryParam("to", "en").queryParam("back", away).get("/lang").then()
                    .statusCode(303).header("Location", not(containsString("evil"))).header("Location", endsWith("/"));
        }
        given().cookie(PageContext.LANG_COOKIE, "en").get("/login").then().body(containsString("lang=\"en\""))
                .body(containsString("<label for=\"j_username\">User name</label>"));
    }
}
