package vn.docaxis.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    public enum Outcome {
        DONE, REFUSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String actor;

    @Column(name = "actor_kind")
    public String actorKind;

    public String action;

    @Column(name = "target_type")
    public String targetType;

    @Column(name = "target_id")
    public String targetId;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    public String code;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> detail;

    @Column(name = "remote_addr")
    public String remoteAddr;
}
