package vn.docaxis.evidence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One evidence: its facts from the start, its place in the chain and signed XML once sealed.
 * Read through Hibernate; written by {@link EvidenceLog} (one JDBC batch per transaction) and
 * {@link EvidenceSealer}, so the database assigns {@code id}.
 */
@Entity
@Table(name = "evidence")
public class EvidenceRecord extends PanacheEntityBase {

    @Id
    public Long id;

    public Long seq;

    @Column(nullable = false)
    public String event;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "package_id")
    public UUID packageId;

    @Column(name = "original_id")
    public UUID originalId;

    @Column(name = "delivery_id")
    public UUID deliveryId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] agencies;

    /** {@link EvidenceFacts} as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String facts;

    public byte[] xml;

    public String sha256;

    @Column(name = "sealed_at")
    public Instant sealedAt;
}
