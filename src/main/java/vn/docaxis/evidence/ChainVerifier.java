package vn.docaxis.evidence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import vn.docaxis.platform.Certificates;
import vn.docaxis.platform.Now;

/**
 * Recomputes the chain from its stored bytes alone: every evidence's signature, sequence and link
 * to the previous one's hash, then every checkpoint (and any the caller kept) against the chain.
 * It stops at the first broken link and says where and why.
 */
@ApplicationScoped
public class ChainVerifier {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EvidenceSealer sealer;

    @Inject
    Checkpoints checkpoints;

    /**
     * @param kept checkpoints the auditor kept from earlier (signed XML), checked like the stored ones
     */
    public ChainReport verify(List<byte[]> kept) {
        sealer.sealPending();
        Set<String> keys = axisFingerprints();
        List<Claim> claims = new ArrayList<>();
        String previousCheckpoint = EvidenceXml.GENESIS;
        for (Checkpoints.Checkpoint c : checkpoints.all()) {
            Claim claim = claim("checkpoint " + c.number(), c.xml(), keys);
            if (claim.problem == null && !previousCheckpoint.equals(claim.previousCheckpointHash)) {
                claim.problem = "its previous-checkpoint hash does not match checkpoint " + (c.number() - 1);
            }
            previousCheckpoint = Certificates.sha256(c.xml());
            claims.add(claim);
        }
        for (int i = 0; i < kept.size(); i++) {
            claims.add(claim("kept checkpoint " + (i + 1), kept.get(i), keys));
        }
        for (Claim claim : claims) {
            if (claim.problem != null) {
                return ChainReport.broken(null, "CHECKPOINT_INVALID", claim.name + ": " + claim.problem, 0, null, claims.size());
            }
        }
        Map<Long, List<Claim>> bySeq = new HashMap<>();
        claims.forEach(k -> bySeq.computeIfAbsent(k.lastSequence, s -> new ArrayList<>()).add(k));
        long expected = 1;
        String previous = EvidenceXml.GENESIS;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // a cursor, not the whole chain in memory
            try (PreparedStatement ps = c.prepareStatement(
                    "select seq, xml from evidence where seq is not null order by seq")) {
                ps.setFetchSize(200);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long seq = rs.getLong(1);
                        byte[] xml = rs.getBytes(2);
                        if (seq != expected) {
                            return ChainReport.broken(expected, "EVIDENCE_MISSING", "evidence " + expected
                                    + " is missing: the chain jumps from " + (expected - 1) + " to " + seq, expected - 1,
                                    previous, claims.size());
                        }
                        String problem = check(xml, seq, previous, keys);
                        if (problem != null) {
                            String code = problem.startsWith("link:") ? "LINK_BROKEN" : "EVIDENCE_INVALID";
                            return ChainReport.broken(seq, code, "evidence " + seq + ": " + problem.replace("link: ", ""),
                                    seq - 1, previous, claims.size());
                        }
                        previous = Certificates.sha256(xml);
                        for (Claim k : bySeq.getOrDefault(seq, List.of())) {
                            if (!previous.equals(k.lastHash) || k.count != seq) {
                                return ChainReport.broken(seq, "CHECKPOINT_MISMATCH", k.name + " states evidence " + seq
                                        + " with hash " + k.lastHash + " and count " + k.count + "; the chain has "
                                        + previous, seq, previous, claims.size());
                            }
                        }
                        expected++;
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the evidence chain: " + e.getMessage(), e);
        }
        long last = expected - 1;
        for (Claim k : claims) {
            if (k.lastSequence > last) {
                return ChainReport.broken(last + 1, "TAIL_MISSING", k.name + " states " + k.count + " evidences up to "
                        + k.lastSequence + ", but the chain ends at " + last, last, previous, claims.size());
            }
        }
        return new ChainReport(true, last, last == 0 ? null : previous, claims.size(), null, Now.instant());
    }

    private static String check(byte[] xml, long seq, String previous, Set<String> keys) {
        try {
            Document doc = SignedXml.parse(xml);
            SignedXml.verify(doc, keys);
            String stated = SignedXml.child(doc, "Sequence");
            if (!Long.toString(seq).equals(stated)) {
                return "it states sequence " + stated;
            }
            String link = SignedXml.child(doc, "PreviousHash");
            if (!previous.equals(link)) {
                return "link: its previous hash " + link + " is not the hash of evidence " + (seq - 1) + " (" + previous + ")";
            }
            return null;
        } catch (SignedXml.CheckFailed e) {
            return e.getMessage();
        }
    }

    private static Claim claim(String name, byte[] xml, Set<String> keys) {
        Claim claim = new Claim(name);
        try {
            Document doc = SignedXml.parse(xml);
            if (!"Checkpoint".equals(doc.getDocumentElement().getLocalName())
                    || !EvidenceXml.NS.equals(doc.getDocumentElement().getNamespaceURI())) {
                throw new SignedXml.CheckFailed("not a docaxis checkpoint");
            }
            SignedXml.verify(doc, keys);
            claim.lastSequence = Long.parseLong(SignedXml.child(doc, "LastSequence"));
            claim.lastHash = SignedXml.child(doc, "LastHash");
            claim.count = Long.parseLong(SignedXml.child(doc, "Count"));
            claim.previousCheckpointHash = SignedXml.child(doc, "PreviousCheckpointHash");
        } catch (SignedXml.CheckFailed e) {
            claim.problem = e.getMessage();
        } catch (NumberFormatException | NullPointerException e) {
            claim.problem = "it lacks a sequence, hash or count";
        }
        return claim;
    }

    private Set<String> axisFingerprints() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select fingerprint from evidence_key");
             ResultSet rs = ps.executeQuery()) {
            Set<String> out = new HashSet<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the axis keys: " + e.getMessage(), e);
        }
    }

    private static final class Claim {
        final String name;
        long lastSequence;
        String lastHash;
        long count;
        String previousCheckpointHash;
        String problem;

        Claim(String name) {
            this.name = name;
        }
    }

    /**
     * The outcome. {@code intact} with the head when every link holds; otherwise the first broken
     * link: the sequence where it breaks, a stable {@code code} and what was found.
     */
    public record ChainReport(boolean intact, long verifiedUpTo, String lastHash, int checkpointsChecked,
                              Broken firstBroken, Instant checkedAt) {

        static ChainReport broken(Long seq, String code, String detail, long verifiedUpTo, String lastHash,
                                  int checkpoints) {
            return new ChainReport(false, verifiedUpTo, lastHash, checkpoints, new Broken(seq, code, detail), Now.instant());
        }
    }

    public record Broken(Long sequence, String code, String detail) {
    }
}
