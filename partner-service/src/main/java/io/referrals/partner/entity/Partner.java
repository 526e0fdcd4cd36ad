package io.referrals.partner.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.referrals.events.PartnerCategory;
import io.referrals.events.PartnerStage;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Someone who sends, or could send, clients to the practice. A referral <em>source</em> until an agreement is
 * active, then a referral <em>partner</em>.
 */
@Entity
@Table(name = "partner")
public class Partner extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(nullable = false)
    public String name;

    public String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartnerCategory category;

    public String organization;

    /** Role or profession, e.g. "Licensed therapist". */
    public String role;

    /** Whether the profession is licensed; licensing boards restrict referral fees. */
    public boolean licensed;

    public String phone;

    public String website;

    public String notes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> tags = new ArrayList<>();

    /** The clients the partner serves, in the practice's own words (compared with its ideal referral). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> niches = new ArrayList<>();

    /** What the partner specialises in, in their own words (the portal's profile); scored for fit with the niches. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> specialties = new ArrayList<>();

    /** When the partner last changed their own details in the portal. */
    @Column(name = "profile_updated_by_partner_at")
    public Instant profileUpdatedByPartnerAt;

    /** {@link AllianceType} names. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "alliance_types", columnDefinition = "text[]")
    public List<String> allianceTypes = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartnerStage stage = PartnerStage.IDENTIFIED;

    /** The practice user responsible for the relationship. */
    public String owner;

    /** Overrides the practice's default check-in cadence for this partner. */
    @Column(name = "check_in_cadence_days")
    public Integer checkInCadenceDays;

    /** Created from a referral by someone not yet known: the best candidate to become a partner. */
    public boolean candidate;

    @Column(name = "candidate_referral_id")
    public UUID candidateReferralId;

    /** Set when something happened that the practice should look at, e.g. a referral from an ended partner. */
    @Column(name = "needs_review")
    public boolean needsReview;

    @Column(name = "active_agreement_id")
    public UUID activeAgreementId;

    @Column(name = "fit_score")
    public Integer fitScore;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "fit_reasons", columnDefinition = "text[]")
    public List<String> fitReasons = new ArrayList<>();

    @Column(name = "last_touchpoint_at")
    public Instant lastTouchpointAt;

    /** When the partner's latest referral was seen; null until one is (campaign audiences filter on it). */
    @Column(name = "last_referral_at")
    public Instant lastReferralAt;

    @Column(name = "next_check_in_due")
    public Instant nextCheckInDue;

    @Column(name = "archived_at")
    public Instant archivedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** For JPA; new partners come from {@link #create} and {@link #candidate}. */
    protected Partner() {}

    private Partner(String tenantId, UUID id, PartnerCategory category, PartnerStage stage, Instant now) {
        this.id = id;
        this.tenantId = tenantId;
        this.category = category;
        this.stage = stage;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A new partner of the practice, not stored yet; the details the practice knows are set on it next. */
    public static Partner create(
            String tenantId, String name, PartnerCategory category, PartnerStage stage, Instant now) {
        Partner partner = new Partner(tenantId, UUID.randomUUID(), category, stage, now);
        partner.name = name.strip();
        return partner;
    }

    /**
     * Someone who sent a referral before the practice knew them: a source in stage identified, under the id
     * referral-service gave them so that both services agree.
     */
    public static Partner candidate(String tenantId, UUID id, String name, String email, UUID referralId, Instant now) {
        Partner partner = new Partner(tenantId, id, PartnerCategory.UNCATEGORIZED, PartnerStage.IDENTIFIED, now);
        partner.name = name;
        partner.email = email;
        partner.candidate = true;
        partner.candidateReferralId = referralId;
        return partner;
    }

    /** A referral of the partner's was received at {@code at}; an older one seen late leaves the latest. */
    public void referralSeen(Instant at) {
        if (at != null && (lastReferralAt == null || at.isAfter(lastReferralAt))) {
            lastReferralAt = at;
        }
    }

    public boolean isArchived() {
        return archivedAt != null;
    }

    /** An archived partner is read-only until restored. */
    public void rejectIfArchived() {
        if (isArchived()) {
            throw new ProblemException(Problem.of(
                    409, "partner-archived", "Partner is archived", "Restore the partner before changing it."));
        }
    }

    /** Source until an agreement is active, then partner. */
    public Relationship relationship() {
        return activeAgreementId == null ? Relationship.SOURCE : Relationship.PARTNER;
    }

    /** Fit and next check-in follow from the partner and the practice profile; recomputed whenever either changes. */
    public void refreshDerived(Practice practice) {
        FitScorer.Fit fit = FitScorer.score(practice.niches, served(), category);
        fitScore = fit.score();
        fitReasons = new ArrayList<>(fit.reasons());
        nextCheckInDue = stage == PartnerStage.ENDED ? null : CheckInSchedule.nextDue(this, practice);
    }

    /** What the fit is scored on: the clients the partner serves and what they specialise in. */
    private List<String> served() {
        List<String> served = new ArrayList<>(niches);
        served.addAll(specialties);
        return served;
    }

    /** A contact moves the last touchpoint forward, never back: a back-dated touchpoint is history, not news. */
    public void touched(Instant occurredAt, Practice practice, Instant now) {
        if (lastTouchpointAt == null || occurredAt.isAfter(lastTouchpointAt)) {
            lastTouchpointAt = occurredAt;
        }
        refreshDerived(practice);
        updatedAt = now;
    }
}
