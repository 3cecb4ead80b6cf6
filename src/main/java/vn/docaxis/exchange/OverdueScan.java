package vn.docaxis.exchange;

import vn.docaxis.platform.Now;
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
import org.jboss.logging.Logger;

/**
 * Flags deliveries not acknowledged {@code done} in time. One statement flags and records the
 * event together: when several instances scan at once, row locks make each delivery flagged
 * exactly once.
 */
@ApplicationScoped
public class OverdueScan {

    private static final Logger LOG = Logger.getLogger(OverdueScan.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ExchangeConfig config;

    @Inject
    ExchangeMetrics metrics;

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
        try (Connection c = dataSource.getConnection()) {
            int flagged;
            try (PreparedStatement ps = c.prepareStatement("""
                    with flagged as (
                        update delivery set overdue_at = now()
                        where state = 'PENDING' and overdue_at is null and made_available_at < ?
                        returning id)
                    insert into delivery_event (delivery_id, occurred_at, type, actor)
                    select id, now(), 'OVERDUE', 'docaxis' from flagged""")) {
                ps.setTimestamp(1, Timestamp.from(cutoff));
                flagged = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "select count(*) from delivery where state = 'PENDING' and overdue_at is not null");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                metrics.overdue(rs.getLong(1));
            }
            return flagged;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot flag overdue deliveries", e);
        }
    }
}
