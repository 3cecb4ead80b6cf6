package vn.docaxis.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.cert.CertificateEncodingException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import vn.docaxis.platform.Certificates;
import vn.docaxis.platform.Now;

/**
 * Seals recorded evidence into the chain: in recording order, each gets the next sequence number,
 * the SHA-256 of the previous evidence's bytes and the axis's signature, and moves from
 * {@code evidence_pending} into {@code evidence}. A PostgreSQL advisory lock held for the sealing
 * transaction makes one sealer at a time, across instances too.
 */
@ApplicationScoped
public class EvidenceSealer {

    private static final Logger LOG = Logger.getLogger(EvidenceSealer.class);
    /** The advisory lock of the chain's head ("dcx" + 1). */
    static final long CHAIN_LOCK = 0x646378_01L;
    /** Evidence moved into the chain between two vacuums of {@code evidence_pending}. */
    static final int VACUUM_EVERY = 2_000;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AxisKey axisKey;

    @Inject
    EvidenceConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    EvidenceMetrics metrics;

    private XmlSigner signer;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "evidence-sealer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    /** Moves out of {@code evidence_pending} since the background sealer last vacuumed it (its thread only). */
    private long movedSinceVacuum;

    void onStart(@Observes StartupEvent event) {
        signer = new XmlSigner(axisKey.privateKey(), axisKey.certificate(), SignedXml.BOUNCY_CASTLE);
        registerKey();
        nudge(); // what a previous run recorded but did not seal
    }

