package vn.docaxis.exchange;

import vn.docaxis.platform.Now;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.docaxis.edxml.BusinessDocType;
import vn.docaxis.edxml.PackageKind;
import vn.docaxis.platform.Bounded;
import vn.docaxis.platform.ErrorCode;
import vn.docaxis.platform.ProblemException;
import vn.docaxis.platform.QueryParams;
import vn.docaxis.security.Access;
import vn.docaxis.security.Actor;

/**
 * The recipient side of transport: list pending deliveries, fetch one (the sender's bytes,
 * unchanged), acknowledge it. Only connected systems use it, for the agencies they act for.
 * Every step is {@link Bounded}: its bytes reach the client after it returns.
 */
@ApplicationScoped
@Bounded
public class InboxService {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Access access;

    @Inject
    ExchangeConfig config;

    @Inject
    ExchangeEvidence evidence;

    @Inject
    ExchangeMetrics metrics;

    /** Pending deliveries, oldest first, for one agency or every agency the caller acts for. */
    public InboxPage list(PackageKind kind, String agency, String limitParam, String cursor) {
        Actor actor = agency == null ? requireSystem("inbox.list") : access.requireActFor(agency, "inbox.list");
        int limit = QueryParams.integer("limit", limitParam, 100);
        if (limit < 1 || limit > config.maxInboxPage()) {
            throw QueryParams.invalid("limit", "must be between 1 and " + config.maxInboxPage());
        }
        UUID after = cursor == null || cursor.isBlank() ? null : decodeCursor(cursor);
        List<InboxItem> items = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            ScopeSql scope = agency != null ? ScopeSql.only(agency) : ScopeSql.of(c, actor);
            StringBuilder sql = new StringBuilder("""
                    select d.id, d.package_id, d.kind, d.sender_code, d.recipient_code, p.document_id, p.code_number,
                           p.code_notation, p.subject, p.status_code, d.made_available_at, d.fail_count, d.fetch_count,
                           p.size, p.sha256, d.overdue_at
                    from delivery d join package p on p.id = d.package_id
                    where d.state = 'PENDING' and d.kind = ? and\s""").append(scope.covers("d.recipient_code"));
            if (after != null) {
                sql.append(" and d.id > ?");
            }
            sql.append(" order by d.id limit ?");
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int i = 1;
                ps.setString(i++, kind.name());
                ps.setObject(i++, scope.parameter(c));
                if (after != null) {
                    ps.setObject(i++, after);
                }
                ps.setInt(i, limit + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        items.add(new InboxItem(id, rs.getObject(2, UUID.class), PackageKind.valueOf(rs.getString(3)),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                                rs.getString(9), rs.getString(10), DeliveryRows.instant(rs.getTimestamp(11)), rs.getInt(12),
                                rs.getInt(13), rs.getLong(14), rs.getString(15), DeliveryRows.instant(rs.getTimestamp(16)),
                                "/api/v1/inbox/" + id));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list the inbox", e);
        }
        String next = null;
        if (items.size() > limit) {
            items = items.subList(0, limit);
            next = encodeCursor(items.get(limit - 1).deliveryId());
        }
        return new InboxPage(List.copyOf(items), next);
    }

    /** Refuses unless the caller acts for the delivery's recipient (VDXP's "processing" changes nothing else). */
    public void requireRecipientOf(UUID deliveryId) {
        Delivery d = Delivery.findById(deliveryId);
        if (d == null) {
            throw notFound(deliveryId, "inbox.status");
        }
        access.requireActFor(d.recipientCode, "inbox.status");
    }

