package vn.docaxis.exchange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.docaxis.edxml.PackageKind;

/**
 * Deliveries as the exchange's hot paths change them, in plain JDBC on the transaction's
 * connection: one mapping of the row, one lock, one update of what those paths change, and the
 * one writer of timeline events. The {@link Delivery} objects built here are plain values, never
 * managed by Hibernate.
 */
final class DeliveryRows {

    /** The row as {@link #read} maps it, for a select that names the delivery {@code d}. */
    static final String COLUMNS = "d.id, d.package_id, d.kind, d.sender_code, d.recipient_code, d.state, d.fail_count, "
            + "d.made_available_at, d.first_fetched_at, d.fetch_count, d.acked_at, d.business_status, "
            + "d.business_status_at, d.recall_state, d.overdue_at";
    /** How many columns {@link #COLUMNS} names: a select's further columns start after them. */
    static final int COLUMN_COUNT = 15;

    private DeliveryRows() {
    }

    /** Maps the current row's first {@link #COLUMN_COUNT} columns, as {@link #COLUMNS} names them. */
    static Delivery read(ResultSet rs) throws SQLException {
        Delivery d = new Delivery();
        d.id = rs.getObject(1, UUID.class);
        d.packageId = rs.getObject(2, UUID.class);
        d.kind = PackageKind.valueOf(rs.getString(3));
        d.senderCode = rs.getString(4);
        d.recipientCode = rs.getString(5);
        d.state = DeliveryState.valueOf(rs.getString(6));
        d.failCount = rs.getInt(7);
        d.madeAvailableAt = instant(rs.getTimestamp(8));
        d.firstFetchedAt = instant(rs.getTimestamp(9));
        d.fetchCount = rs.getInt(10);
        d.ackedAt = instant(rs.getTimestamp(11));
        d.businessStatus = rs.getString(12);
        d.businessStatusAt = instant(rs.getTimestamp(13));
        d.recallState = rs.getString(14) == null ? null : RecallState.valueOf(rs.getString(14));
        d.overdueAt = instant(rs.getTimestamp(15));
        return d;
    }

    /** New deliveries, in one batch. */
    static void insert(Connection c, List<Delivery> deliveries) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into delivery (id, package_id, kind, sender_code, recipient_code, state, fail_count,
                                      made_available_at, fetch_count, version)
                values (?, ?, ?, ?, ?, ?, 0, ?, 0, 0)""")) {
            for (Delivery d : deliveries) {
                ps.setObject(1, d.id);
                ps.setObject(2, d.packageId);
                ps.setString(3, d.kind.name());
                ps.setString(4, d.senderCode);
                ps.setString(5, d.recipientCode);
                ps.setString(6, d.state.name());
                ps.setTimestamp(7, Timestamp.from(d.madeAvailableAt));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * The lock every change of a delivery takes first: {@code for no key update}, the lock of the
     * row's own update — changes to one delivery wait for each other, inserts of rows that refer
     * to it (its events) do not. Null when there is no such delivery.
     */
    static Delivery lock(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from delivery d where d.id = ? for no key update")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? read(rs) : null;
            }
        }
    }

    /**
     * Writes back what acknowledgements, statuses and recalls change of a locked delivery. (A
     * fetch only counts: it increments in SQL, {@link InboxService#fetch}.)
     */
    static void update(Connection c, Delivery d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update delivery set state = ?, fail_count = ?, acked_at = ?, "
                + "business_status = ?, business_status_at = ?, recall_state = ?, version = version + 1 where id = ?")) {
            ps.setString(1, d.state.name());
            ps.setInt(2, d.failCount);
            ps.setTimestamp(3, timestamp(d.ackedAt));
            ps.setString(4, d.businessStatus);
            ps.setTimestamp(5, timestamp(d.businessStatusAt));
            ps.setString(6, d.recallState == null ? null : d.recallState.name());
            ps.setObject(7, d.id);
            ps.executeUpdate();
        }
    }

    /** The same step in the timeline of each of {@code deliveries}, in one batch. */
    static void events(Connection c, List<UUID> deliveries, Instant at, DeliveryEventType type, String actor,
                       String description) throws SQLException {
        events(c, deliveries, at, type, actor, null, description, null);
    }

    /** As above, for a step caused by a package ({@code packageId}), a status one with its {@code statusCode}. */
    static void events(Connection c, List<UUID> deliveries, Instant at, DeliveryEventType type, String actor,
                       String statusCode, String description, UUID packageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into delivery_event (delivery_id, occurred_at, type, actor, "
                + "status_code, description, package_id) values (?, ?, ?, ?, ?, ?, ?)")) {
            for (UUID delivery : deliveries) {
                ps.setObject(1, delivery);
                ps.setTimestamp(2, Timestamp.from(at));
                ps.setString(3, type.name());
                ps.setString(4, actor);
                ps.setString(5, statusCode);
                ps.setString(6, description);
                ps.setObject(7, packageId, Types.OTHER);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** A nullable timestamp column as an instant: the exchange's JDBC reads use this one. */
    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
