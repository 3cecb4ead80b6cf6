package vn.docaxis.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.docaxis.edxml.BusinessDocType;
import vn.docaxis.edxml.PackageKind;
import vn.docaxis.platform.ErrorCode;
import vn.docaxis.platform.Now;
import vn.docaxis.platform.PageView;
import vn.docaxis.platform.Paging;
import vn.docaxis.platform.ProblemException;
import vn.docaxis.platform.QueryParams;
import vn.docaxis.security.Access;
import vn.docaxis.security.Actor;

/**
 * Where each copy of a package stands. The sender's side (its systems and clerks) sees every
 * recipient; a recipient sees only its own copy; auditors and admins see everything.
 */
@ApplicationScoped
public class TrackingService {

    private static final Set<String> STATES = Set.of("PENDING", "DELIVERED", "FAILED", "RECALLED", "RECALL_REQUESTED",
            "OVERDUE", "REFUSED");

    @Inject
    Access access;

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource dataSource;

    public PackageDetail detail(UUID packageId) {
        Actor actor = access.actor();
        StoredPackage p = StoredPackage.findById(packageId);
        if (p == null) {
            throw new ProblemException(ErrorCode.PACKAGE_NOT_FOUND, "No package " + packageId);
        }
        List<Delivery> deliveries = Delivery.list("packageId = ?1 order by id", p.id);
        boolean senderSide = access.sees(actor, p.senderCode);
        List<Delivery> visible = senderSide ? deliveries
                : deliveries.stream().filter(d -> access.sees(actor, d.recipientCode)).toList();
        if (!senderSide && visible.isEmpty()) {
            throw access.refuse(actor, "package.get", "package", p.id.toString(), ErrorCode.NOT_AUTHORIZED_FOR_AGENCY,
                    actor.name() + " acts neither for the sender nor for a recipient of this package");
        }
        Map<UUID, List<PackageDetail.TimelineEntry>> timelines = timelines(visible);
        List<PackageDetail.RecipientTrack> tracks = visible.stream().map(d -> new PackageDetail.RecipientTrack(
                d.recipientCode, d.id, d.state, d.failCount, d.madeAvailableAt, d.firstFetchedAt, d.fetchCount, d.ackedAt,
                d.businessStatus, d.businessStatusAt, d.recallState, d.overdueAt,
                timelines.getOrDefault(d.id, List.of()))).toList();
        List<RecipientOutcome> refused = senderSide ? refusedRecipients(p) : null;
        List<PackageDetail.Related> related = StoredPackage.<StoredPackage>list("originalId = ?1 order by receivedAt", p.id)
                .stream().filter(r -> senderSide || access.sees(actor, r.senderCode) || r.kind == PackageKind.DOCUMENT)
                .map(r -> new PackageDetail.Related(r.id, r.kind, r.businessType, r.statusCode, r.senderCode, r.receivedAt))
                .toList();
        return new PackageDetail(p.id, p.kind, p.senderCode, p.documentId, p.codeNumber, p.codeNotation, p.subject,
                p.promulgationDate, p.businessType, p.statusCode, p.originalId, related, p.sha256, p.size, p.receivedAt,
                p.verification, senderSide ? p.submittedBy : null, tracks, refused, tree(p.header));
    }

