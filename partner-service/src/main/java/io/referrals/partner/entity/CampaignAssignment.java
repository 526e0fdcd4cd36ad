package io.referrals.partner.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One ask a campaign assigned to a partner, with the partner's variant; its id is the ask id. Written once, never
 * changed: at the campaign's start (no trigger referral) or when a pleased referral triggered it.
 */
@Entity
@Table(name = "campaign_assignment")
public class CampaignAssignment extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "campaign_id", nullable = false, updatable = false)
    public UUID campaignId;

    @Column(name = "partner_id", nullable = false, updatable = false)
    public UUID partnerId;

    @Column(nullable = false, updatable = false)
    public String variant;

    @Column(name = "assigned_at", nullable = false, updatable = false)
    public Instant assignedAt;

    @Column(name = "trigger_referral_id", updatable = false)
    public UUID triggerReferralId;

    protected CampaignAssignment() {}

    public CampaignAssignment(
            String tenantId,
            UUID campaignId,
            UUID partnerId,
            String variant,
            Instant assignedAt,
            UUID triggerReferralId) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.campaignId = campaignId;
        this.partnerId = partnerId;
        this.variant = variant;
        this.assignedAt = assignedAt;
        this.triggerReferralId = triggerReferralId;
    }
}
