package io.referrals.referral.entity;

import io.referrals.events.Consent;
import io.referrals.platform.history.HistoryEntry;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** One dated consent of a referred person; the first one is what they allowed when referred. */
@Entity
@Table(name = "referral_consent_change")
@AttributeOverride(name = "subjectId", column = @Column(name = "referral_id", nullable = false, updatable = false))
public class ConsentChange extends HistoryEntry {
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Consent consent;

    /** The referral's consent as it now stands. */
    public static ConsentChange of(Referral referral, String note, Instant at) {
        ConsentChange change = new ConsentChange();
        change.fill(referral.tenantId, referral.id, note, at);
        change.consent = referral.consent;
        return change;
    }
}
