package vn.docaxis.evidence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import vn.docaxis.platform.Certificates;
import vn.docaxis.platform.Now;

/**
 * Signed statements of the chain's head (last sequence, its hash, the count), themselves chained.
 * An auditor who kept one can later prove that nothing before it was removed, the tail included.
 */
@ApplicationScoped
public class Checkpoints {

    private static final Logger LOG = Logger.getLogger(Checkpoints.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EvidenceSealer sealer;

    /** One instance writes it: the chain's advisory lock is held, and an unchanged head is skipped. */
    @Scheduled(every = "${docaxis.evidence.checkpoint-every:10m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            write().ifPresent(c -> LOG.infof("Evidence checkpoint %d: sequence %d", c.number(), c.lastSequence()));
        } catch (RuntimeException e) {
            LOG.warnf("Evidence checkpoint failed: %s", e.getMessage());
        }
    }

    /** Seals what is pending, then writes a checkpoint unless the head did not move since the last one. */
    public Optional<Checkpoint> write() {
        sealer.sealPending();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<Checkpoint> written = write(c);
                c.commit();
                return written;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write an evidence checkpoint: " + e.getMessage(), e);
        }
    }

    private Optional<Checkpoint> write(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            ps.setLong(1, EvidenceSealer.CHAIN_LOCK);
            ps.execute();
        }
        long lastSeq;
        String lastHash;
        long count;
        try (PreparedStatement ps = c.prepareStatement("select seq, sha256, (select count(*) from evidence) "
                + "from evidence order by seq desc limit 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty(); // an empty chain has nothing to state
            }
            lastSeq = rs.getLong(1);
            lastHash = rs.getString(2);
            count = rs.getLong(3);
        }
        long number = 1;
        String previous = EvidenceXml.GENESIS;
        try (PreparedStatement ps = c.prepareStatement(
                "select number, sha256, last_seq from evidence_checkpoint order by number desc limit 1");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                if (rs.getLong(3) == lastSeq) {
                    return Optional.empty();
                }
                number = rs.getLong(1) + 1;
                previous = rs.getString(2);
            }
        }
        Instant now = Now.instant();
        byte[] xml = sealer.signer().sign(EvidenceXml.checkpoint(number, now, lastSeq, lastHash, count, previous));
        String sha256 = Certificates.sha256(xml);
        try (PreparedStatement ps = c.prepareStatement("insert into evidence_checkpoint "
                + "(number, last_seq, last_hash, count, created_at, xml, sha256) values (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, number);
            ps.setLong(2, lastSeq);
            ps.setString(3, lastHash);
            ps.setLong(4, count);
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setBytes(6, xml);
            ps.setString(7, sha256);
            ps.executeUpdate();
        }
        return Optional.of(new Checkpoint(number, now, lastSeq, lastHash, count, sha256, xml));
    }

    /** Every checkpoint, oldest first. */
    public List<Checkpoint> all() {
        return list("select number, created_at, last_seq, last_hash, count, sha256, xml from evidence_checkpoint order by number",
                null);
    }

    public Optional<Checkpoint> one(long number) {
        return list("select number, created_at, last_seq, last_hash, count, sha256, xml from evidence_checkpoint "
                + "where number = ?", number).stream().findFirst();
    }

    private List<Checkpoint> list(String sql, Long number) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (number != null) {
                ps.setLong(1, number);
            }
            List<Checkpoint> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Checkpoint(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getLong(3), rs.getString(4),
                            rs.getLong(5), rs.getString(6), rs.getBytes(7)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read evidence checkpoints: " + e.getMessage(), e);
        }
    }

    /** A checkpoint as stored; {@code xml} is the signed document. */
    public record Checkpoint(long number, Instant createdAt, long lastSequence, String lastHash, long count,
                             String sha256, byte[] xml) {
    }
}
