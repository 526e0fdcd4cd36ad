package io.referrals.referral.entity;

import io.referrals.events.ReferralStatus;
import io.referrals.platform.history.HistoryEntry;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** One dated step of an inbound referral's lifecycle; the first one is its receipt. */
@Entity
@Table(name = "referral_status_change")
@AttributeOverride(name = "subjectId", column = @Column(name = "referral_id", nullable = false, updatable = false))
public class StatusChange extends HistoryEntry {
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ReferralStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public ReferralStatus toStatus;

    /** The step from {@code from} (null for the receipt) to the referral's current status. */
    public static StatusChange of(Referral referral, ReferralStatus from, String note, Instant at) {
        StatusChange change = new StatusChange();
        change.fill(referral.tenantId, referral.id, note, at);
        change.fromStatus = from;
        change.toStatus = referral.status;
        return change;
    }
}
