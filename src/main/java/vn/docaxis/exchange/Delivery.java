package vn.docaxis.exchange;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import vn.docaxis.edxml.PackageKind;

/** One package addressed to one recipient agency: queued, fetched, acknowledged, recalled. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "package_id")
    public UUID packageId;

    @Enumerated(EnumType.STRING)
    public PackageKind kind;

    @Column(name = "sender_code")
    public String senderCode;

    @Column(name = "recipient_code")
    public String recipientCode;

    @Enumerated(EnumType.STRING)
    public DeliveryState state;

    @Column(name = "fail_count")
    public int failCount;

    @Column(name = "made_available_at")
    public Instant madeAvailableAt;

    @Column(name = "first_fetched_at")
    public Instant firstFetchedAt;

    @Column(name = "fetch_count")
    public int fetchCount;

    @Column(name = "acked_at")
    public Instant ackedAt;

    @Column(name = "business_status")
    public String businessStatus;

    @Column(name = "business_status_at")
    public Instant businessStatusAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "recall_state")
    public RecallState recallState;

    @Column(name = "overdue_at")
    public Instant overdueAt;

    @Version
    public long version;
}
