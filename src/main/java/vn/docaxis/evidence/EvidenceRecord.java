package vn.docaxis.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** One evidence in the chain: its facts, its place, and the signed XML it was sealed as. */
@Entity
@Table(name = "evidence")
public class EvidenceRecord extends RecordedEvidence {

    @Column(nullable = false)
    public Long seq;

    @Column(nullable = false)
    public byte[] xml;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "sealed_at", nullable = false)
    public Instant sealedAt;
}
