package io.referrals.referral.service;

import io.referrals.events.CloudEvent;
import io.referrals.events.EventTypes;
import io.referrals.events.MalformedEventException;
import io.referrals.events.ReferralStatus;
import io.referrals.events.campaign.CampaignAskAssigned;
import io.referrals.events.campaign.CampaignAskSent;
import io.referrals.events.campaign.CampaignAttribution;
import io.referrals.events.campaign.CampaignEnded;
import io.referrals.events.campaign.CampaignIncentive;
import io.referrals.events.campaign.CampaignLinkIssued;
import io.referrals.events.campaign.CampaignStarted;
import io.referrals.events.campaign.IncentiveEarnedOn;
import io.referrals.events.campaign.ReferralAttributedToCampaign;
import io.referrals.platform.outbox.Outbox;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.referral.entity.Campaign;
import io.referrals.referral.entity.CampaignRepository;
import io.referrals.referral.entity.CampaignVariant;
import io.referrals.referral.entity.IntakeLink;
import io.referrals.referral.entity.IntakeLinkRepository;
import io.referrals.referral.entity.Referral;
import io.referrals.referral.entity.SentCampaignAsk;
import io.referrals.referral.service.portal.PortalLinkConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * referral-service's side of campaigns (issue 29): keeps each campaign's window and variants from partner-service,
 * makes each ask's campaign link (an intake link bound to the partner, carrying the ask) and announces it on
 * {@code referral.campaign-links}, remembers which partners were actually asked (notification-service's
 * CampaignAskSent), and attributes referrals: through a campaign link ({@code campaign_link}), or from an asked
 * partner by any other channel inside the window ({@code other_channel}). At most one campaign per referral.
 *
 * <p>A campaign link keeps working after its campaign ended (a partner who kept the mail can still refer), but a
 * referral received outside the window is recorded without a campaign: it no longer counts for the campaign and earns
 * no incentive.
 */
@ApplicationScoped
public class CampaignService {
    /** How the practice's list of intake links names a campaign link (the column holds 200 characters). */
    private static final int LINK_NAME_MAX = 200;

    @Inject
    CampaignRepository campaigns;

    @Inject
    IntakeLinkRepository links;

    @Inject
    IntakeLinkService linkService;

    @Inject
    RewardService rewards;

