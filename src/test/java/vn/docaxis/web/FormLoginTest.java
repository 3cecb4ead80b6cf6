package vn.docaxis.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static vn.docaxis.support.Api.PASSWORD;
import static vn.docaxis.support.Api.admin;
import static vn.docaxis.support.Api.createAgency;
import static vn.docaxis.support.Api.createUser;
import static vn.docaxis.support.Api.freshName;
import static vn.docaxis.support.Api.freshTopCode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FormLoginTest {

    @Test
    void theLoginPageIsVietnameseAndLabelled() {
        given().get("/login").then().statusCode(200).contentType("text/html")
                .body(containsString("lang=\"vi\""))
                .body(containsString("<label for=\"j_username\">Tên đăng nhập</label>"))
                .body(containsString("<label for=\"j_password\">Mật khẩu</label>"));
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", endsWith("/login"));
    }

    @Test
    void aClerkLogsInWithTheFormAndSeesItsAgencies() {
        String agency = createAgency(freshTopCode());
        String clerk = freshName("vanthu.form");
        createUser(clerk, "clerk", List.of(agency));

        Response login = given().redirects().follow(false).formParam("j_username", clerk).formParam("j_password", PASSWORD)
                .post("/j_security_check");
        login.then().statusCode(302).header("Location", endsWith("/"));
        String session = login.getCookie("docaxis-session");

        given().cookie("docaxis-session", session).get("/").then().statusCode(200)
                .body(containsString("Xin chào, " + clerk)).body(containsString(agency)).body(containsString("clerk"));
        // the same session authenticates the API, with the same rules
        given().cookie("docaxis-session", session).get("/api/v1/me").then().statusCode(200)
                .body("name", Matchers.equalTo(clerk));
        given().cookie("docaxis-session", session).get("/api/v1/admin/users").then().statusCode(403);
    }

    @Test
    void aWrongPasswordReturnsToTheFormWithAnErrorAndIsRecorded() {
        String user = freshName("wrong.form");
        createUser(user, "auditor", List.of());
        given().redirects().follow(false).formParam("j_username", user).formParam("j_password", "not-the-password")
                .post("/j_security_check").then().statusCode(302).header("Location", containsString("/login?error=1"));
        given().get("/login?error=1").then().body(containsString("role=\"alert\""));
        admin().queryParam("actor", user).queryParam("outcome", "REFUSED").get("/api/v1/admin/audit").then()
                .body("items.code", hasItem("AUTHENTICATION_FAILED"));
    }

    @Test
    void disablingAnAccountEndsItsSessions() {
        String user = freshName("session.end");
        createUser(user, "auditor", List.of());
        String session = given().redirects().follow(false).formParam("j_username", user).formParam("j_password", PASSWORD)
                .post("/j_security_check").getCookie("docaxis-session");
        given().cookie("docaxis-session", session).get("/api/v1/me").then().statusCode(200);
        admin().post("/api/v1/admin/users/" + user + "/disable").then().statusCode(200);
        given().cookie("docaxis-session", session).get("/api/v1/me").then().statusCode(401)
                .body("code", Matchers.equalTo("AUTHENTICATION_FAILED"));
    }

    @Test
    void loggingOutExpiresTheSessionCookie() {
        given().redirects().follow(false).post("/logout").then().statusCode(303)
                .header("Location", endsWith("/login"))
                .header("Set-Cookie", containsString("docaxis-session=;"))
                .header("Set-Cookie", containsString("Max-Age=0"));
    }
}
