package vn.docaxis.exchange;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.docaxis.edxml.PackageKind;

/**
 * What a submission reads before anything is written: earlier packages of the same sender and
 * DocumentId, the document a revoke, update, replacement or status refers to, and its deliveries.
 * Every submission makes these reads, so they are plain JDBC, one statement each.
 */
@ApplicationScoped
class SubmissionReads {

    @Inject
    AgroalDataSource dataSource;

    /**
     * What the sender already sent under this DocumentId, as one look-up.
     *
     * @param sameId the package with these very bytes (a resubmission), or null
     * @param sameOutcome its stored answer, replayed to the caller
     * @param sentAsNew whether a new document (BussinessDocType 0) with this DocumentId is stored
     */
    record Earlier(UUID sameId, String sameOutcome, boolean sentAsNew) {
    }

    Earlier earlier(PackageKind kind, String sender, String documentId, String sha256) {
        return read("""
                select id, sha256 = ?, business_type, case when sha256 = ? then outcome::text end
                from package where kind = ? and sender_code = ? and document_id = ?""", ps -> {
            ps.setString(1, sha256);
            ps.setString(2, sha256);
            ps.setString(3, kind.name());
            ps.setString(4, sender);
            ps.setString(5, documentId);
        }, rs -> {
            UUID sameId = null;
            String sameOutcome = null;
            boolean sentAsNew = false;
            while (rs.next()) {
                if (rs.getBoolean(2)) {
                    sameId = rs.getObject(1, UUID.class);
                    sameOutcome = rs.getString(4);
                }
                sentAsNew |= "NEW".equals(rs.getString(3));
            }
            return new Earlier(sameId, sameOutcome, sentAsNew);
        });
    }

    /** The package a system stored under an Idempotency-Key. */
    record Keyed(UUID id, String sha256, String outcome) {
    }

    Optional<Keyed> byIdempotencyKey(String submittedBy, String key) {
        return read("select id, sha256, outcome::text from package where submitted_by = ? and idempotency_key = ?", ps -> {
            ps.setString(1, submittedBy);
            ps.setString(2, key);
        }, rs -> rs.next() ? Optional.of(new Keyed(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                : Optional.empty());
    }

    /** The first of {@code candidates} (in their order) that names a new document of {@code sender}. */
    Optional<UUID> newDocument(String sender, List<String> candidates) {
        Map<String, UUID> found = read("""
                select document_id, id from package
                where kind = 'DOCUMENT' and business_type = 'NEW' and sender_code = ? and document_id = any(?)""", ps -> {
            ps.setString(1, sender);
            ps.setArray(2, ps.getConnection().createArrayOf("varchar", candidates.toArray()));
        }, rs -> {
            Map<String, UUID> byDocumentId = new HashMap<>();
            while (rs.next()) {
                byDocumentId.put(rs.getString(1), rs.getObject(2, UUID.class));
            }
            return byDocumentId;
        });
        return candidates.stream().filter(found::containsKey).findFirst().map(found::get);
    }

    /** A package's deliveries by recipient, oldest first. */
    Map<String, UUID> deliveriesByRecipient(UUID packageId) {
        return read("select recipient_code, id from delivery where package_id = ? order by id",
                ps -> ps.setObject(1, packageId), rs -> {
                    Map<String, UUID> byRecipient = new LinkedHashMap<>();
                    while (rs.next()) {
                        byRecipient.put(rs.getString(1), rs.getObject(2, UUID.class));
                    }
                    return byRecipient;
                });
    }

    /** A delivery a status may be about: its document (package) and whether a recall waits on it. */
    record Target(UUID deliveryId, UUID packageId, RecallState recallState) {
    }

    /**
     * The deliveries to {@code recipient} of the documents {@code sender} sent under
     * {@code documentId}: the original document's first, then its updates and replacements.
     */
    List<Target> deliveriesOf(String sender, String documentId, String recipient) {
        return read("""
                select d.id, d.package_id, d.recall_state from delivery d join package p on p.id = d.package_id
                where p.kind = 'DOCUMENT' and p.sender_code = ? and p.document_id = ? and d.recipient_code = ?
                order by d.id""", ps -> {
            ps.setString(1, sender);
            ps.setString(2, documentId);
            ps.setString(3, recipient);
        }, rs -> {
            List<Target> targets = new ArrayList<>();
            while (rs.next()) {
                String recall = rs.getString(3);
                targets.add(new Target(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        recall == null ? null : RecallState.valueOf(recall)));
            }
            return targets;
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T read(String sql, Binder binder, Reader<T> reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read what the submission depends on: " + e.getMessage(), e);
        }
    }
}
