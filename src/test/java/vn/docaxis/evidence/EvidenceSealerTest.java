package vn.docaxis.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.docaxis.support.Exchange.party;
import static vn.docaxis.support.Exchange.sent;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.docaxis.support.Exchange.Party;

/**
 * A backlog of recorded evidence, larger than a sealing batch and than the sealer's vacuum step:
 * sealed in recording order, every batch chained to the one before, and the waiting table
 * vacuumed by the sealer rather than left to autovacuum's once a minute.
 */
@QuarkusTest
class EvidenceSealerTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EvidenceSealer sealer;

    @Inject
    ChainVerifier verifier;

    @Inject
    EvidenceConfig config;

    @Test
    void aBacklogIsSealedInRecordingOrderAcrossBatchesAndItsTableVacuumed() throws Exception {
        Party sender = party();
        Party recipient = party();
        String packageId = sent(sender, recipient);
        sealer.sealPending();
        long head = scalar("select coalesce(max(seq), 0) from evidence");
        long vacuumsBefore = vacuums();
        int backlog = EvidenceSealer.VACUUM_EVERY + 17;
        assertTrue(backlog > 3 * config.sealBatch(), "several full batches and a last, partial one");
        long firstId;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into evidence_pending (event, occurred_at, package_id, original_id, delivery_id, agencies, facts)
                select e.event, e.occurred_at, e.package_id, e.original_id, e.delivery_id, e.agencies, e.facts
                from evidence e cross join generate_series(1, ?) n
                where e.package_id = ?::uuid and e.event = 'SUBMISSION_ACCEPTED'
                order by n returning id""")) {
            ps.setInt(1, backlog);
            ps.setString(2, packageId);
            try (ResultSet rs = ps.executeQuery()) {
                List<Long> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
                assertEquals(backlog, ids.size());
                firstId = ids.stream().mapToLong(Long::longValue).min().orElseThrow();
            }
        }

        sealer.nudge(); // the background sealer: the one that vacuums
        await("the backlog is sealed", () -> scalar("select count(*) from evidence_pending") == 0);

        assertEquals(head + backlog, scalar("select max(seq) from evidence"), "every one sealed, no gap");
        assertEquals(backlog, scalar("select count(*) from evidence where id >= " + firstId
                + " and seq - " + head + " = id - " + firstId + " + 1"), "in the order they were recorded");
        await("the sealer vacuumed evidence_pending", () -> vacuums() > vacuumsBefore);
        ChainVerifier.ChainReport report = verifier.verify(List.of());
        assertTrue(report.intact(), "the batches chain to each other: " + report);
        assertEquals(head + backlog, report.verifiedUpTo());
    }

    private long vacuums() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("select pg_stat_clear_snapshot()");
            return scalar(c, "select vacuum_count from pg_stat_user_tables where relname = 'evidence_pending'");
        }
    }

    private long scalar(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return scalar(c, sql);
        }
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void await(String what, Check check) throws Exception {
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!check.holds()) {
            assertTrue(System.nanoTime() < giveUp, "timed out waiting until " + what);
            Thread.sleep(50);
        }
    }
}
