package vn.docaxis.exchange;

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
import java.util.UUID;

/** One step in a delivery's timeline. */
@Entity
@Table(name = "delivery_event")
public class DeliveryEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "delivery_id")
    public UUID deliveryId;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Enumerated(EnumType.STRING)
    public DeliveryEventType type;

    @Column(name = "status_code")
    public String statusCode;

    public String description;

    public String actor;

    @Column(name = "package_id")
    public UUID packageId;
}