    @Inject
    PortalLinkConfig linkConfig;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onStarted(CloudEvent event, CampaignStarted data) {
        Optional<Campaign> known = campaigns.findInTenant(event.tenantid(), data.campaignId());
        if (known.isPresent()) {
            return; // a campaign starts once; what it assigned never changes
        }
        if (campaigns.findByIdOptional(data.campaignId()).isPresent()) {
            throw new MalformedEventException("Event " + event.id() + " names a campaign of another practice");
        }
        Campaign campaign = new Campaign();
        campaign.id = data.campaignId();
        campaign.tenantId = event.tenantid();
        campaign.name = data.name();
        campaign.startsAt = data.startsAt();
        campaign.endsAt = data.endsAt();
        campaign.autoSend = data.autoSend();
        campaign.startedAt = data.startedAt();
        campaigns.persist(campaign);
        for (io.referrals.events.campaign.CampaignVariant v : data.variants()) {
            CampaignVariant variant = new CampaignVariant();
            variant.id = UUID.randomUUID();
            variant.campaignId = campaign.id;
            variant.variant = v.key();
            variant.name = v.name();
            variant.askSubject = v.askSubject();
            variant.askBody = v.askBody();
            CampaignIncentive incentive = v.incentive();
            if (incentive != null) {
                variant.incentiveType = incentive.type();
                variant.incentiveAmount = incentive.value().amount();
                variant.incentiveCurrency = incentive.value().currency();
                variant.incentiveDescription = incentive.description();
                variant.incentiveEarnedOn = incentive.earnedOn();
            }
            campaigns.persistVariant(variant);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onEnded(CloudEvent event, CampaignEnded data) {
        // An end before its start cannot happen on one key (both keyed by the campaign id); it is ignored if it does.
        campaigns.findInTenant(event.tenantid(), data.campaignId()).ifPresent(campaign -> {
            if (campaign.endedAt == null || data.endedAt().isBefore(campaign.endedAt)) {
                campaign.endedAt = data.endedAt();
            }
        });
    }

    /**
     * The ask's campaign link, once per ask: an intake link bound to the partner (made like every intake link, its
     * token hashed and kept encrypted), and CampaignLinkIssued with the variant's ask, in the same transaction. A
     * partner not known yet (PartnerCreated travels on another key) fails the attempt, which the inbox retries.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onAskAssigned(CloudEvent event, CampaignAskAssigned data) {
        String tenantId = event.tenantid();
        if (links.findByCampaignAsk(tenantId, data.askId()).isPresent()) {
            return; // this ask has its link already
        }
        Campaign campaign = campaigns
                .findInTenant(tenantId, data.campaignId())
                // Its CampaignStarted came first on the same key: an ask of an unknown campaign is not genuine.
                .orElseThrow(() -> new MalformedEventException(
                        "Event " + event.id() + " names campaign " + data.campaignId() + ", unknown in its practice"));
        CampaignVariant variant = campaigns
                .variant(campaign.id, data.variant())
                .orElseThrow(() -> new MalformedEventException(
                        "Event " + event.id() + " names variant " + data.variant() + ", which its campaign lacks"));
        String base = publicBaseUrl();
        IntakeLinkService.WithSecrets made = linkService.create(
                tenantId,
                new IntakeLinkCommands.Create(linkName(campaign, variant), data.partnerId(), false, null, null),
                new IntakeLinkService.CampaignAsk(campaign.id, variant.variant, data.askId()));
        outbox.publish(
                EventTypes.CAMPAIGN_LINK_ISSUED,
                tenantId,
                campaign.id,
                new CampaignLinkIssued(
                        data.askId(),
                        campaign.id,
                        campaign.name,
                        data.partnerId(),
                        variant.variant,
                        variant.askSubject,
                        variant.askBody,
                        variant.incentiveDescription,
                        campaign.autoSend,
                        campaign.endsAt,
                        base + "/refer/#" + made.token()));
    }

    /** Only a sent ask makes the partner "asked"; recorded once per ask. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onAskSent(CloudEvent event, CampaignAskSent data) {
        Optional<SentCampaignAsk> known = campaigns.sentAsk(data.askId());
        if (known.isPresent()) {
            if (!known.get().tenantId.equals(event.tenantid())) {
                throw new MalformedEventException("Event " + event.id() + " names an ask of another practice");
            }
            return;
        }
        SentCampaignAsk ask = new SentCampaignAsk();
        ask.askId = data.askId();
        ask.tenantId = event.tenantid();
        ask.campaignId = data.campaignId();
        ask.partnerId = data.partnerId();
        ask.variant = data.variant();
        ask.sentAt = data.sentAt();
        campaigns.persistSentAsk(ask);
    }

    /**
     * Attributes a referral just received (or whose attribution the practice just confirmed) to a campaign, at most
     * once: through the campaign link it came by ({@code through}, null for every other channel) when its window holds
     * the receipt, else to the campaign whose sent ask reached the partner before the receipt, inside that campaign's
     * window. Announced right after the referral's receipt (or attribution) on its key; the variant's incentive
     * follows when it is earned on the referral, or on a conversion already recorded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void attribute(Referral referral, IntakeLink through) {
        attribute(referral, through, true);
    }

    /**
     * {@link #attribute(Referral, IntakeLink)} for a caller that knows already whether any ask was sent to the
     * partner at or before the receipt: with {@code partnerAsked} false only a campaign link can attribute it, and the
     * partner's asks are not read.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void attribute(Referral referral, IntakeLink through, boolean partnerAsked) {
        if (referral.campaignId != null || !referral.attribution.earnsFees()) {
            return; // attributed already; or a claimed partner the practice has not confirmed (or rejected)
        }
        if (through != null && through.isCampaignLink() && through.partnerId.equals(referral.partnerId)) {
            Optional<Campaign> campaign = campaigns
                    .findInTenant(referral.tenantId, through.campaignId)
                    .filter(c -> c.holds(referral.receivedAt));
            if (campaign.isPresent()) {
                attributeTo(
                        referral,
                        campaign.get(),
                        through.campaignVariant,
                        through.campaignAskId,
                        CampaignAttribution.CAMPAIGN_LINK);
                return;
            }
        }
        if (!partnerAsked) {
            return;
        }
        for (SentCampaignAsk ask : campaigns.asksSentTo(referral.tenantId, referral.partnerId, referral.receivedAt)) {
            Optional<Campaign> campaign =
                    campaigns.findInTenant(referral.tenantId, ask.campaignId).filter(c -> c.holds(referral.receivedAt));
            if (campaign.isPresent()) {
                attributeTo(referral, campaign.get(), ask.variant, ask.askId, CampaignAttribution.OTHER_CHANNEL);
                return;
            }
        }
    }

    private void attributeTo(
            Referral referral, Campaign campaign, String variantKey, UUID askId, CampaignAttribution via) {
        Instant now = Timestamps.now(clock);
        referral.campaignId = campaign.id;
        referral.campaignVariant = variantKey;
        referral.campaignAskId = askId;
        referral.campaignVia = via;
        outbox.publish(
                EventTypes.REFERRAL_ATTRIBUTED_TO_CAMPAIGN,
                referral.tenantId,
                referral.id,
                new ReferralAttributedToCampaign(
                        referral.id,
                        referral.partnerId,
                        campaign.id,
                        variantKey,
                        askId,
                        via,
                        referral.receivedAt,
                        now));
        campaigns.variant(campaign.id, variantKey).ifPresent(variant -> {
            if (earnsNow(variant, referral)) {
                rewards.earnCampaignIncentive(referral, variant);
            }
        });
    }

    private static boolean earnsNow(CampaignVariant variant, Referral referral) {
        return variant.hasIncentive()
                && (variant.incentiveEarnedOn == IncentiveEarnedOn.REFERRAL
                        || referral.status == ReferralStatus.CONVERTED);
    }

    private String publicBaseUrl() {
        return linkConfig
                .publicBaseUrl()
                .filter(value -> !value.isBlank())
                .map(value -> value.replaceAll("/+$", ""))
                // Retried by the inbox until the service is configured: a campaign link needs the public origin.
                .orElseThrow(() -> new IllegalStateException(
                        "Campaign links need the platform's public origin: set PORTAL_BASE_URL or PUBLIC_BASE_URL"));
    }

    private static String linkName(Campaign campaign, CampaignVariant variant) {
        String name = "Campaign " + campaign.name + " (variant " + variant.variant + ")";
        return name.length() <= LINK_NAME_MAX ? name : name.substring(0, LINK_NAME_MAX);
    }
}