    /**
     * One row per copy of what the caller's agencies sent (newest first), optionally of one
     * package: where each copy stands on the transport and business levels.
     */
    public List<SentCopy> sentCopies(PackageKind kind, UUID packageId, int limit) {
        Actor actor = access.actor();
        try (Connection c = dataSource.getConnection()) {
            ScopeSql scope = actor.readsEverything() ? null : ScopeSql.of(c, actor);
            StringBuilder sql = new StringBuilder("select p.id, d.id, p.sender_code, d.recipient_code, p.subject, "
                    + "p.code_number, p.code_notation, p.received_at, d.acked_at, d.state, d.business_status, "
                    + "d.recall_state from package p join delivery d on d.package_id = p.id where p.kind = ?");
            List<Object> params = new ArrayList<>(List.of(kind.name()));
            if (scope != null) {
                sql.append(" and ").append(scope.covers("p.sender_code"));
                params.add(scope.parameter(c));
            }
            if (packageId != null) {
                sql.append(" and p.id = ?");
                params.add(packageId);
            }
            sql.append(" order by p.received_at desc, d.id limit ?");
            params.add(limit);
            List<SentCopy> out = new ArrayList<>();
            try (PreparedStatement ps = prepare(c, sql.toString(), params); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SentCopy(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getTimestamp(8).toInstant(), DeliveryRows.instant(rs.getTimestamp(9)),
                            DeliveryState.valueOf(rs.getString(10)), rs.getString(11), rs.getString(12)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list sent packages", e);
        }
    }

    /** A copy of a sent package, as {@link #sentCopies} lists it. */
    public record SentCopy(UUID packageId, UUID deliveryId, String sender, String recipient, String subject,
                           String codeNumber, String codeNotation, Instant sentAt, Instant ackedAt, DeliveryState state,
                           String businessStatus, String recallState) {
    }

    /** The verification verdict and report kept with the package, for those who may see it. */
    public Map<String, Object> verification(UUID packageId) {
        PackageDetail visible = detail(packageId); // same visibility rules
        StoredPackage p = StoredPackage.findById(packageId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("packageId", visible.packageId());
        body.put("verdict", p.verification);
        body.put("report", tree(p.verificationReport));
        return body;
    }

    public PageView<PackageSummary> search(PackageQuery q, Paging paging) {
        Actor actor = access.actor();
        if (q.state() != null && !STATES.contains(q.state())) {
            throw QueryParams.invalid("state", "'" + q.state() + "' is not one of " + STATES);
        }
        if (q.sender() != null && !actor.readsEverything()) {
            access.requireSees(actor, q.sender(), "package.search");
        }
        boolean all = actor.readsEverything();
        try (Connection c = dataSource.getConnection()) {
            ScopeSql scope = all ? null : ScopeSql.of(c, actor);
            Object scoped = all ? null : scope.parameter(c);
            StringBuilder where = new StringBuilder(" where p.kind = ?");
            List<Object> params = new ArrayList<>(List.of(q.kind().name()));
            if (q.sender() != null) {
                where.append(" and p.sender_code = ?");
                params.add(q.sender());
            }
            if (q.codeNumber() != null) {
                where.append(" and p.code_number = ?");
                params.add(q.codeNumber());
            }
            if (q.codeNotation() != null) {
                where.append(" and lower(p.code_notation) = lower(?)");
                params.add(q.codeNotation());
            }
            if (q.text() != null && !q.text().isBlank()) {
                where.append(" and lower(p.subject) like lower(?) escape '\\'");
                params.add("%" + q.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
            if (q.from() != null) {
                where.append(" and p.received_at >= ?");
                params.add(Timestamp.from(q.from().atStartOfDay(Now.VIETNAM).toInstant()));
            }
            if (q.to() != null) {
                where.append(" and p.received_at < ?");
                params.add(Timestamp.from(q.to().plusDays(1).atStartOfDay(Now.VIETNAM).toInstant()));
            }
            if (q.recipient() != null || q.state() != null) {
                // filter on the copies the caller may see, not on others' copies
                where.append(" and exists (select 1 from delivery d where d.package_id = p.id");
                if (!all) {
                    where.append(" and (").append(scope.covers("p.sender_code")).append(" or ")
                            .append(scope.covers("d.recipient_code")).append(")");
                    params.add(scoped);
                    params.add(scoped);
                }
                if (q.recipient() != null) {
                    where.append(" and d.recipient_code = ?");
                    params.add(q.recipient());
                }
                if (q.state() != null) {
                    where.append(" and ").append(statePredicate(q.state()));
                }
                where.append(")");
            }
            if (!all) {
                where.append(" and (").append(scope.covers("p.sender_code")).append(" or exists (select 1 from delivery d "
                        + "where d.package_id = p.id and ").append(scope.covers("d.recipient_code")).append("))");
                params.add(scoped);
                params.add(scoped);
            }
            long total = count(c, "select count(*) from package p" + where, params);
            List<PackageSummary> items = page(c, actor, all, where.toString(), params, paging);
            return new PageView<>(items, paging.page(), paging.size(), total);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot search packages", e);
        }
    }

    private List<PackageSummary> page(Connection c, Actor actor, boolean all, String where, List<Object> bound,
                                      Paging paging) throws SQLException {
        List<Object> params = new ArrayList<>(bound);
        params.add(paging.size());
        params.add((long) paging.page() * paging.size());
        Map<UUID, PackageSummary> found = new LinkedHashMap<>();
        try (PreparedStatement ps = prepare(c, "select p.id, p.kind, p.sender_code, p.document_id, p.code_number, "
                + "p.code_notation, p.subject, p.business_type, p.status_code, p.received_at from package p" + where
                + " order by p.received_at desc, p.id desc limit ? offset ?", params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                UUID id = rs.getObject(1, UUID.class);
                String bt = rs.getString(8);
                found.put(id, new PackageSummary(id, PackageKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), bt == null ? null : BusinessDocType.valueOf(bt),
                        rs.getString(9), rs.getTimestamp(10).toInstant(), new ArrayList<>()));
            }
        }
        if (found.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Delivery>> copies = Delivery.<Delivery>list("packageId in ?1 order by id", List.copyOf(found.keySet()))
                .stream().collect(Collectors.groupingBy(d -> d.packageId));
        List<PackageSummary> items = new ArrayList<>();
        for (PackageSummary s : found.values()) {
            boolean senderSide = all || access.sees(actor, s.sender());
            for (Delivery d : copies.getOrDefault(s.packageId(), List.of())) {
                if (senderSide || access.sees(actor, d.recipientCode)) {
                    s.recipients().add(new PackageSummary.CopyState(d.recipientCode, d.id, d.state, d.businessStatus,
                            d.recallState, d.overdueAt));
                }
            }
            items.add(s);
        }
        return items;
    }

    private static String statePredicate(String state) {
        return switch (state) {
            case "OVERDUE" -> "d.state = 'PENDING' and d.overdue_at is not null";
            case "REFUSED" -> "d.business_status = '02'";
            case "RECALL_REQUESTED" -> "d.recall_state = 'REQUESTED'";
            default -> "d.state = '" + DeliveryState.valueOf(state).name() + "'";
        };
    }

    private Map<UUID, List<PackageDetail.TimelineEntry>> timelines(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<PackageDetail.TimelineEntry>> byDelivery = new HashMap<>();
        DeliveryEvent.<DeliveryEvent>list("deliveryId in ?1 order by id", deliveries.stream().map(d -> d.id).toList())
                .forEach(e -> byDelivery.computeIfAbsent(e.deliveryId, k -> new ArrayList<>()).add(
                        new PackageDetail.TimelineEntry(e.occurredAt, e.type, e.statusCode, e.description, e.actor, e.packageId)));
        return byDelivery;
    }

    private List<RecipientOutcome> refusedRecipients(StoredPackage p) {
        try {
            SubmissionResult outcome = json.readValue(p.outcome, SubmissionResult.class);
            return outcome.recipients().stream().filter(r -> !r.isAccepted()).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode tree(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Connection c, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
        return ps;
    }
}
