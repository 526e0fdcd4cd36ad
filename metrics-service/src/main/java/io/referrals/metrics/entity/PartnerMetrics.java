package io.referrals.metrics.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.referrals.events.PartnerCategory;
import io.referrals.events.PartnerStage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One partner as the numbers see it: its grouping attributes (as of the latest event that set them), its running
 * totals (changed only through {@link #addTotals}) and its dormancy. A row exists as soon as any event names the
 * partner; {@code known} turns true with the partner's own events.
 */
@Entity
@Table(name = "partner_metrics")
@IdClass(PartnerMetrics.Key.class)
public class PartnerMetrics extends PanacheEntityBase {
    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    @Column(name = "partner_id")
    public UUID partnerId;

    public boolean known;

    @Column(name = "partner_name")
    public String partnerName;

    @Enumerated(EnumType.STRING)
    public PartnerCategory category;

    /** Alliance types as {@code |a|b|}, so that one type is matched with {@code like '%|a|%'}. */
    @Column(name = "alliance_types")
    public String allianceTypes;

    @Enumerated(EnumType.STRING)
    public PartnerStage stage;

    public boolean archived;

    public boolean candidate;

    @Column(name = "cadence_days")
    public Integer cadenceDays;

    @Column(name = "agreement_id")
    public UUID agreementId;

    @Column(name = "attributes_at")
    public Instant attributesAt;

    @Column(name = "stage_at")
    public Instant stageAt;

    @Column(name = "archived_at")
    public Instant archivedAt;

    @Column(name = "referrals_received")
    public long referralsReceived;

    @Column(name = "referrals_converted")
    public long referralsConverted;

    @Column(name = "referrals_closed")
    public long referralsClosed;

    @Column(name = "referrals_given")
    public long referralsGiven;

    @Column(name = "first_referral_at")
    public Instant firstReferralAt;

    @Column(name = "last_referral_at")
    public Instant lastReferralAt;

    @Column(name = "last_given_on")
    public LocalDate lastGivenOn;

    /** Sum of days from receipt to conversion, for the average time to convert. */
    @Column(name = "days_to_convert_sum")
    public BigDecimal daysToConvertSum = BigDecimal.ZERO;

    /** Stored so that the leaderboard sorts on an index-friendly column; kept by {@link #addTotals}. */
    @Column(name = "conversion_rate")
    public BigDecimal conversionRate;

    @Column(name = "average_days_to_convert")
    public BigDecimal averageDaysToConvert;

    @Column(name = "referrals_booked")
    public long referralsBooked;

    /** Sum of days from receipt to the first consultation booked, for the average time to booking. */
    @Column(name = "days_to_book_sum")
    public BigDecimal daysToBookSum = BigDecimal.ZERO;

    @Column(name = "average_days_to_book")
    public BigDecimal averageDaysToBook;

    /** Received from minus given to the partner. */
    public long balance;

    /** Revenue in the partner's largest currency: what the leaderboard orders by. */
    @Column(name = "top_revenue")
    public BigDecimal topRevenue = BigDecimal.ZERO;

    @Column(name = "last_activity_at")
    public Instant lastActivityAt;

    @Column(name = "dormant_since")
    public Instant dormantSince;

    public List<String> allianceTypeList() {
        return allianceTypes == null
                ? List.of()
                : Arrays.stream(allianceTypes.split("\\|"))
                        .filter(t -> !t.isEmpty())
                        .toList();
    }

    public void allianceTypes(List<String> types) {
        allianceTypes = types == null || types.isEmpty()
                ? null
                : "|"
                        + String.join(
                                "|",
                                types.stream()
                                        .filter(Objects::nonNull)
                                        .sorted()
                                        .distinct()
                                        .toList()) + "|";
    }

    public void addTotals(
            long received,
            long converted,
            long closed,
            long given,
            BigDecimal daysToConvert,
            long booked,
            BigDecimal daysToBook) {
        referralsReceived += received;
        referralsConverted += converted;
        referralsClosed += closed;
        referralsGiven += given;
        daysToConvertSum = daysToConvertSum.add(daysToConvert);
        balance = referralsReceived - referralsGiven;
        conversionRate = referralsReceived == 0
                ? null
                : BigDecimal.valueOf(referralsConverted)
                        .divide(BigDecimal.valueOf(referralsReceived), 4, RoundingMode.HALF_EVEN);
        averageDaysToConvert = referralsConverted == 0
                ? null
                : daysToConvertSum.divide(BigDecimal.valueOf(referralsConverted), 1, RoundingMode.HALF_EVEN);
        referralsBooked += booked;
        daysToBookSum = daysToBookSum.add(daysToBook);
        averageDaysToBook = referralsBooked == 0
                ? null
                : daysToBookSum.divide(BigDecimal.valueOf(referralsBooked), 1, RoundingMode.HALF_EVEN);
    }

    public void recordActivity(Instant at) {
        if (at != null && (lastActivityAt == null || at.isAfter(lastActivityAt))) {
            lastActivityAt = at;
        }
    }

    /** Primary key: the practice and the partner. */
    public static class Key implements Serializable {
        public String tenantId;
        public UUID partnerId;

        public Key() {}

        public Key(String tenantId, UUID partnerId) {
            this.tenantId = tenantId;
            this.partnerId = partnerId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(tenantId, key.tenantId)
                    && Objects.equals(partnerId, key.partnerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, partnerId);
        }
    }
}
