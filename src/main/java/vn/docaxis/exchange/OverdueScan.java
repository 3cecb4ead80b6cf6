package vn.docaxis.exchange;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.docaxis.platform.Now;
import vn.docaxis.security.Actor;

/**
 * Flags deliveries not acknowledged {@code done} in time, each with its timeline event and its
 * evidence in the same transaction. The flagging update locks the rows it changes: when several
 * instances scan at once, each delivery is flagged exactly once.
 */
@ApplicationScoped
public class OverdueScan {

    private static final Logger LOG = Logger.getLogger(OverdueScan.class);
    private static final int BATCH = 500;

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ExchangeConfig config;

    @Inject
    ExchangeMetrics metrics;

    @Inject
    ExchangeEvidence evidence;

    @Scheduled(every = "${docaxis.exchange.overdue-scan-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scan() {
        try {
            int flagged = flagMadeAvailableBefore(Now.instant().minus(config.overdueAfter()));
            if (flagged > 0) {
                LOG.infof("%d deliveries became overdue", flagged);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Overdue scan failed: %s", e.getMessage());
        }
    }

    /** Flags pending deliveries made available before {@code cutoff}; returns how many were new. */
    public int flagMadeAvailableBefore(Instant cutoff) {
        int total = 0;
        int flagged;
        do {
            flagged = QuarkusTransaction.requiringNew().call(() -> flagBatch(cutoff));
            total += flagged;
        } while (flagged == BATCH);
        metrics.overdue(QuarkusTransaction.requiringNew().call(() -> Delivery.count("state = ?1 and overdueAt is not null",
                DeliveryState.PENDING)));
        return total;
    }

    private int flagBatch(Instant cutoff) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                        update delivery set overdue_at = ?1
                        where id in (select id from delivery
                                     where state = 'PENDING' and overdue_at is null and made_available_at < ?2
                                     order by made_available_at limit ?3
                                     for update skip locked)
                        returning id""", UUID.class)
                .setParameter(1, Now.instant()).setParameter(2, cutoff).setParameter(3, BATCH).getResultList();
        Instant now = Now.instant();
        try (Connection c = dataSource.getConnection()) {
            DeliveryRows.events(c, ids, now, DeliveryEventType.OVERDUE, Actor.SERVICE.name(), null);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record overdue deliveries: " + e.getMessage(), e);
        }
        for (UUID id : ids) {
            Delivery d = Delivery.findById(id);
            evidence.overdue(StoredPackage.findById(d.packageId), d, now);
        }
        return ids.size();
    }
}
