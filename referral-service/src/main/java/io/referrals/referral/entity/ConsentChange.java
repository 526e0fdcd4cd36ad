package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.referrals.events.Consent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One dated consent of a referred person; the first one is what they allowed when referred. */
@Entity
@Table(name = "referral_consent_change")
public class ConsentChange extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Consent consent;

    public String note;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public static List<ConsentChange> history(String tenantId, UUID referralId) {
        return list("tenantId = ?1 and referralId = ?2 order by changedAt, id", tenantId, referralId);
    }
}
