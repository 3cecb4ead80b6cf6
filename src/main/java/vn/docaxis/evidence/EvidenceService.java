package vn.docaxis.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.docaxis.platform.ErrorCode;
import vn.docaxis.platform.Now;
import vn.docaxis.platform.PageView;
import vn.docaxis.platform.Paging;
import vn.docaxis.platform.ProblemException;
import vn.docaxis.security.Access;
import vn.docaxis.security.Actor;

/**
 * Hands out evidence under the package rules: those who act for an agency involved (sender or
 * recipient) see it; auditors and admins see everything, admin changes included.
 */
@ApplicationScoped
public class EvidenceService {

    @Inject
    Access access;

    @Inject
    EvidenceSealer sealer;

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource dataSource;

    /** The evidence of a package and of the packages that refer to it (statuses, revoke, update). */
    public List<EvidenceSummary> forPackage(UUID packageId) {
        Actor actor = access.actor();
        sealer.sealPending();
        List<RecordedEvidence> all = new ArrayList<>(EvidenceRecord.<EvidenceRecord>list(
                "packageId = ?1 or originalId = ?1 order by seq", packageId));
        all.addAll(PendingEvidence.<PendingEvidence>list("packageId = ?1 or originalId = ?1 order by id", packageId));
        if (all.isEmpty()) {
            throw new ProblemException(ErrorCode.PACKAGE_NOT_FOUND, "No package " + packageId);
        }
        List<EvidenceSummary> visible = all.stream().filter(r -> sees(actor, r)).map(this::summary).toList();
        if (visible.isEmpty()) {
            throw access.refuse(actor, "evidence.list", "package", packageId.toString(),
                    ErrorCode.NOT_AUTHORIZED_FOR_AGENCY, actor.name() + " acts for no agency this package involves");
        }
        return visible;
    }

    /** One evidence's signed XML, exactly as sealed. */
    public byte[] xml(long seq) {
        Actor actor = access.actor();
        sealer.sealPending();
        EvidenceRecord r = EvidenceRecord.find("seq", seq).firstResult();
        if (r == null) {
            throw new ProblemException(ErrorCode.EVIDENCE_NOT_FOUND, "No evidence " + seq);
        }
        if (!sees(actor, r)) {
            throw access.refuse(actor, "evidence.get", "evidence", Long.toString(seq), ErrorCode.NOT_AUTHORIZED_FOR_AGENCY,
                    actor.name() + " acts for no agency this evidence involves");
        }
        return r.xml;
    }

    /**
     * Sealed evidence matching the criteria, newest first: for auditors and admins, who read
     * everything. {@code agency}: an agency involved as sender, recipient or admin target.
     */
    public PageView<EvidenceSummary> search(EvidenceQuery q, Paging paging) {
        Actor actor = access.actor();
        if (!actor.readsEverything()) {
            throw access.refuse(actor, "evidence.search", "evidence", null, ErrorCode.NOT_AUTHORIZED,
                    "Only auditors and admins search the evidence");
        }
        sealer.sealPending();
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (q.event() != null) {
            where.append(" and event = ?");
            params.add(q.event().name());
        }
        if (q.agency() != null) {
            where.append(" and agencies @> array[?]::varchar(13)[]");
            params.add(q.agency());
        }
        if (q.packageId() != null) {
            where.append(" and (package_id = ? or original_id = ?)");
            params.add(q.packageId());
            params.add(q.packageId());
        }
        if (q.from() != null) {
            where.append(" and occurred_at >= ?");
            params.add(Timestamp.from(q.from().atStartOfDay(Now.VIETNAM).toInstant()));
        }
        if (q.to() != null) {
            where.append(" and occurred_at < ?");
            params.add(Timestamp.from(q.to().plusDays(1).atStartOfDay(Now.VIETNAM).toInstant()));
        }
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("select count(*) from evidence" + where)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<EvidenceSummary> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select seq, event, occurred_at, package_id, delivery_id, facts, "
                    + "sha256 from evidence" + where + " order by seq desc limit ? offset ?")) {
                List<Object> all = new ArrayList<>(params);
                all.add(paging.size());
                all.add((long) paging.page() * paging.size());
                bind(ps, all);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long seq = rs.getLong(1);
                        EvidenceFacts f = facts(rs.getString(6));
                        items.add(new EvidenceSummary(seq, EvidenceEvent.valueOf(rs.getString(2)),
                                rs.getTimestamp(3).toInstant(), rs.getObject(4, UUID.class), rs.getObject(5, UUID.class),
                                f.delivery() == null ? null : f.delivery().recipient(),
                                f.status() == null ? null : f.status().code(), rs.getString(7),
                                Map.of("xml", "/api/v1/evidence/" + seq)));
                    }
                }
            }
            return new PageView<>(items, paging.page(), paging.size(), total);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot search the evidence", e);
        }
    }

    /** Criteria of {@link #search}; each may be null. */
    public record EvidenceQuery(EvidenceEvent event, String agency, UUID packageId, LocalDate from, LocalDate to) {
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    /** A package's sealed evidence as far as the caller may see it, in chain order: what a receipt shows. */
    List<Sealed> sealedForPackage(UUID packageId) {
        forPackage(packageId); // same visibility rules, same refusals
        Actor actor = access.actor();
        return EvidenceRecord.<EvidenceRecord>list("packageId = ?1 or originalId = ?1 order by seq",
                packageId).stream().filter(r -> sees(actor, r)).map(r -> new Sealed(r.seq, r.sha256, facts(r.facts)))
                .toList();
    }

    record Sealed(long seq, String sha256, EvidenceFacts facts) {
    }

    private boolean sees(Actor actor, RecordedEvidence r) {
        return actor.readsEverything() || Arrays.stream(r.agencies).anyMatch(code -> access.sees(actor, code));
    }

    private EvidenceSummary summary(RecordedEvidence r) {
        EvidenceFacts f = facts(r.facts);
        EvidenceRecord sealed = r instanceof EvidenceRecord e ? e : null;
        return new EvidenceSummary(sealed == null ? null : sealed.seq, EvidenceEvent.valueOf(r.event), r.occurredAt,
                r.packageId, r.deliveryId, f.delivery() == null ? null : f.delivery().recipient(),
                f.status() == null ? null : f.status().code(), sealed == null ? null : sealed.sha256,
                sealed == null ? Map.of() : Map.of("xml", "/api/v1/evidence/" + sealed.seq));
    }

    EvidenceFacts facts(String text) {
        try {
            return json.readValue(text, EvidenceFacts.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Recorded evidence facts are unreadable", e);
        }
    }

    /**
     * One line of a package's evidence list. {@code sequence} and {@code sha256} are null while
     * the evidence waits to be sealed (milliseconds after its transaction).
     */
    public record EvidenceSummary(Long sequence, EvidenceEvent event, Instant occurredAt, UUID packageId,
                                  UUID deliveryId, String recipient, String statusCode, String sha256,
                                  Map<String, String> links) {
    }
}
