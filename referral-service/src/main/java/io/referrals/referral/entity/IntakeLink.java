package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A secret URL through which tools that cannot do OAuth post referrals into one practice. */
@Entity
@Table(name = "intake_link")
public class IntakeLink extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(nullable = false)
    public String name;

    /** When set, the link is that partner's personal referral link and every referral through it is theirs. */
    @Column(name = "partner_id", updatable = false)
    public UUID partnerId;

    @Column(nullable = false, updatable = false)
    public boolean signed;

    /** SHA-256 (hex) of the token; the token itself is shown once and never stored. */
    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    /**
     * The Standard Webhooks secret ({@code whsec_...}) of a signed link. It has to be kept readable to verify
     * signatures; it should be encrypted at rest (for example envelope encryption with a KMS key).
     */
    @Column(name = "signing_secret")
    public String signingSecret;

    /**
     * The token of an unsigned link bound to a partner, encrypted ({@code IntakeSecretCipher}), so that the partner's
     * portal can show the partner their link again; null for every other link, whose token is only hashed.
     */
    @Column(name = "partner_token")
    public String partnerToken;

    @Column(name = "rate_limit_per_minute", nullable = false)
    public int rateLimitPerMinute;

    /** Requests accepted per UTC day, whatever the per-minute limit. */
    @Column(name = "daily_cap", nullable = false)
    public int dailyCap;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "rotated_at")
    public Instant rotatedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /**
     * A campaign link (issue 29): made for one campaign's ask to this partner ({@code campaignAskId}, one link per ask),
     * in this variant. Null for every other link.
     */
    @Column(name = "campaign_id", updatable = false)
    public UUID campaignId;

    @Column(name = "campaign_variant", updatable = false)
    public String campaignVariant;

    @Column(name = "campaign_ask_id", updatable = false)
    public UUID campaignAskId;

    @Version
    public long version;

    /** Whether the link is a partner's own to hand out: bound to them, usable without a signature. */
    public boolean isPartnersToShare() {
        return partnerId != null && !signed;
    }

    public boolean isCampaignLink() {
        return campaignAskId != null;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
