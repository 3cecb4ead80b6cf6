package vn.docaxis.web;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.docaxis.platform.Now;

/**
 * What an operator watches: the last 24 hours of the axis at a glance. Plain aggregate queries
 * over the exchange's own tables and the evidence, so the figures are what the records say.
 */
@ApplicationScoped
public class Dashboard {

    static final Duration WINDOW = Duration.ofHours(24);
    static final int LISTED_FAILURES = 20;

    @Inject
    AgroalDataSource dataSource;

    public record Figures(Instant since, Instant until, long acceptedDocuments, long acceptedStatuses, long refused,
                          List<Count> refusedByReason, long delivered, long overdueFlagged, long overdueOpen,
                          long failedDeliveries, long failedAcks, List<Failure> failures, long unsealedEvidence) {
    }

    public record Count(String code, long count) {
    }

    /** A delivery that failed for good: the recipient's system acknowledged fail too many times. */
    public record Failure(Instant at, UUID packageId, String sender, String recipient, String subject, String detail) {
    }

    public Figures lastDay() {
        Instant until = Now.instant();
        Instant since = until.minus(WINDOW);
        Timestamp from = Timestamp.from(since);
        try (Connection c = dataSource.getConnection()) {
            long documents = count(c, "select count(*) from package where kind = 'DOCUMENT' and received_at >= ?", from);
            long statuses = count(c, "select count(*) from package where kind = 'STATUS' and received_at >= ?", from);
            long refused = count(c, "select count(*) from evidence where event = 'SUBMISSION_REFUSED' and occurred_at >= ?",
                    from);
            List<Count> byReason = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select r->>'code', count(distinct e.id) from evidence e, "
                    + "jsonb_array_elements(e.facts->'reasons') r where e.event = 'SUBMISSION_REFUSED' "
                    + "and e.occurred_at >= ? group by 1 order by 2 desc, 1 limit 30")) {
                ps.setTimestamp(1, from);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byReason.add(new Count(rs.getString(1), rs.getLong(2)));
                    }
                }
            }
            long delivered = count(c, "select count(*) from delivery where acked_at >= ?", from);
            long overdueFlagged = count(c, "select count(*) from delivery where overdue_at >= ?", from);
            long overdueOpen = count(c, "select count(*) from delivery where state = 'PENDING' and overdue_at is not null");
            long failed = count(c, "select count(*) from delivery_event where type = 'FAILED' and occurred_at >= ?", from);
            long failedAcks = count(c, "select count(*) from delivery_event where type = 'ACK_FAIL' and occurred_at >= ?",
                    from);
            List<Failure> failures = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select ev.occurred_at, p.id, p.sender_code, d.recipient_code, "
                    + "p.subject, ev.description from delivery_event ev join delivery d on d.id = ev.delivery_id "
                    + "join package p on p.id = d.package_id where ev.type = 'FAILED' and ev.occurred_at >= ? "
                    + "order by ev.occurred_at desc limit " + LISTED_FAILURES)) {
                ps.setTimestamp(1, from);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        failures.add(new Failure(rs.getTimestamp(1).toInstant(), rs.getObject(2, UUID.class),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
                    }
                }
            }
            long unsealed = count(c, "select count(*) from evidence_pending");
            return new Figures(since, until, documents, statuses, refused, byReason, delivered, overdueFlagged, overdueOpen,
                    failed, failedAcks, failures, unsealed);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the dashboard's figures", e);
        }
    }

    private static long count(Connection c, String sql, Timestamp... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setTimestamp(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
