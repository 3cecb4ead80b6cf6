package vn.docaxis.system;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One installation of document-management software, with its credentials and scope. */
@Entity
@Table(name = "connected_system")
public class ConnectedSystem extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    /** ACTIVE or DISABLED. */
    public String status;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] agencies;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] subtrees;

    @Column(name = "agency_admin")
    public boolean agencyAdmin;

    /** The secret sealed by the master key; see {@link vn.docaxis.platform.SecretBox}. */
    @Column(name = "secret_sealed")
    public byte[] secretSealed;

    @Column(name = "secret_rotated_at")
    public Instant secretRotatedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
