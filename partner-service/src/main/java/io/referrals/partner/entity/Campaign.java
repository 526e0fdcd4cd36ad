package io.referrals.partner.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.referrals.events.campaign.CampaignGoal;
import io.referrals.events.campaign.CampaignTrigger;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A campaign of a practice: an ask to an audience of partners inside a window, in weighted variants. Once running,
 * its variants and seed are frozen: the variant a partner was assigned is a hash of the seed and the partner's id.
 */
@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(nullable = false)
    public String name;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CampaignStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CampaignTrigger trigger;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CampaignGoal goal;

    @Column(name = "auto_send", nullable = false)
    public boolean autoSend;

    /** PartnerCategory names; empty: any. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "audience_categories", columnDefinition = "text[]")
    public List<String> audienceCategories = new ArrayList<>();

    /** AllianceType names; empty: any. A partner with one of them matches. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "audience_alliance_types", columnDefinition = "text[]")
    public List<String> audienceAllianceTypes = new ArrayList<>();

    /** PartnerStage names; empty: any active stage. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "audience_stages", columnDefinition = "text[]")
    public List<String> audienceStages = new ArrayList<>();

    @Column(name = "audience_last_referral_before")
    public Instant audienceLastReferralBefore;

    @Column(name = "audience_last_referral_after")
    public Instant audienceLastReferralAfter;

    @Column(name = "audience_fit_at_least")
    public Integer audienceFitAtLeast;

    @Column(name = "audience_never_referred")
    public Boolean audienceNeverReferred;

    /** An explicit list instead of the filters; null when the filters choose. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "audience_partner_ids", columnDefinition = "uuid[]")
    public List<UUID> audiencePartnerIds;

    /** Drawn at creation, never changed: with a partner's id it picks the partner's variant. */
    @Column(nullable = false, updatable = false)
    public byte[] seed;

    @Column(name = "difference_worth_knowing", nullable = false, precision = 4, scale = 3)
    public BigDecimal differenceWorthKnowing;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "campaign_variant", joinColumns = @JoinColumn(name = "campaign_id"))
    @OrderColumn(name = "position")
    public List<CampaignVariantTerms> variants = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "created_by", updatable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Version
    public long version;

    /** The audience's filters and list, as the audience query takes them. */
    public CampaignAudience audience() {
        return new CampaignAudience(
                List.copyOf(audienceCategories),
                List.copyOf(audienceAllianceTypes),
                List.copyOf(audienceStages),
                audienceLastReferralBefore,
                audienceLastReferralAfter,
                audienceFitAtLeast,
                audienceNeverReferred,
                audiencePartnerIds == null ? null : List.copyOf(audiencePartnerIds));
    }

    public void setAudience(CampaignAudience audience) {
        audienceCategories = new ArrayList<>(audience.categories());
        audienceAllianceTypes = new ArrayList<>(audience.allianceTypes());
        audienceStages = new ArrayList<>(audience.stages());
        audienceLastReferralBefore = audience.lastReferralBefore();
        audienceLastReferralAfter = audience.lastReferralAfter();
        audienceFitAtLeast = audience.fitAtLeast();
        audienceNeverReferred = audience.neverReferred();
        audiencePartnerIds = audience.partnerIds() == null ? null : new ArrayList<>(audience.partnerIds());
    }

    public int totalWeight() {
        return variants.stream().mapToInt(v -> v.weight).sum();
    }
}
