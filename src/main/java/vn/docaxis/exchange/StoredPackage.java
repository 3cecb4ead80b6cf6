package vn.docaxis.exchange;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.docaxis.edxml.BusinessDocType;
import vn.docaxis.edxml.PackageKind;

/** A package the axis accepted: its metadata; the bytes are in the {@link BlobStore}. */
@Entity
@Table(name = "package")
public class StoredPackage extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public PackageKind kind;

    @Column(name = "sender_code")
    public String senderCode;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "document_id")
    public String documentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "business_type")
    public BusinessDocType businessType;

    @Column(name = "original_id")
    public UUID originalId;

    @Column(name = "code_number")
    public String codeNumber;

    @Column(name = "code_notation")
    public String codeNotation;

    public String subject;

    @Column(name = "promulgation_date")
    public LocalDate promulgationDate;

    @Column(name = "status_code")
    public String statusCode;

    public String sha256;

    public long size;

    @Column(name = "blob_id")
    public UUID blobId;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    public String verification;

    // The three JSON documents are read only by a package's own views and replays; loaded on first
    // use (together), so that fetches, acknowledgements and statuses do not read and parse them.

    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "verification_report")
    public String verificationReport;

    /** The submission's answer (JSON), replayed to a resubmission of the same bytes. */
    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.JSON)
    public String outcome;

    /** The parsed header (JSON). */
    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.JSON)
    public String header;

    @Column(name = "received_at")
    public Instant receivedAt;
}
