package vn.docaxis.evidence;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.w3c.dom.Document;
import vn.docaxis.platform.Certificates;
import vn.docaxis.platform.Now;

/**
 * Recomputes the chain from its stored bytes alone: every evidence's signature, sequence and link
 * to the previous one's hash, then every checkpoint (and any the caller kept) against the chain.
 * It stops at the first broken link and says where and why. Signatures are checked on every core
 * in batches read ahead of the walk that follows the links in order. Each batch is read by a
 * statement of its own: a verification of a long chain takes hours, and one transaction open that
 * long would keep PostgreSQL from vacuuming any table meanwhile (sealed evidence never changes, so
 * reading it in pieces sees the same chain).
 */
@ApplicationScoped
public class ChainVerifier {

    private static final int BATCH = 256;
    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static final int IN_FLIGHT = 2 * THREADS;

    private volatile int batchSize = BATCH;

    private static final Runnable NOTHING = () -> {
    };

    private volatile Runnable afterRead = NOTHING;

    private final ExecutorService checkers = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "chain-verifier");
        t.setDaemon(true);
        return t;
    });

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
        Walk walk = new Walk(bySeq, claims.size());
        Deque<Future<List<Checked>>> inFlight = new ArrayDeque<>();
        try {
            ChainReport broken = follow(keys, walk, inFlight);
            if (broken != null) {
                return broken;
            }
        } finally {
            inFlight.forEach(f -> f.cancel(true));
        }
        long last = walk.expected - 1;
        for (Claim k : claims) {
            if (k.lastSequence > last) {
                return ChainReport.broken(last + 1, "TAIL_MISSING", k.name + " states " + k.count + " evidences up to "
                        + k.lastSequence + ", but the chain ends at " + last, last, walk.previous, claims.size());
            }
        }
        return new ChainReport(true, last, last == 0 ? null : walk.previous, claims.size(), null, Now.instant());
    }

    /**
     * Reads the chain in batches and hands each to the checkers; the walk follows the checked
     * batches in order, a few behind the reading, so that little waits in memory.
     */
    private ChainReport follow(Set<String> keys, Walk walk, Deque<Future<List<Checked>>> inFlight) {
        int size = batchSize;
        long after = 0;
        List<Row> batch;
        do {
            batch = rowsAfter(after, size);
            afterRead.run();
            if (batch.isEmpty()) {
                break;
            }
            after = batch.get(batch.size() - 1).seq;
            inFlight.add(check(batch, keys));
            if (inFlight.size() > IN_FLIGHT) {
                ChainReport broken = walk.follow(take(inFlight.poll()));
                if (broken != null) {
                    return broken;
                }
            }
        } while (batch.size() == size);
        while (!inFlight.isEmpty()) {
            ChainReport broken = walk.follow(take(inFlight.poll()));
            if (broken != null) {
                return broken;
            }
        }
        return null;
    }

    /** Up to {@code limit} evidences after sequence {@code seq}, in order; the connection goes back at once. */
    private List<Row> rowsAfter(long seq, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select seq, xml from evidence where seq > ? order by seq limit ?")) {
            ps.setLong(1, seq);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<Row> rows = new ArrayList<>(limit);
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getBytes(2)));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the evidence chain: " + e.getMessage(), e);
        }
    }

    private Future<List<Checked>> check(List<Row> rows, Set<String> keys) {
        return checkers.submit(() -> checkAll(rows, keys));
    }

    @PreDestroy
    void stop() {
        checkers.shutdownNow();
    }

    /** Tests make batches small, so that a short chain crosses many of them. */
    void batchSize(int size) {
        batchSize = size < 1 ? BATCH : size;
    }

    /** Runs after each read of a batch (null: nothing); tests look at what the verification holds then. */
    void afterRead(Runnable hook) {
        afterRead = hook == null ? NOTHING : hook;
    }

    private static List<Checked> take(Future<List<Checked>> batch) {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Chain verification interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot check an evidence: " + e.getCause(), e.getCause());
        }
    }

    private static List<Checked> checkAll(List<Row> rows, Set<String> keys) {
        List<Checked> out = new ArrayList<>(rows.size());
        for (Row row : rows) {
            out.add(check(row.xml, row.seq, keys));
        }
        return out;
    }

    /** Everything about one evidence that does not depend on its neighbours. */
    private static Checked check(byte[] xml, long seq, Set<String> keys) {
        String hash = Certificates.sha256(xml);
        try {
            Document doc = SignedXml.parse(xml);
            SignedXml.verify(doc, keys);
            String stated = SignedXml.child(doc, "Sequence");
            if (!Long.toString(seq).equals(stated)) {
                return new Checked(seq, "it states sequence " + stated, null, hash);
            }
            return new Checked(seq, null, SignedXml.child(doc, "PreviousHash"), hash);
        } catch (SignedXml.CheckFailed e) {
            return new Checked(seq, e.getMessage(), null, hash);
        }
    }

    private record Row(long seq, byte[] xml) {
    }

    private record Checked(long seq, String problem, String link, String hash) {
    }

    /** The in-order part: sequence without gaps, each link to the previous hash, the claims on the way. */
    private static final class Walk {
        final Map<Long, List<Claim>> bySeq;
        final int claims;
        long expected = 1;
        String previous = EvidenceXml.GENESIS;

        Walk(Map<Long, List<Claim>> bySeq, int claims) {
            this.bySeq = bySeq;
            this.claims = claims;
        }

        ChainReport follow(List<Checked> batch) {
            for (Checked e : batch) {
                long seq = e.seq;
                if (seq != expected) {
                    return ChainReport.broken(expected, "EVIDENCE_MISSING", "evidence " + expected
                            + " is missing: the chain jumps from " + (expected - 1) + " to " + seq, expected - 1,
                            previous, claims);
                }
                if (e.problem != null) {
                    return ChainReport.broken(seq, "EVIDENCE_INVALID", "evidence " + seq + ": " + e.problem, seq - 1,
                            previous, claims);
                }
                if (!previous.equals(e.link)) {
                    return ChainReport.broken(seq, "LINK_BROKEN", "evidence " + seq + ": its previous hash " + e.link
                            + " is not the hash of evidence " + (seq - 1) + " (" + previous + ")", seq - 1, previous, claims);
                }
                previous = e.hash;
                for (Claim k : bySeq.getOrDefault(seq, List.of())) {
                    if (!previous.equals(k.lastHash) || k.count != seq) {
                        return ChainReport.broken(seq, "CHECKPOINT_MISMATCH", k.name + " states evidence " + seq
                                + " with hash " + k.lastHash + " and count " + k.count + "; the chain has "
                                + previous, seq, previous, claims);
                    }
                }
                expected++;
            }
            return null;
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
