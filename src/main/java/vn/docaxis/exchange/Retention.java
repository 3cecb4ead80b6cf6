package vn.docaxis.exchange;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.docaxis.platform.Now;

/**
 * Retention: purges the bytes of packages whose every copy was delivered (or recalled) long ago.
 * The package row keeps its metadata, SHA-256 and verification report, and the evidence is
 * untouched: it still proves what was sent, and a fetch answers 410 {@code PACKAGE_PURGED}.
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so instances running it at once share
 * the work and never purge the same package twice.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);
    static final int BATCH = 200;

    @Inject
    EntityManager em;

    @Inject
    ExchangeConfig config;

    @Scheduled(every = "${docaxis.exchange.retention-every:1h}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        config.purgeBytesAfterDays().ifPresent(days -> {
            try {
                int purged = purgeReceivedBefore(Now.instant().minus(Duration.ofDays(days)));
                if (purged > 0) {
                    LOG.infof("Retention purged the bytes of %d delivered packages older than %d days", purged, days);
                }
            } catch (RuntimeException e) {
                LOG.warnf("Retention failed: %s", e.getMessage());
            }
        });
    }

    /** Purges the bytes of the fully delivered packages received before {@code cutoff}; returns how many. */
    public int purgeReceivedBefore(Instant cutoff) {
        int total = 0;
        int purged;
        do {
            purged = QuarkusTransaction.requiringNew().call(() -> purgeBatch(cutoff));
            total += purged;
        } while (purged == BATCH);
        return total;
    }

    private int purgeBatch(Instant cutoff) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select p.id, p.blob_id from package p
                        where p.blob_id is not null and p.received_at < ?1
                          and exists (select 1 from delivery d where d.package_id = p.id)
                          and not exists (select 1 from delivery d where d.package_id = p.id
                                          and d.state not in ('DELIVERED', 'RECALLED'))
                        order by p.received_at limit ?2
                        for update of p skip locked""")
                .setParameter(1, cutoff).setParameter(2, BATCH).getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        List<UUID> packages = new ArrayList<>();
        List<UUID> blobs = new ArrayList<>();
        for (Object[] row : rows) {
            packages.add((UUID) row[0]);
            blobs.add((UUID) row[1]);
        }
        em.createNativeQuery("update package set blob_id = null where id = any(?1)")
                .setParameter(1, packages.toArray(UUID[]::new)).executeUpdate();
        em.createNativeQuery("delete from blob where id = any(?1)") // its chunks go with it (on delete cascade)
                .setParameter(1, blobs.toArray(UUID[]::new)).executeUpdate();
        return rows.size();
    }
}
