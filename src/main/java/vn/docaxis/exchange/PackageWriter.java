package vn.docaxis.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.docaxis.edxml.DocumentHeader;
import vn.docaxis.edxml.PackageKind;
import vn.docaxis.edxml.StatusCode;
import vn.docaxis.edxml.WireCode;
import vn.docaxis.platform.Ids;

/**
 * Stores an accepted package in one transaction: its bytes, its metadata, one delivery per
 * accepted recipient, and its effect on earlier deliveries (statuses, recall, update, replace).
 * Either all of it commits or none of it does.
 */
@ApplicationScoped
public class PackageWriter {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd");

    @Inject
    BlobStore blobs;

    @Inject
    ObjectMapper json;

    @Inject
    ExchangeEvidence evidence;

    @Inject
    AgroalDataSource dataSource;

    @Transactional
    public SubmissionResult persist(SubmissionPlan plan) {
        Instant now = plan.receivedAt();
        StoredPackage p = new StoredPackage();
        p.id = Ids.next();
        p.kind = plan.content().kind();
        p.senderCode = plan.sender();
        p.submittedBy = plan.actor().name();
        p.documentId = plan.documentId();
        p.businessType = plan.businessType();
        p.originalId = plan.originalId();
        p.sha256 = plan.body().sha256();
        p.size = plan.body().size();
        p.idempotencyKey = plan.idempotencyKey();
        p.verification = plan.verification().verdict();
        p.verificationReport = plan.verification().reportJson();
        p.receivedAt = now;
        describe(p, plan);
        p.blobId = blobs.store(plan.body().file(), plan.body().size(), plan.body().sha256());

        List<RecipientOutcome> outcomes = new ArrayList<>();
        List<Delivery> deliveries = new ArrayList<>();
        for (SubmissionPlan.Recipient r : plan.recipients()) {
            if (r.accepted()) {
                Delivery d = newDelivery(p, r.agencyCode(), now);
                deliveries.add(d);
                outcomes.add(RecipientOutcome.accepted(r.agencyCode(), d.id));
            } else {
                outcomes.add(r.refusal());
            }
        }
        UUID relatesTo = plan.status() == null ? null : plan.status().targetDelivery();
        SubmissionResult result = new SubmissionResult(p.id, p.kind, p.senderCode, p.documentId, p.businessType,
                p.statusCode, p.originalId, relatesTo, p.sha256, p.size, now, p.verification, List.copyOf(outcomes),
                Map.of("self", "/api/v1/packages/" + p.id, "verification", "/api/v1/packages/" + p.id + "/verification"),
                false);
        p.outcome = write(result);
        try (Connection c = dataSource.getConnection()) {
            insert(c, p); // unique violations (a concurrent twin) surface here, inside the transaction
            DeliveryRows.insert(c, deliveries);
            DeliveryRows.events(c, deliveries.stream().map(d -> d.id).toList(), now, DeliveryEventType.MADE_AVAILABLE,
                    plan.actor().name(), null);
            evidence.accepted(p, plan, deliveries);
            for (Delivery d : deliveries) {
                evidence.madeAvailable(p, d, plan.actor(), now);
            }
            applyEffects(c, plan, p, now);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store package " + p.id + ": " + e.getMessage(), e);
        }
        return result;
    }

