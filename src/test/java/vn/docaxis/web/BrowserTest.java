package vn.docaxis.web;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;
import static vn.docaxis.support.Api.PASSWORD;
import static vn.docaxis.support.Api.admin;
import static vn.docaxis.support.Api.as;
import static vn.docaxis.support.Api.createUser;
import static vn.docaxis.support.Api.freshName;
import static vn.docaxis.support.Api.freshTopCode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.docaxis.edxml.AttachmentSource;
import vn.docaxis.edxml.EdxmlWriter;
import vn.docaxis.edxml.TestHeaders;
import vn.docaxis.support.Browser;
import vn.docaxis.support.DemoPki;
import vn.docaxis.support.Exchange;
import vn.docaxis.support.TestPdfs;

/**
 * The pages in a real browser, as clerks and operators use them: a clerk finds a document sent in
 * the test, reads where each copy stands and whether its signatures hold, and downloads the
 * receipt; an admin registers an agency and rotates a system's secret; a clerk of another agency
 * meets the 403 page. Screenshots of the main pages go to target/screenshots.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {

    static final String SENDER = "000.00.00.G22"; // the demo PKI holds this agency's seal
    private static Browser browser;
    private static Sent sent;

    @TestHTTPResource("/")
    URL root;

    /** The document of the test: its sender's clerk, its recipients, what they did with it. */
    record Sent(String packageId, String number, String subject, Exchange.Party delivered, Exchange.Party waiting,
                String senderClerk, String otherClerk) {
    }

    @BeforeEach
    void browserAndDocument() throws Exception {
        if (browser == null) {
            browser = Browser.open(root.toString().replaceAll("/$", ""), new Dimension(1280, 1500));
        }
        if (sent == null) {
            sent = sendSignedDocument();
        }
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    @Order(1)
    void aClerkFindsTheDocumentReadsItsFateAndDownloadsTheReceipt() throws Exception {
        browser.login(sent.senderClerk(), PASSWORD);
        browser.follow("nav a[href='/documents']");
        browser.find("#q").sendKeys("triển khai trục liên thông");
        browser.find("#codeNumber").sendKeys(sent.number());
        browser.follow("#search");
        assertThat(browser.text("#results"), equalTo("Tìm thấy 1 văn bản"));
        browser.screenshot("documents-search");

        browser.follow("a.doc-link");
        assertThat(browser.path(), equalTo("/documents/" + sent.packageId()));
        assertThat(browser.text("#subject"), equalTo(sent.subject()));
        // verification: the package verdict and the agency's seal, in words
        assertThat(browser.text("#verdict"), equalTo("Chữ ký số đạt yêu cầu — trục đã tiếp nhận"));
        assertThat(browser.find("#verdict").getAttribute("class"), containsString("ok"));
        WebElement seal = browser.all("#attachments .signature").get(1);
        assertThat(seal.getAttribute("class"), containsString("ok"));
        assertThat(seal.getText(), allOf(containsString("Hợp lệ"), containsString("Văn phòng Chính phủ"),
                containsString("chữ ký của cơ quan gửi")));
        // each recipient's state and timeline
        String delivered = browser.find("[id='recipient-" + sent.delivered().agency() + "']").getText();
        assertThat(delivered, allOf(containsString("Đã nhận"), containsString("03 Đã tiếp nhận"),
                containsString("Trục sẵn sàng cho nơi nhận"), containsString("Phần mềm nơi nhận đã tải về"),
                containsString("Nơi nhận xác nhận đã nhận"), containsString("Nơi nhận báo trạng thái 03 Đã tiếp nhận")));
        String waiting = browser.find("[id='recipient-" + sent.waiting().agency() + "']").getText();
        assertThat(waiting, allOf(containsString("Chờ nhận"), not(containsString("Đã nhận"))));
        assertThat(browser.all("#evidence tbody tr").size(), greaterThanOrEqualTo(6));
        browser.screenshot("document");
        // on a phone the page reflows: nothing wider than the screen (wide tables scroll in their box)
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        Number overflow = (Number) browser.driver().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.longValue(), lessThanOrEqualTo(0L));
        browser.screenshot("document-phone");
        browser.driver().manage().window().setSize(new Dimension(1280, 1500));

        browser.find("#receipt").click();
        Path receipt = browser.downloaded(".pdf");
        byte[] pdf = Files.readAllBytes(receipt);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII), equalTo("%PDF-"));
        assertThat(receipt.getFileName().toString(), equalTo("bien-nhan-" + sent.packageId() + ".pdf"));
        browser.logout();
    }

    @Test
    @Order(2)
    void aClerkOfAnotherAgencyMeetsThe403Page() {
        browser.login(sent.otherClerk(), PASSWORD);
        browser.go("/documents/" + sent.packageId());
        assertThat(browser.find("h1").getText(), startsWith("Không có quyền truy cập"));
        assertThat(browser.text("#problem-code"), equalTo("NOT_AUTHORIZED_FOR_AGENCY"));
        assertThat(browser.page(), not(containsString(sent.subject())));
        // nor does the search show it, nor do the operator's pages open
        browser.go("/documents?codeNumber=" + sent.number());
        assertThat(browser.text("#results"), equalTo("Tìm thấy 0 văn bản"));
        browser.go("/admin/agencies");
        assertThat(browser.text("#problem-code"), equalTo("NOT_AUTHORIZED"));
        assertThat(browser.all("nav a[href='/admin']"), empty());
        browser.screenshot("forbidden");
        browser.logout();
    }

    @Test
    @Order(3)
    void anAdminRegistersAnAgency() {
        browser.login("admin", vn.docaxis.support.Api.ADMIN_PASSWORD);
        browser.go("/admin");
        browser.screenshot("dashboard");
        assertThat(Long.parseLong(browser.text("#accepted")), greaterThanOrEqualTo(1L));
        browser.screenshot("dashboard");

        String code = freshTopCode();
        browser.follow("nav a[href='/admin/agencies']");
        browser.find("#code").sendKeys(code);
        browser.find("#name").sendKeys("Sở Khoa học và Công nghệ tỉnh Thử nghiệm");
        browser.find("#email").sendKeys("vanthu@skhcn.example.vn");
        browser.follow("#create-agency-submit");
        assertThat(browser.text("#notice"), equalTo("Đã thêm cơ quan " + code + "."));
        admin().get("/api/v1/admin/agencies/" + code).then().statusCode(200)
                .body("name", equalTo("Sở Khoa học và Công nghệ tỉnh Thử nghiệm"))
                .body("email", equalTo("vanthu@skhcn.example.vn"));

        // a bad code is refused on the page, with the reason and what was typed kept
        browser.find("#code").sendKeys("not a code");
        browser.find("#name").sendKeys("Sai mã");
        browser.follow("#create-agency-submit");
        assertThat(browser.find("#problem").getText(), startsWith("Không thực hiện được"));
        assertThat(browser.find("#name").getAttribute("value"), equalTo("Sai mã"));

        // suspend it from the list
        browser.go("/admin/agencies?q=" + code);
        browser.follow("[id='agency-" + code + "'] button");
        assertThat(browser.text("#notice"), equalTo("Đã tạm dừng cơ quan " + code + "."));
        admin().get("/api/v1/admin/agencies/" + code).then().body("status", equalTo("SUSPENDED"));
        browser.screenshot("agencies");
    }

    @Test
    @Order(4)
    void anAdminRotatesASystemSecretShownOnce() {
        String system = sent.waiting().system();
        as(system, sent.waiting().secret()).get("/api/v1/inbox").then().statusCode(200);
        browser.go("/admin/systems");
        browser.find("#q").sendKeys(system);
        browser.follow("form[action='/admin/systems'] button");
        browser.follow("a[href='/admin/systems/" + system + "']");
        browser.follow("#rotate");
        String secret = browser.text("#secret");
        assertThat(secret.length(), greaterThanOrEqualTo(20));
        assertThat(secret, not(equalTo(sent.waiting().secret())));
        assertThat(browser.driver().getTitle(), containsString("Khóa bí mật"));
        browser.screenshot("secret");
        // the new secret works at once, the old one no longer does
        as(system, secret).get("/api/v1/inbox").then().statusCode(200);
        as(system, sent.waiting().secret()).get("/api/v1/inbox").then().statusCode(401);
        // and it is not shown again
        browser.follow("a[href='/admin/systems/" + system + "']");
        assertThat(browser.page(), not(containsString(secret)));
        browser.go("/admin/trust");
        assertThat(browser.all("#anchors tbody tr").size(), greaterThanOrEqualTo(1));
        browser.screenshot("trust");
        browser.logout();
    }

    @Test
    @Order(5)
    void anAuditorSearchesEvidenceAndVerifiesTheChainInEnglish() {
        String auditor = freshName("kiemtoan.browser");
        createUser(auditor, "auditor", List.of());
        browser.login(auditor, PASSWORD);
        browser.follow("a[hreflang='en']");
        assertThat(browser.find("html").getAttribute("lang"), equalTo("en"));
        browser.follow("nav a[href='/audit']");
        new Select(browser.find("#event")).selectByValue("STATUS_RELAYED");
        browser.find("#package").sendKeys(sent.packageId());
        browser.follow("form[action='/audit'] button[type=submit]");
        assertThat(browser.text("#evidence-results"), equalTo("1 evidences found"));
        assertThat(browser.text("#evidence tbody tr"), containsString("Status relayed to the sender 03"));
        browser.screenshot("audit");
        browser.follow("#verify-chain");
        assertThat(browser.text("#chain-status"), startsWith("The chain is intact"));
        browser.screenshot("chain");
        browser.follow("a[hreflang='vi']");
        assertThat(browser.text("#chain-status"), startsWith("Chuỗi nguyên vẹn"));
        browser.logout();
    }

    /**
     * A one-page document signed by the head of office, then sealed by Văn phòng Chính phủ (demo PKI), to two new agencies; the first
     * fetches, acknowledges and reports 03, the second does nothing yet.
     */
    static Sent sendSignedDocument() throws Exception {
        trustTheDemoPki();
        admin().contentType(ContentType.JSON).body(Map.of("code", SENDER, "name", "Văn phòng Chính phủ"))
                .post("/api/v1/admin/agencies").then().statusCode(oneOf(201, 409));
        String senderSystem = freshName("qlvb.vpcp");
        Exchange.Party sender = new Exchange.Party(SENDER, senderSystem,
                vn.docaxis.support.Api.createSystem(senderSystem, List.of(SENDER), List.of()));
        Exchange.Party delivered = party("Sở Nội vụ tỉnh Thử nghiệm");
        Exchange.Party waiting = party("Sở Tài chính tỉnh Thử nghiệm");

        String number = Integer.toString(1000 + (int) (Math.random() * 8000));
        String subject = "V/v triển khai trục liên thông văn bản, đợt " + number;
        String documentId = SENDER + ",2026/11/23," + number + "/VPCP-TTĐT";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] signedByPerson = TestPdfs.sign(TestPdfs.document("Cong van " + number), DemoPki.person("nguyen-van-an"));
        byte[] pdf = TestPdfs.sign(signedByPerson, DemoPki.agency(SENDER));
        EdxmlWriter.writeDocument(out, TestHeaders.numbered(SENDER, documentId, number, subject, null, delivered.agency(),
                waiting.agency()), List.of(AttachmentSource.of("cid:main", number + "-VPCP.pdf", "application/pdf", pdf)));
        String packageId = Exchange.submit(sender, out.toByteArray()).then().statusCode(201)
                .body("verification", equalTo("ACCEPTED")).extract().path("packageId");

        String delivery = Exchange.pendingFrom(delivered, "edoc", packageId);
        delivered.call().get("/api/v1/inbox/" + delivery).then().statusCode(200);
        delivered.call().contentType(ContentType.JSON).body(Map.of("result", "done"))
                .post("/api/v1/inbox/" + delivery + "/ack").then().statusCode(200);
        Exchange.submit(delivered, Exchange.status(delivered.agency(), SENDER, documentId, "03")).then().statusCode(201);

        String senderClerk = freshName("vanthu.vpcp");
        createUser(senderClerk, "clerk", List.of(SENDER));
        String otherClerk = freshName("vanthu.khac");
        createUser(otherClerk, "clerk", List.of(party("Sở Y tế tỉnh Thử nghiệm").agency()));
        return new Sent(packageId, number, subject, delivered, waiting, senderClerk, otherClerk);
    }

    static Exchange.Party party(String name) {
        String code = freshTopCode();
        admin().contentType(ContentType.JSON).body(Map.of("code", code, "name", name)).post("/api/v1/admin/agencies")
                .then().statusCode(201);
        String system = freshName("sys");
        return new Exchange.Party(code, system, vn.docaxis.support.Api.createSystem(system, List.of(code), List.of()));
    }

    /** The demo PKI's anchors, intermediates and CRLs (samples/pki/trust), as an operator would upload them. */
    static void trustTheDemoPki() throws Exception {
        Path trust = Path.of("samples/pki/trust");
        for (String kind : List.of("anchors", "intermediates", "crls")) {
            try (Stream<Path> files = Files.list(trust.resolve(kind))) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    admin().contentType(kind.equals("crls") ? "application/pkix-crl" : "application/x-pem-file")
                            .body(Files.readAllBytes(file)).post("/api/v1/admin/trust/" + kind).then()
                            .statusCode(oneOf(200, 201));
                }
            }
        }
    }
}