    void onStop(@Observes ShutdownEvent event) {
        background.shutdown();
        try {
            background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    XmlSigner signer() {
        return signer;
    }

    /**
     * Asks for a sealing pass soon (after {@link EvidenceConfig#sealLinger()}); passes asked for
     * while one waits are merged into it.
     */
    void nudge() {
        if (signer != null && queued.compareAndSet(false, true) && !background.isShutdown()) {
            background.execute(() -> {
                try {
                    Thread.sleep(config.sealLinger().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return; // shutting down: the next start seals what is left
                }
                queued.set(false);
                try {
                    vacuumAfter(sealPending());
                } catch (RuntimeException e) {
                    LOG.warnf("Sealing evidence failed, retried at the next pass: %s", e.getMessage());
                }
            });
        }
    }

    /** Seals what other instances recorded (their own nudges do not reach this one). */
    @Scheduled(every = "${docaxis.evidence.seal-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sealPeriodically() {
        nudge();
    }

    /** Seals everything recorded and committed so far; returns how many. Call outside a transaction. */
    public int sealPending() {
        int total = 0;
        int sealed;
        do {
            sealed = sealBatch();
            total += sealed;
        } while (sealed == config.sealBatch());
        return total;
    }

    private int sealBatch() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int sealed = sealBatch(c);
                c.commit();
                return sealed;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot seal evidence: " + e.getMessage(), e);
        }
    }

    /**
     * One batch: under the chain's lock, the oldest recorded evidence, then the chain's head. Every
     * read of {@code evidence_pending} goes through its primary key, so the rows earlier batches
     * moved out (dead until a vacuum) are not scanned again.
     */
    private int sealBatch(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            ps.setLong(1, CHAIN_LOCK);
            ps.execute();
        }
        List<Recorded> recorded = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id, facts from evidence_pending order by id limit ?")) {
            ps.setInt(1, config.sealBatch());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    recorded.add(new Recorded(rs.getLong(1), rs.getString(2)));
                }
            }
        }
        if (recorded.isEmpty()) {
            metrics.unsealed(0);
            return 0;
        }
        long seq = 0;
        String previous = EvidenceXml.GENESIS;
        try (PreparedStatement ps = c.prepareStatement("select seq, sha256 from evidence order by seq desc limit 1");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                seq = rs.getLong(1);
                previous = rs.getString(2);
            }
        }
        List<Sealed> batch = new ArrayList<>();
        for (Recorded r : recorded) {
            long start = System.nanoTime();
            byte[] xml = signer.sign(EvidenceXml.evidence(read(r.facts()), ++seq, previous));
            previous = Certificates.sha256(xml);
            metrics.sealed(System.nanoTime() - start);
            batch.add(new Sealed(r.id(), seq, xml, previous));
        }
        // one statement moves the whole batch into the chain, sealed: each chain row is written once
        try (PreparedStatement ps = c.prepareStatement("""
                with sealed (id, seq, xml, sha256) as (select * from unnest(?::bigint[], ?::bigint[], ?::bytea[], ?::varchar[])),
                     moved as (delete from evidence_pending where id = any(?::bigint[]) returning *)
                insert into evidence (id, seq, event, occurred_at, package_id, original_id, delivery_id, agencies, facts,
                                      xml, sha256, sealed_at)
                select m.id, s.seq, m.event, m.occurred_at, m.package_id, m.original_id, m.delivery_id, m.agencies, m.facts,
                       s.xml, s.sha256, ?
                from moved m join sealed s on s.id = m.id""")) {
            Array ids = c.createArrayOf("bigint", batch.stream().map(Sealed::id).toArray());
            ps.setArray(1, ids);
            ps.setArray(2, c.createArrayOf("bigint", batch.stream().map(Sealed::seq).toArray()));
            ps.setArray(3, c.createArrayOf("bytea", batch.stream().map(Sealed::xml).toArray(byte[][]::new)));
            ps.setArray(4, c.createArrayOf("varchar", batch.stream().map(Sealed::sha256).toArray()));
            ps.setArray(5, ids);
            ps.setTimestamp(6, Timestamp.from(Now.instant()));
            int moved = ps.executeUpdate();
            if (moved != batch.size()) { // the advisory lock makes this sealer the only one: nothing else moves them
                throw new IllegalStateException("Sealed " + batch.size() + " evidence but moved " + moved);
            }
        }
        if (batch.size() < config.sealBatch()) {
            metrics.unsealed(0); // the batch took all there was when it read
        } else {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from evidence_pending");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                metrics.unsealed(rs.getLong(1)); // a backlog: what this batch left, as seen before its commit
            }
        }
        return batch.size();
    }

    /**
     * Every evidence passes through {@code evidence_pending}, so the table is mostly rows moved out
     * and dead until vacuumed; autovacuum looks at it once a minute at best (its naptime), by which
     * time a busy axis has left tens of thousands. The background sealer vacuums it itself after
     * every {@link #VACUUM_EVERY} moves (readers sealing before they read do not pay for it);
     * {@code skip_locked} leaves it to the next time if another instance is vacuuming it already.
     */
    private void vacuumAfter(int moved) {
        movedSinceVacuum += moved;
        if (movedSinceVacuum < VACUUM_EVERY) {
            return;
        }
        movedSinceVacuum = 0;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true); // vacuum runs outside a transaction
            s.execute("vacuum (skip_locked) evidence_pending");
        } catch (SQLException e) {
            LOG.warnf("Could not vacuum evidence_pending (autovacuum will): %s", e.getMessage());
        }
    }

    /** One recorded evidence as read for sealing. */
    private record Recorded(long id, String facts) {
    }

    /** One evidence of a batch as sealed: recorded as {@code id}, placed at {@code seq}. */
    private record Sealed(long id, long seq, byte[] xml, String sha256) {
    }

    private void registerKey() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into evidence_key (fingerprint, certificate, first_used) "
                     + "values (?, ?, ?) on conflict (fingerprint) do nothing")) {
            ps.setString(1, axisKey.fingerprint());
            ps.setBytes(2, axisKey.certificate().getEncoded());
            ps.setTimestamp(3, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        } catch (SQLException | CertificateEncodingException e) {
            throw new IllegalStateException("Cannot register the evidence key: " + e.getMessage(), e);
        }
    }

    private EvidenceFacts read(String facts) {
        try {
            return json.readValue(facts, EvidenceFacts.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Recorded evidence facts are unreadable: " + e.getMessage(), e);
        }
    }
}
