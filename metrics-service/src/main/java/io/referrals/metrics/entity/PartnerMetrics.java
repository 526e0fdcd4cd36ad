package io.referrals.metrics.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.referrals.events.PartnerCategory;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/** Running referral totals of one partner. */
@Entity
@Table(name = "partner_metrics")
public class PartnerMetrics extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    @Column(name = "partner_name")
    public String partnerName;

    @Enumerated(EnumType.STRING)
    public PartnerCategory category;

    @Column(name = "referrals_received")
    public long referralsReceived;

    @Column(name = "referrals_converted")
    public long referralsConverted;

    @Column(name = "first_referral_at")
    public Instant firstReferralAt;

    @Column(name = "last_referral_at")
    public Instant lastReferralAt;

    @Column(name = "days_to_convert_sum")
    public BigDecimal daysToConvertSum;

    /** Converted over received, 0 to 1; null before the first referral. */
    public BigDecimal conversionRate() {
        return referralsReceived == 0
                ? null
                : BigDecimal.valueOf(referralsConverted)
                        .divide(BigDecimal.valueOf(referralsReceived), 4, RoundingMode.HALF_EVEN);
    }

    /** Average days from receipt to conversion; null before the first conversion. */
    public BigDecimal averageDaysToConvert() {
        return referralsConverted == 0
                ? null
                : daysToConvertSum.divide(BigDecimal.valueOf(referralsConverted), 1, RoundingMode.HALF_EVEN);
    }

    @Embeddable
    public record Key(@Column(name = "tenant_id") String tenantId, @Column(name = "partner_id") UUID partnerId)
            implements Serializable {
    }
}
