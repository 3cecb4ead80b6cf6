package vn.docaxis.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Records evidence in the transaction of the state change it proves: both commit or neither.
 * The evidence of one transaction is written to {@code evidence_pending} in one JDBC batch just
 * before it commits; sealing (sequence, previous hash, signature, and the move into the chain)
 * follows right after the commit, so that the global chain never serialises the exchange's own
 * transactions.
 */
@ApplicationScoped
public class EvidenceLog {

    private static final Logger LOG = Logger.getLogger(EvidenceLog.class);
    /** The evidence a transaction recorded, written before it commits. */
    private static final Object PENDING = new Object();

    @Inject
    ObjectMapper json;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EvidenceSealer sealer;

    @Inject
    EvidenceMetrics metrics;

    @Transactional(TxType.MANDATORY)
    public void record(EvidenceFacts facts) {
        long start = System.nanoTime();
        @SuppressWarnings("unchecked")
        List<Row> pending = (List<Row>) transactions.getResource(PENDING);
        if (pending == null) {
            pending = new ArrayList<>();
            transactions.putResource(PENDING, pending);
            transactions.registerInterposedSynchronization(new WriteBeforeCommit(pending));
        }
        pending.add(new Row(facts, write(facts)));
        metrics.recorded(facts.event(), System.nanoTime() - start);
    }

    /**
     * A refusal's evidence, in its own transaction: the refused work rolls back, this must not.
     * A failure to write is logged and does not hide the refusal from the caller.
     */
    public void recordAlone(EvidenceFacts facts) {
        try {
            recordInNewTransaction(facts);
        } catch (RuntimeException e) {
            LOG.errorf("Could not record %s evidence: %s", facts.event(), e.getMessage());
        }
    }

    @Transactional(TxType.REQUIRES_NEW)
    void recordInNewTransaction(EvidenceFacts facts) {
        record(facts);
    }

    /** One batch, one round trip, on the transaction's own connection. */
    private void insert(List<Row> rows) {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into evidence_pending (event, occurred_at, package_id, original_id, delivery_id, agencies, facts) "
                        + "values (?, ?, ?, ?, ?, ?, ?::jsonb)")) {
            for (Row row : rows) {
                EvidenceFacts f = row.facts();
                ps.setString(1, f.event().name());
                ps.setTimestamp(2, Timestamp.from(f.at()));
                setUuid(ps, 3, f.pkg() == null ? null : f.pkg().id());
                setUuid(ps, 4, f.pkg() == null ? null : f.pkg().originalId());
                setUuid(ps, 5, f.delivery() == null ? null : f.delivery().id());
                ps.setArray(6, c.createArrayOf("varchar", f.agencies().stream().map(EvidenceFacts.Party::code).distinct()
                        .toArray()));
                ps.setString(7, row.json());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record evidence: " + e.getMessage(), e);
        }
        metrics.written(rows.size(), System.nanoTime() - start);
    }

    private static void setUuid(PreparedStatement ps, int index, UUID value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.OTHER);
        } else {
            ps.setObject(index, value);
        }
    }

    private String write(EvidenceFacts facts) {
        try {
            return json.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Row(EvidenceFacts facts, String json) {
    }

    /** Writes the transaction's evidence before it commits, and wakes the sealer once it has. */
    private final class WriteBeforeCommit implements Synchronization {
        private final List<Row> rows;

        WriteBeforeCommit(List<Row> rows) {
            this.rows = rows;
        }

        @Override
        public void beforeCompletion() {
            if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                insert(rows); // a failure here rolls the whole transaction back: no change without its evidence
            }
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                sealer.nudge();
            }
        }
    }
}
