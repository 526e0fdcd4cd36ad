package io.referrals.referral.entity;

import io.referrals.events.ReferralStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One dated step of an inbound referral's lifecycle; the first one is its receipt. */
@Entity
@Table(name = "referral_status_change")
public class StatusChange extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ReferralStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public ReferralStatus toStatus;

    public String note;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public static List<StatusChange> history(String tenantId, UUID referralId) {
        return list("tenantId = ?1 and referralId = ?2 order by changedAt, id", tenantId, referralId);
    }
}
