package vn.docaxis.signature;

import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.docaxis.support.Api.admin;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.docaxis.support.TestPki;

/** CRLs fetched from the distribution points named by registered certificates (a local HTTP server stands for the CA). */
@QuarkusTest
class CrlFetcherTest {

    @Inject
    CrlFetcher fetcher;

    @Test
    void fetchesTheCrlOfAnIntermediateNamedByItsDistributionPoint() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/root.crl";
            TestPki.Issued root = TestPki.root("Fetch test root");
            TestPki.Issued intermediate = TestPki.certificate(root, "CN=Fetch test CA, O=docaxis TEST PKI, C=VN").ca()
                    .crlDistributionPoint(url).build();
            byte[] crl = TestPki.crl(root, List.of(), Instant.now(), Instant.now().plus(Duration.ofDays(1))).getEncoded();
            server.createContext("/root.crl", exchange -> {
                exchange.sendResponseHeaders(200, crl.length);
                exchange.getResponseBody().write(crl);
                exchange.close();
            });
            server.start();
            admin().contentType("application/x-pem-file").body(root.pem().getBytes()).post("/api/v1/admin/trust/anchors")
                    .then().statusCode(201);
            admin().contentType("application/x-pem-file").body(intermediate.pem().getBytes())
                    .post("/api/v1/admin/trust/intermediates").then().statusCode(201);

            assertEquals(1, fetcher.fetchAll());
            assertEquals(0, fetcher.fetchAll(), "the same CRL again adds nothing");
            admin().get("/api/v1/admin/trust/crls").then().statusCode(200)
                    .body("distributionPoint", hasItem(url)).body("source", hasItem("FETCHED"));
        } finally {
            server.stop(0);
        }
    }
}
