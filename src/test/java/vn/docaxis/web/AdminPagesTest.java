package vn.docaxis.web;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static vn.docaxis.support.Api.admin;
import static vn.docaxis.support.Api.freshTopCode;
import static vn.docaxis.web.PageAccessTest.session;
import static vn.docaxis.web.PageAccessTest.user;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.docaxis.support.Exchange;
import vn.docaxis.support.TestPki;

/** The operator's pages: the dashboard counts what happened, imports and uploads go through the services. */
@QuarkusTest
class AdminPagesTest {

    @Test
    void theDashboardCountsRefusalsByReasonAndListsFailedDeliveries() {
        RequestSpecification admin = session(user("admin", List.of()));
        long refusedBefore = figure(admin.get("/admin").asString(), "refused");
        long failedBefore = figure(admin.get("/admin").asString(), "failed");

        Exchange.Party sender = Exchange.party();
        Exchange.Party recipient = Exchange.party();
        // refused: a recipient that is not registered
        Exchange.submit(sender, Exchange.document(sender.agency(), freshTopCode())).then().statusCode(422)
                .body("code", equalTo("UNKNOWN_RECIPIENT"));
        // failed: the recipient's system gives up after the retry limit
        String packageId = Exchange.sent(sender, recipient);
        String delivery = Exchange.pendingFrom(recipient, "edoc", packageId);
        for (int i = 0; i < 5; i++) {
            recipient.call().contentType(ContentType.JSON).body(Map.of("result", "fail", "reason", "ổ đĩa đầy"))
                    .post("/api/v1/inbox/" + delivery + "/ack").then().statusCode(200);
        }

        String page = admin.get("/admin").then().statusCode(200).extract().asString();
        assertThat(figure(page, "refused"), equalTo(refusedBefore + 1));
        assertThat(figure(page, "failed"), equalTo(failedBefore + 1));
        assertThat(page, containsString("<code>UNKNOWN_RECIPIENT</code></td><td>Không nơi nhận nào của gói tin được trục phục vụ"));
        assertThat(page, containsString("href=\"/documents/" + packageId + "\""));
    }

    @Test
    void aCsvImportOnThePageRegistersTheAgenciesAllOrNothing() {
        String adminName = user("admin", List.of());
        RequestSpecification admin = session(adminName);
        String a = freshTopCode();
        String b = freshTopCode();
        String csv = "code,name,email\n" + a + ",Sở Giáo dục và Đào tạo,\n" + b + ",Sở Y tế,vanthu@soyte.example.vn\n";
        admin.multiPart("file", "coquan.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/admin/agencies/import").then().statusCode(303)
                .header("Location", containsString("done=agencies_imported&arg=2%2C0%2C0"));
        admin().get("/api/v1/admin/agencies/" + b).then().statusCode(200).body("name", equalTo("Sở Y tế"));
        session(adminName).get("/admin/agencies?done=agencies_imported&arg=2,0,0").then()
                .body(containsString("Đã nhập danh mục: 2 cơ quan mới, 0 cập nhật, 0 không đổi."));

        // one bad line: nothing imported, the page says why
        String c = freshTopCode();
        String bad = "code,name\n" + c + ",Sở Công Thương\nnot-a-code,Sai\n";
        session(adminName).multiPart("file", "coquan.csv", bad.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/admin/agencies/import").then().statusCode(422).body(containsString("id=\"problem\""))
                .body(containsString("not-a-code"));
        admin().get("/api/v1/admin/agencies/" + c).then().statusCode(404);
    }

    @Test
    void trustMaterialIsUploadedAndRemovedOnThePageWithItsExpiry() {
        String adminName = user("admin", List.of());
        RequestSpecification admin = session(adminName);
        TestPki.Issued root = TestPki.root("Trust page root " + freshTopCode());
        String fingerprint = vn.docaxis.platform.Certificates.fingerprint(root.certificate());
        admin.multiPart("file", "root.pem", TestPki.pem(root.certificate()).getBytes(StandardCharsets.US_ASCII),
                "application/x-pem-file").post("/admin/trust/anchors").then().statusCode(303);
        session(adminName).get("/admin/trust").then().statusCode(200).body(containsString(fingerprint))
                .body(containsString(Formats.vn(root.certificate().getNotAfter().toInstant())));
        admin().get("/api/v1/admin/trust/anchors").then().body("fingerprint", org.hamcrest.Matchers.hasItem(fingerprint));
        // not a certificate: refused on the page
        session(adminName).multiPart("file", "x.pem", "not a certificate".getBytes(StandardCharsets.US_ASCII), "application/x-pem-file")
                .post("/admin/trust/anchors").then().statusCode(400).body(containsString("id=\"problem\""));
        session(adminName).post("/admin/trust/anchors/" + fingerprint + "/remove").then().statusCode(303);
        admin().get("/api/v1/admin/trust/anchors").then()
                .body("fingerprint", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(fingerprint)));
    }

    static long figure(String page, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">(\\d+)<").matcher(page);
        if (!m.find()) {
            throw new AssertionError("no figure " + id);
        }
        return Long.parseLong(m.group(1));
    }
}
