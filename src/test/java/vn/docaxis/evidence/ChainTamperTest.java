package vn.docaxis.evidence;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.docaxis.support.Exchange.party;
import static vn.docaxis.support.Exchange.sent;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PGobject;
import vn.docaxis.support.Api;
import vn.docaxis.support.Exchange.Party;

/**
 * Someone with write access to the database changes, removes or truncates evidence: verify-chain
 * finds the first broken link. Each test puts the rows back, so the chain stays whole for others.
 */
@QuarkusTest
class ChainTamperTest {

    private static final String AUDITOR = Api.freshName("kiemtoan");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EvidenceSealer sealer;

    @Inject
    ChainVerifier verifier;

    private static boolean auditorCreated;

    @BeforeEach
    void someEvidence() {
        if (!auditorCreated) {
            Api.createUser(AUDITOR, "auditor", List.of());
            auditorCreated = true;
        }
        Party sender = party();
        Party r = party();
        sent(sender, r);
        sealer.sealPending();
        // batches of 3: the breaks below fall inside and across the batches checked in parallel
        verifier.batchSize(3);
    }

    @AfterEach
    void usualBatches() {
        verifier.batchSize(0);
    }

    @Test
    void anUntouchedChainIsIntact() {
        JsonPath report = verifyChain(new byte[0]);
        assertEquals(true, report.getBoolean("intact"), report.prettify());
        assertEquals(lastSeq(), report.getLong("verifiedUpTo"));
    }

    @Test
    void aVerificationHoldsNoTransactionOpenBetweenItsReads() {
        // a transaction open for the hours a national chain takes would stop PostgreSQL's vacuum of every table
        List<Long> heldOpen = new CopyOnWriteArrayList<>();
        verifier.afterRead(() -> heldOpen.add(sessionsIdleInAReadOfTheChain()));
        try {
            JsonPath report = verifyChain(new byte[0]);
            assertEquals(true, report.getBoolean("intact"), report.prettify());
        } finally {
            verifier.afterRead(null);
        }
        assertTrue(heldOpen.size() >= 2, "the chain is read in batches of 3: " + heldOpen);
        assertEquals(List.of(0L), heldOpen.stream().distinct().toList(), "sessions in a transaction after each read");
    }

    @Test
    void changingOneStoredEvidenceIsFound() throws Exception {
        long seq = lastSeq() - 2;
        byte[] original = xmlOf(seq);
        byte[] changed = new String(original, StandardCharsets.UTF_8).replaceFirst("<Time>2", "<Time>1")
                .getBytes(StandardCharsets.UTF_8);
        update("update evidence set xml = ? where seq = ?", changed, seq);
        try {
            JsonPath report = verifyChain(new byte[0]);
            assertEquals(false, report.getBoolean("intact"));
            assertEquals(seq, report.getLong("firstBroken.sequence"));
            assertEquals("EVIDENCE_INVALID", report.getString("firstBroken.code"), report.prettify());
        } finally {
            update("update evidence set xml = ? where seq = ?", original, seq);
        }
        assertEquals(true, verifyChain(new byte[0]).getBoolean("intact"));
    }

    @Test
    void replacingAnEvidenceWithAnotherValidOneIsFound() throws Exception {
        long seq = lastSeq() - 1;
        byte[] original = xmlOf(seq);
        update("update evidence set xml = ? where seq = ?", xmlOf(seq - 1), seq); // signed by the axis, but elsewhere
        try {
            JsonPath report = verifyChain(new byte[0]);
            assertEquals(seq, report.getLong("firstBroken.sequence"), report.prettify());
        } finally {
            update("update evidence set xml = ? where seq = ?", original, seq);
        }
    }

    @Test
    void deletingOneEvidenceInTheMiddleIsFound() throws Exception {
        long seq = lastSeq() - 2;
        List<Object[]> removed = remove("seq = " + seq);
        try {
            JsonPath report = verifyChain(new byte[0]);
            assertEquals(false, report.getBoolean("intact"));
            assertEquals(seq, report.getLong("firstBroken.sequence"));
            assertEquals("EVIDENCE_MISSING", report.getString("firstBroken.code"), report.prettify());
        } finally {
            restore(removed);
        }
        assertEquals(true, verifyChain(new byte[0]).getBoolean("intact"));
    }