    /** How many deliveries of a kind wait for the agencies the calling system acts for. */
    public long count(PackageKind kind) {
        Actor actor = requireSystem("inbox.count");
        try (Connection c = dataSource.getConnection()) {
            ScopeSql scope = ScopeSql.of(c, actor);
            try (PreparedStatement ps = c.prepareStatement("select count(*) from delivery d where d.state = 'PENDING' "
                    + "and d.kind = ? and " + scope.covers("d.recipient_code"))) {
                ps.setString(1, kind.name());
                ps.setObject(2, scope.parameter(c));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the inbox", e);
        }
    }

    /**
     * Records the fetch and says where the bytes are. The copy of a recalled document is refused
     * (410); its metadata stays visible in tracking.
     */
    @Transactional
    public Fetch fetch(UUID deliveryId) {
        try (Connection c = dataSource.getConnection()) {
            Locked locked = lock(c, deliveryId, "inbox.fetch");
            Delivery d = locked.delivery();
            StoredPackage p = locked.pkg();
            if (d.state == DeliveryState.RECALLED) {
                throw new ProblemException(ErrorCode.DELIVERY_RECALLED, "The sender recalled this document and "
                        + d.recipientCode + " agreed; the axis no longer hands out this copy", Map.of("deliveryId", d.id.toString()));
            }
            if (p.blobId == null) {
                throw new ProblemException(ErrorCode.PACKAGE_PURGED, "Retention purged the bytes of this package, received "
                        + p.receivedAt + " and delivered to every recipient; its SHA-256 was " + p.sha256,
                        Map.of("deliveryId", d.id.toString()));
            }
            Instant now = Now.instant();
            try (PreparedStatement ps = c.prepareStatement("update delivery set fetch_count = fetch_count + 1, "
                    + "first_fetched_at = coalesce(first_fetched_at, ?), version = version + 1 where id = ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setObject(2, d.id);
                ps.executeUpdate();
            }
            if (d.firstFetchedAt == null) {
                DeliveryRows.events(c, List.of(d.id), now, DeliveryEventType.FETCHED, locked.actor().name(), null);
            }
            return new Fetch(d.id, p.id, p.blobId, p.size, p.sha256, p.kind, p.senderCode, d.recipientCode, p.documentId);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the fetch of delivery " + deliveryId, e);
        }
    }

    /**
     * {@code done} completes the transport delivery; repeating it changes nothing. {@code fail}
     * leaves it pending and counts; at the limit it becomes FAILED, which the sender sees.
     */
    @Transactional
    public AckResult acknowledge(UUID deliveryId, AckRequest ack) {
        try (Connection c = dataSource.getConnection()) {
            Locked locked = lock(c, deliveryId, "inbox.ack");
            Delivery d = locked.delivery();
            Actor actor = locked.actor();
            if (d.state == DeliveryState.RECALLED) {
                throw new ProblemException(ErrorCode.DELIVERY_RECALLED, "This delivery was recalled");
            }
            Instant now = Now.instant();
            if (ack.done()) {
                if (d.state != DeliveryState.DELIVERED) {
                    d.state = DeliveryState.DELIVERED;
                    d.ackedAt = now;
                    DeliveryRows.update(c, d);
                    DeliveryRows.events(c, List.of(d.id), now, DeliveryEventType.ACK_DONE, actor.name(), ack.reason());
                    evidence.retrieved(locked.pkg(), d, actor, now, ack.reason());
                    metrics.acknowledged("done");
                }
            } else {
                if (d.state == DeliveryState.DELIVERED) {
                    throw new ProblemException(ErrorCode.DELIVERY_ALREADY_ACKNOWLEDGED, "Delivery " + d.id
                            + " was acknowledged done at " + d.ackedAt);
                }
                d.failCount++;
                DeliveryRows.events(c, List.of(d.id), now, DeliveryEventType.ACK_FAIL, actor.name(), ack.reason());
                metrics.acknowledged("fail");
                boolean finalFailure = d.state == DeliveryState.PENDING && d.failCount >= config.maxFailedAttempts();
                if (finalFailure) {
                    d.state = DeliveryState.FAILED;
                    DeliveryRows.events(c, List.of(d.id), now, DeliveryEventType.FAILED, actor.name(),
                            d.failCount + " failed attempts");
                }
                DeliveryRows.update(c, d);
                evidence.retrievalFailed(locked.pkg(), d, actor, now, ack.reason(), finalFailure);
            }
            return new AckResult(d.id, d.state, d.failCount, d.ackedAt);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the acknowledgement of delivery " + deliveryId, e);
        }
    }

    /** A delivery and its package as this transaction locked them (plain objects, not managed by Hibernate). */
    private record Locked(Delivery delivery, StoredPackage pkg, Actor actor) {
    }

    /**
     * Locks the delivery, reads what fetch and acknowledgement need of it and of its package in
     * one statement, and refuses unless the caller acts for its recipient. Fetches and
     * acknowledgements are a third of the axis's requests: plain JDBC, three or four statements.
     * The lock is {@link DeliveryRows#lock}'s, taken with the package read.
     */
    private Locked lock(Connection c, UUID deliveryId, String action) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + DeliveryRows.COLUMNS + """
                , p.business_type, p.document_id, p.code_number, p.code_notation, p.subject, p.sha256, p.size,
                  p.verification, p.original_id, p.blob_id, p.received_at
                from delivery d join package p on p.id = d.package_id
                where d.id = ? for no key update of d""")) {
            ps.setObject(1, deliveryId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw notFound(deliveryId, action);
                }
                Delivery d = DeliveryRows.read(rs);
                Actor actor = access.requireActFor(d.recipientCode, action);
                int i = DeliveryRows.COLUMN_COUNT;
                StoredPackage p = new StoredPackage();
                p.id = d.packageId;
                p.kind = d.kind;
                p.senderCode = d.senderCode;
                p.businessType = rs.getString(i + 1) == null ? null : BusinessDocType.valueOf(rs.getString(i + 1));
                p.documentId = rs.getString(i + 2);
                p.codeNumber = rs.getString(i + 3);
                p.codeNotation = rs.getString(i + 4);
                p.subject = rs.getString(i + 5);
                p.sha256 = rs.getString(i + 6);
                p.size = rs.getLong(i + 7);
                p.verification = rs.getString(i + 8);
                p.originalId = rs.getObject(i + 9, UUID.class);
                p.blobId = rs.getObject(i + 10, UUID.class);
                p.receivedAt = DeliveryRows.instant(rs.getTimestamp(i + 11));
                return new Locked(d, p, actor);
            }
        }
    }

    /** What a fetch streams, and the headers that describe it. */
    public record Fetch(UUID deliveryId, UUID packageId, UUID blobId, long size, String sha256, PackageKind kind,
                        String sender, String recipient, String documentId) {
    }

    /** An unknown delivery is a 404 to a connected system; anyone else is refused the inbox first. */
    private ProblemException notFound(UUID deliveryId, String action) {
        requireSystem(action);
        return new ProblemException(ErrorCode.DELIVERY_NOT_FOUND, "No delivery " + deliveryId);
    }

    private Actor requireSystem(String action) {
        Actor actor = access.actor();
        if (actor.kind() != Actor.Kind.SYSTEM) {
            throw access.refuse(actor, action, null, null, ErrorCode.NOT_AUTHORIZED,
                    "The inbox belongs to connected systems; people follow documents through tracking");
        }
        return actor;
    }

    private static String encodeCursor(UUID id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static UUID decodeCursor(String cursor) {
        try {
            return UUID.fromString(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw QueryParams.invalid("cursor", "not a cursor this API returned");
        }
    }
}
