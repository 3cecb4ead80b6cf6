package vn.docaxis.signature;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A trust anchor or an intermediate CA certificate. */
@Entity
@Table(name = "trust_certificate")
public class TrustCertificate extends PanacheEntityBase {

    @Id
    public String fingerprint;

    /** ANCHOR or INTERMEDIATE. */
    public String kind;

    public String subject;

    public String issuer;

    @Column(name = "serial_number")
    public String serialNumber;

    @Column(name = "not_before")
    public Instant notBefore;

    @Column(name = "not_after")
    public Instant notAfter;

    public byte[] der;

    /** API or DIRECTORY. */
    public String source;

    @Column(name = "added_at")
    public Instant addedAt;

    @Column(name = "added_by")
    public String addedBy;
}
