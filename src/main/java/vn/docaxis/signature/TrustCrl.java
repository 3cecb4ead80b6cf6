package vn.docaxis.signature;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A certificate revocation list, verified against its issuer when it was added. */
@Entity
@Table(name = "trust_crl")
public class TrustCrl extends PanacheEntityBase {

    @Id
    public String fingerprint;

    public String issuer;

    @Column(name = "crl_number")
    public String crlNumber;

    @Column(name = "this_update")
    public Instant thisUpdate;

    @Column(name = "next_update")
    public Instant nextUpdate;

    @Column(name = "revoked_count")
    public int revokedCount;

    public byte[] der;

    /** API, DIRECTORY or FETCHED. */
    public String source;

    @Column(name = "distribution_point")
    public String distributionPoint;

    @Column(name = "added_at")
    public Instant addedAt;

    @Column(name = "added_by")
    public String addedBy;
}
