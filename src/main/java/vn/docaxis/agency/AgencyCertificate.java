package vn.docaxis.agency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A signing certificate bound to an agency by its SHA-256 fingerprint (see SIGNATURES.md, policy 3). */
@Entity
@Table(name = "agency_certificate")
public class AgencyCertificate extends PanacheEntityBase {

    @Id
    public String fingerprint;

    @Column(name = "agency_code")
    public String agencyCode;

    public String subject;

    public String issuer;

    @Column(name = "serial_number")
    public String serialNumber;

    @Column(name = "not_before")
    public Instant notBefore;

    @Column(name = "not_after")
    public Instant notAfter;

    @Column(name = "registered_at")
    public Instant registeredAt;

    @Column(name = "registered_by")
    public String registeredBy;

    /** The certificate as registered (DER). */
    public byte[] der;
}
