package vn.docaxis.exchange;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static vn.docaxis.support.Api.admin;
import static vn.docaxis.support.Exchange.party;
import static vn.docaxis.support.Exchange.pendingFrom;
import static vn.docaxis.support.Exchange.sha256;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.docaxis.platform.Now;
import vn.docaxis.support.Exchange;
import vn.docaxis.support.Exchange.Party;

/** Retention purges the bytes of fully delivered packages only, and keeps everything that proves them. */
@QuarkusTest
class RetentionTest {

    @Inject
    Retention retention;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theBytesOfFullyDeliveredPackagesGoTheirMetadataReportsAndEvidenceStay() throws Exception {
        Party sender = party();
        Party r1 = party();
        Party r2 = party();
        Party slow = party();
        // delivered to both recipients
        String delivered = Exchange.sent(sender, r1, r2);
        String d1 = fetchAndAck(r1, delivered);
        fetchAndAck(r2, delivered);
        // delivered to one recipient, still waiting at the other
        byte[] waitingBytes = Exchange.document(sender.agency(), r1.agency(), slow.agency());
        String waiting = Exchange.submit(sender, waitingBytes).then().statusCode(201).extract().path("packageId");
        fetchAndAck(r1, waiting);

        String shaBefore = admin().get("/api/v1/packages/" + delivered).then().extract().path("sha256");
        List<Object> evidenceBefore = admin().get("/api/v1/packages/" + delivered + "/evidence").then().extract()
                .path("sha256");
        long blobsBefore = blobs();

        int purged = retention.purgeReceivedBefore(Now.instant().plusSeconds(1));
        assertThat(purged, greaterThanOrEqualTo(1));
        assertThat(blobOf(delivered), equalTo(null));
        assertThat(blobs(), equalTo(blobsBefore - purged));

        // the metadata, report and evidence are unchanged, and the chain still verifies
        admin().get("/api/v1/packages/" + delivered).then().statusCode(200).body("sha256", equalTo(shaBefore))
                .body("recipients.state", equalTo(List.of("DELIVERED", "DELIVERED")));
        admin().get("/api/v1/packages/" + delivered + "/verification").then().statusCode(200)
                .body("verdict", equalTo("ACCEPTED"));
        admin().get("/api/v1/packages/" + delivered + "/evidence").then().body("sha256", equalTo(evidenceBefore));
        admin().post("/api/v1/audit/verify-chain").then().statusCode(200).body("intact", equalTo(true));
        // a fetch of the purged copy says so
        r1.call().get("/api/v1/inbox/" + d1).then().statusCode(410).contentType("application/problem+json")
                .body("code", equalTo("PACKAGE_PURGED"));

        // a package not yet delivered everywhere keeps its exact bytes
        String pending = pendingFrom(slow, "edoc", waiting);
        byte[] fetched = slow.call().get("/api/v1/inbox/" + pending).then().statusCode(200).extract().asByteArray();
        assertThat(sha256(fetched), equalTo(sha256(waitingBytes)));
        assertThat(blobOf(waiting) != null, equalTo(true));

        // a second run finds nothing more to do with these
        retention.purgeReceivedBefore(Now.instant().plusSeconds(1));
        assertThat(blobOf(waiting) != null, equalTo(true));
    }

    static String fetchAndAck(Party recipient, String packageId) {
        String delivery = pendingFrom(recipient, "edoc", packageId);
        recipient.call().get("/api/v1/inbox/" + delivery).then().statusCode(200);
        recipient.call().contentType(ContentType.JSON).body(Map.of("result", "done"))
                .post("/api/v1/inbox/" + delivery + "/ack").then().statusCode(200);
        return delivery;
    }

    private UUID blobOf(String packageId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select blob_id from package where id = ?")) {
            ps.setObject(1, UUID.fromString(packageId));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    private long blobs() throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from blob");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