    @Test
    void deletingTheTailIsFoundByTheCheckpointsEvenTheOnesAnAuditorKept() throws Exception {
        JsonPath checkpoint = Api.admin().post("/api/v1/evidence/checkpoints").then().statusCode(201).extract().jsonPath();
        long number = checkpoint.getLong("number");
        byte[] kept = as().get("/api/v1/evidence/checkpoints/" + number).then().statusCode(200).extract().asByteArray();
        long last = lastSeq();
        assertEquals(last, checkpoint.getLong("lastSequence"));
        List<Object[]> tail = remove("seq > " + (last - 2));
        try {
            JsonPath report = verifyChain(new byte[0]);
            assertEquals(false, report.getBoolean("intact"));
            assertEquals("TAIL_MISSING", report.getString("firstBroken.code"), report.prettify());
            assertEquals(last - 1, report.getLong("firstBroken.sequence"));

            // the operator removes the checkpoint too; the auditor's copy still tells
            byte[] stored = checkpointXml(number);
            update("delete from evidence_checkpoint where number = ?", null, number);
            try {
                assertEquals(true, verifyChain(new byte[0]).getBoolean("intact"), "the database alone no longer tells");
                JsonPath withKept = verifyChain(kept);
                assertEquals("TAIL_MISSING", withKept.getString("firstBroken.code"), withKept.prettify());
            } finally {
                restoreCheckpoint(number, stored, checkpoint);
            }
        } finally {
            restore(tail);
        }
        assertEquals(true, verifyChain(kept).getBoolean("intact"));
    }

    @Test
    void somethingThatIsNotACheckpointIsRefused() {
        as().contentType("application/xml").body("<a/>").post("/api/v1/audit/verify-chain").then().statusCode(400)
                .body("code", equalTo("INVALID_CHECKPOINT"));
        party().call().post("/api/v1/audit/verify-chain").then().statusCode(403).body("code", equalTo("NOT_AUTHORIZED"));
    }

    private RequestSpecification as() {
        return Api.as(AUDITOR, Api.PASSWORD);
    }

    private JsonPath verifyChain(byte[] kept) {
        return as().contentType("application/xml").body(kept).post("/api/v1/audit/verify-chain").then().statusCode(200)
                .extract().jsonPath();
    }

    private long lastSeq() {
        return query("select max(seq) from evidence", rs -> rs.getLong(1));
    }

    private byte[] xmlOf(long seq) {
        return query("select xml from evidence where seq = " + seq, rs -> rs.getBytes(1));
    }

    private byte[] checkpointXml(long number) {
        return query("select xml from evidence_checkpoint where number = " + number, rs -> rs.getBytes(1));
    }

    /** Database sessions waiting inside a transaction whose last statement read the chain. */
    private long sessionsIdleInAReadOfTheChain() {
        return query("select count(*) from pg_stat_activity where state like 'idle in transaction%' "
                + "and query like 'select seq, xml from evidence%'", rs -> rs.getLong(1));
    }

    private void update(String sql, byte[] bytes, long key) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (bytes != null) {
                ps.setBytes(i++, bytes);
            }
            ps.setLong(i, key);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private static final String COLUMNS = "id, seq, event, occurred_at, package_id, original_id, delivery_id, agencies, "
            + "facts, xml, sha256, sealed_at";

    private List<Object[]> remove(String where) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from evidence where " + where);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[12];
                    for (int i = 0; i < 12; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("delete from evidence where " + where)) {
                assertEquals(rows.size(), ps.executeUpdate());
            }
        }
        return rows;
    }

    private void restore(List<Object[]> rows) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into evidence (" + COLUMNS + ") overriding system value values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)")) {
            for (Object[] row : rows) {
                for (int i = 0; i < 12; i++) {
                    ps.setObject(i + 1, row[i] instanceof PGobject pg ? pg.getValue() : row[i]);
                }
                ps.executeUpdate();
            }
        }
    }

    private void restoreCheckpoint(long number, byte[] xml, JsonPath c) throws SQLException {
        try (Connection conn = dataSource.getConnection(); PreparedStatement ps = conn.prepareStatement(
                "insert into evidence_checkpoint (number, last_seq, last_hash, count, created_at, xml, sha256) "
                        + "values (?, ?, ?, ?, now(), ?, ?)")) {
            ps.setLong(1, number);
            ps.setLong(2, c.getLong("lastSequence"));
            ps.setString(3, c.getString("lastHash"));
            ps.setLong(4, c.getLong("count"));
            ps.setBytes(5, xml);
            ps.setString(6, c.getString("sha256"));
            ps.executeUpdate();
        }
    }

    private interface Read<T> {
        T from(ResultSet rs) throws SQLException;
    }

    private <T> T query(String sql, Read<T> read) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return read.from(rs);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
