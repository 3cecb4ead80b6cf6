package vn.docaxis.evidence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What every evidence states from the moment it is recorded: waiting to be sealed
 * ({@link PendingEvidence}) or in the chain ({@link EvidenceRecord}). Read through Hibernate;
 * written by {@link EvidenceLog} (one JDBC batch per transaction) and moved by
 * {@link EvidenceSealer}, so the database assigns {@code id}, the order of recording.
 */
@MappedSuperclass
public abstract class RecordedEvidence extends PanacheEntityBase {

    @Id
    public Long id;

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
}