    /**
     * The package row, in plain JDBC on the transaction's connection: with its deliveries and
     * their first events, three statements whatever the number of recipients.
     */
    private static void insert(Connection c, StoredPackage p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into package (id, kind, sender_code, submitted_by, document_id, business_type, original_id,
                                     code_number, code_notation, subject, promulgation_date, status_code, sha256, size,
                                     blob_id, idempotency_key, verification, verification_report, outcome, header, received_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?)""")) {
            ps.setObject(1, p.id);
            ps.setString(2, p.kind.name());
            ps.setString(3, p.senderCode);
            ps.setString(4, p.submittedBy);
            ps.setString(5, p.documentId);
            ps.setString(6, p.businessType == null ? null : p.businessType.name());
            ps.setObject(7, p.originalId, Types.OTHER);
            ps.setString(8, p.codeNumber);
            ps.setString(9, p.codeNotation);
            ps.setString(10, p.subject);
            ps.setObject(11, p.promulgationDate, Types.DATE);
            ps.setString(12, p.statusCode);
            ps.setString(13, p.sha256);
            ps.setLong(14, p.size);
            ps.setObject(15, p.blobId, Types.OTHER);
            ps.setString(16, p.idempotencyKey);
            ps.setString(17, p.verification);
            ps.setString(18, p.verificationReport);
            ps.setString(19, p.outcome);
            ps.setString(20, p.header);
            ps.setTimestamp(21, Timestamp.from(p.receivedAt));
            ps.executeUpdate();
        }
    }

    private void applyEffects(Connection c, SubmissionPlan plan, StoredPackage p, Instant now) throws SQLException {
        String actor = plan.actor().name();
        if (plan.status() != null) {
            Delivery target = lock(c, plan.status().targetDelivery());
            SubmissionPlan.StatusEffect s = plan.status();
            DeliveryEventType effect = applyStatus(target, s, now);
            DeliveryRows.update(c, target);
            DeliveryRows.events(c, List.of(target.id), now, effect, actor, s.code(), s.description(), p.id);
            evidence.statusEffect(p, target, plan.actor(), now, effect, s.code(), s.description());
        }
        for (UUID id : plan.recallFrom()) {
            Delivery d = lock(c, id);
            if (d.state != DeliveryState.RECALLED) {
                d.recallState = RecallState.REQUESTED;
                DeliveryRows.update(c, d);
                DeliveryRows.events(c, List.of(d.id), now, DeliveryEventType.RECALL_REQUESTED, actor, null, reason(plan), p.id);
                evidence.recallRequested(p, d, plan.actor(), now, reason(plan));
            }
        }
        if (plan.originalEvent() != null) {
            DeliveryRows.events(c, deliveriesOf(c, plan.originalId()), now, plan.originalEvent(), actor, null, reason(plan), p.id);
        }
    }

    /**
     * The third acknowledgement level: what the recipient agency (or, for 13, the sender) reports.
     * Changes {@code d} and says which step of its timeline that is.
     */
    private static DeliveryEventType applyStatus(Delivery d, SubmissionPlan.StatusEffect s, Instant now) {
        StatusCode code = WireCode.fromWire(StatusCode.class, s.code()).orElse(null);
        if (code == StatusCode.RECALL_REQUEST) {
            if (d.state != DeliveryState.RECALLED) {
                d.recallState = RecallState.REQUESTED;
            }
            return DeliveryEventType.RECALL_REQUESTED;
        }
        d.businessStatus = s.code();
        d.businessStatusAt = now;
        if (d.recallState == RecallState.REQUESTED && code == StatusCode.CHANGE_AGREED) {
            d.recallState = RecallState.AGREED;
            d.state = DeliveryState.RECALLED; // the recipient's copy is gone from the axis; its metadata stays
            return DeliveryEventType.RECALL_AGREED;
        } else if (d.recallState == RecallState.REQUESTED && code == StatusCode.CHANGE_REFUSED) {
            d.recallState = RecallState.REFUSED;
            return DeliveryEventType.RECALL_REFUSED;
        }
        return DeliveryEventType.STATUS;
    }

    /** An earlier delivery that a status or revoke changes: planned from a committed one, and none is ever deleted. */
    private static Delivery lock(Connection c, UUID id) throws SQLException {
        Delivery d = DeliveryRows.lock(c, id);
        if (d == null) {
            throw new IllegalStateException("Delivery " + id + " disappeared");
        }
        return d;
    }

    private static List<UUID> deliveriesOf(Connection c, UUID packageId) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id from delivery where package_id = ? order by id")) {
            ps.setObject(1, packageId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    private void describe(StoredPackage p, SubmissionPlan plan) {
        if (p.kind == PackageKind.DOCUMENT) {
            DocumentHeader h = plan.content().document();
            p.codeNumber = h.codeNumber();
            p.codeNotation = h.codeNotation();
            p.subject = h.subject();
            p.promulgationDate = date(h.promulgationDate());
            p.header = write(h);
        } else {
            p.statusCode = plan.content().status().statusCode();
            p.subject = plan.content().status().description();
            p.header = write(plan.content().status());
        }
    }

    private static Delivery newDelivery(StoredPackage p, String recipient, Instant now) {
        Delivery d = new Delivery();
        d.id = Ids.next();
        d.packageId = p.id;
        d.kind = p.kind;
        d.senderCode = p.senderCode;
        d.recipientCode = recipient;
        d.state = DeliveryState.PENDING;
        d.madeAvailableAt = now;
        return d;
    }

    private static String reason(SubmissionPlan plan) {
        DocumentHeader h = plan.content().document();
        return h == null || h.business() == null ? null : h.business().reason();
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
