package io.referrals.events;

import io.referrals.events.booking.ReferralBookingChanged;
import io.referrals.events.campaign.CampaignAskAssigned;
import io.referrals.events.campaign.CampaignAskSent;
import io.referrals.events.campaign.CampaignEnded;
import io.referrals.events.campaign.CampaignLinkIssued;
import io.referrals.events.campaign.CampaignStarted;
import io.referrals.events.campaign.ReferralAttributedToCampaign;
import io.referrals.events.campaign.ReferralPleasedCheckInAnswered;
import io.referrals.events.metrics.PartnerReactivated;
import io.referrals.events.metrics.PartnerWentDormant;
import io.referrals.events.notification.NotificationSent;
import io.referrals.events.partner.AgreementActivated;
import io.referrals.events.partner.AgreementEnded;
import io.referrals.events.partner.PartnerArchived;
import io.referrals.events.partner.PartnerCreated;
import io.referrals.events.partner.PartnerPortalAccessChanged;
import io.referrals.events.partner.PartnerPortalSessionEnded;
import io.referrals.events.partner.PartnerStageChanged;
import io.referrals.events.partner.PartnerUpdated;
import io.referrals.events.partner.PortalSignInLinkIssued;
import io.referrals.events.partner.PracticeProfileUpdated;
import io.referrals.events.partner.TouchpointLogged;
import io.referrals.events.referral.PersonErased;
import io.referrals.events.referral.ReferralAttributed;
import io.referrals.events.referral.ReferralClosed;
import io.referrals.events.referral.ReferralConsentChanged;
import io.referrals.events.referral.ReferralConverted;
import io.referrals.events.referral.ReferralGiven;
import io.referrals.events.referral.ReferralReceived;
import io.referrals.events.referral.ReferralStatusChanged;
import io.referrals.events.referral.RewardEarned;
import io.referrals.events.referral.RewardPaid;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registry of every event contract. */
public final class EventTypes {
    public static final EventType<PartnerCreated> PARTNER_CREATED =
            new EventType<>("partner.created", 1, PartnerCreated.class, Topics.PARTNER_EVENTS);
    public static final EventType<PartnerUpdated> PARTNER_UPDATED =
            new EventType<>("partner.updated", 1, PartnerUpdated.class, Topics.PARTNER_EVENTS);
    public static final EventType<PartnerStageChanged> PARTNER_STAGE_CHANGED =
            new EventType<>("partner.stage-changed", 1, PartnerStageChanged.class, Topics.PARTNER_EVENTS);
    public static final EventType<PartnerArchived> PARTNER_ARCHIVED =
            new EventType<>("partner.archived", 1, PartnerArchived.class, Topics.PARTNER_EVENTS);
    public static final EventType<AgreementActivated> AGREEMENT_ACTIVATED =
            new EventType<>("partner.agreement-activated", 1, AgreementActivated.class, Topics.PARTNER_EVENTS);
    public static final EventType<AgreementEnded> AGREEMENT_ENDED =
            new EventType<>("partner.agreement-ended", 1, AgreementEnded.class, Topics.PARTNER_EVENTS);
    public static final EventType<TouchpointLogged> TOUCHPOINT_LOGGED =
            new EventType<>("partner.touchpoint-logged", 1, TouchpointLogged.class, Topics.PARTNER_EVENTS);
    public static final EventType<PracticeProfileUpdated> PRACTICE_PROFILE_UPDATED =
            new EventType<>("partner.practice-profile-updated", 1, PracticeProfileUpdated.class, Topics.PARTNER_EVENTS);
    public static final EventType<PartnerPortalAccessChanged> PARTNER_PORTAL_ACCESS_CHANGED = new EventType<>(
            "partner.portal-access-changed", 1, PartnerPortalAccessChanged.class, Topics.PARTNER_EVENTS);
    public static final EventType<PartnerPortalSessionEnded> PARTNER_PORTAL_SESSION_ENDED =
            new EventType<>("partner.portal-session-ended", 1, PartnerPortalSessionEnded.class, Topics.PARTNER_EVENTS);
    /** On its own topic: it carries a sign-in link, which only notification-service may read. */
    public static final EventType<PortalSignInLinkIssued> PORTAL_SIGN_IN_LINK_ISSUED = new EventType<>(
            "partner.portal-sign-in-link-issued", 1, PortalSignInLinkIssued.class, Topics.PORTAL_SIGN_IN);

    public static final EventType<CampaignStarted> CAMPAIGN_STARTED =
            new EventType<>("partner.campaign-started", 1, CampaignStarted.class, Topics.PARTNER_EVENTS);
    public static final EventType<CampaignEnded> CAMPAIGN_ENDED =
            new EventType<>("partner.campaign-ended", 1, CampaignEnded.class, Topics.PARTNER_EVENTS);
    public static final EventType<CampaignAskAssigned> CAMPAIGN_ASK_ASSIGNED =
            new EventType<>("partner.campaign-ask-assigned", 1, CampaignAskAssigned.class, Topics.PARTNER_EVENTS);
    public static final EventType<ReferralReceived> REFERRAL_RECEIVED =
            new EventType<>("referral.received", 1, ReferralReceived.class, Topics.REFERRAL_EVENTS);
    public static final EventType<ReferralConverted> REFERRAL_CONVERTED =
            new EventType<>("referral.converted", 1, ReferralConverted.class, Topics.REFERRAL_EVENTS);
    public static final EventType<ReferralStatusChanged> REFERRAL_STATUS_CHANGED =
            new EventType<>("referral.status-changed", 1, ReferralStatusChanged.class, Topics.REFERRAL_EVENTS);
    public static final EventType<ReferralClosed> REFERRAL_CLOSED =
            new EventType<>("referral.closed", 1, ReferralClosed.class, Topics.REFERRAL_EVENTS);
    public static final EventType<ReferralConsentChanged> REFERRAL_CONSENT_CHANGED =
            new EventType<>("referral.consent-changed", 1, ReferralConsentChanged.class, Topics.REFERRAL_EVENTS);
    public static final EventType<ReferralAttributed> REFERRAL_ATTRIBUTED =
            new EventType<>("referral.attributed", 1, ReferralAttributed.class, Topics.REFERRAL_EVENTS);
    public static final EventType<ReferralGiven> REFERRAL_GIVEN =
            new EventType<>("referral.given", 1, ReferralGiven.class, Topics.REFERRAL_EVENTS);

    public static final EventType<PersonErased> PERSON_ERASED =
            new EventType<>("referral.person-erased", 1, PersonErased.class, Topics.REFERRAL_EVENTS);

    public static final EventType<RewardEarned> REWARD_EARNED =
            new EventType<>("referral.reward-earned", 1, RewardEarned.class, Topics.REFERRAL_EVENTS);
    public static final EventType<RewardPaid> REWARD_PAID =
            new EventType<>("referral.reward-paid", 1, RewardPaid.class, Topics.REFERRAL_EVENTS);

    public static final EventType<PartnerWentDormant> PARTNER_WENT_DORMANT =
            new EventType<>("metrics.partner-went-dormant", 1, PartnerWentDormant.class, Topics.METRICS_EVENTS);
    public static final EventType<PartnerReactivated> PARTNER_REACTIVATED =
            new EventType<>("metrics.partner-reactivated", 1, PartnerReactivated.class, Topics.METRICS_EVENTS);

    public static final EventType<ReferralAttributedToCampaign> REFERRAL_ATTRIBUTED_TO_CAMPAIGN = new EventType<>(
            "referral.attributed-to-campaign", 1, ReferralAttributedToCampaign.class, Topics.REFERRAL_EVENTS);
    public static final EventType<ReferralPleasedCheckInAnswered> REFERRAL_PLEASED_CHECK_IN_ANSWERED = new EventType<>(
            "referral.pleased-check-in-answered", 1, ReferralPleasedCheckInAnswered.class, Topics.REFERRAL_EVENTS);
    /** On its own topic: it carries a campaign link, which only notification-service may read. */
    public static final EventType<CampaignLinkIssued> CAMPAIGN_LINK_ISSUED =
            new EventType<>("referral.campaign-link-issued", 1, CampaignLinkIssued.class, Topics.CAMPAIGN_LINKS);

    public static final EventType<ReferralBookingChanged> REFERRAL_BOOKING_CHANGED =
            new EventType<>("referral.booking-changed", 1, ReferralBookingChanged.class, Topics.REFERRAL_EVENTS);

    public static final EventType<NotificationSent> NOTIFICATION_SENT =
            new EventType<>("notification.sent", 1, NotificationSent.class, Topics.NOTIFICATION_EVENTS);
    public static final EventType<CampaignAskSent> CAMPAIGN_ASK_SENT =
            new EventType<>("notification.campaign-ask-sent", 1, CampaignAskSent.class, Topics.NOTIFICATION_EVENTS);

    public static final List<EventType<?>> ALL = List.of(
            PARTNER_CREATED,
            PARTNER_UPDATED,
            PARTNER_STAGE_CHANGED,
            PARTNER_ARCHIVED,
            AGREEMENT_ACTIVATED,
            AGREEMENT_ENDED,
            TOUCHPOINT_LOGGED,
            PRACTICE_PROFILE_UPDATED,
            PARTNER_PORTAL_ACCESS_CHANGED,
            PARTNER_PORTAL_SESSION_ENDED,
            PORTAL_SIGN_IN_LINK_ISSUED,
            REFERRAL_RECEIVED,
            REFERRAL_CONVERTED,
            REFERRAL_STATUS_CHANGED,
            REFERRAL_CLOSED,
            REFERRAL_CONSENT_CHANGED,
            REFERRAL_ATTRIBUTED,
            REFERRAL_GIVEN,
            PERSON_ERASED,
            REWARD_EARNED,
            REWARD_PAID,
            PARTNER_WENT_DORMANT,
            PARTNER_REACTIVATED,
            CAMPAIGN_STARTED,
            CAMPAIGN_ENDED,
            CAMPAIGN_ASK_ASSIGNED,
            REFERRAL_ATTRIBUTED_TO_CAMPAIGN,
            REFERRAL_PLEASED_CHECK_IN_ANSWERED,
            CAMPAIGN_LINK_ISSUED,
            REFERRAL_BOOKING_CHANGED,
            NOTIFICATION_SENT,
            CAMPAIGN_ASK_SENT);

    private static final Map<String, EventType<?>> BY_CLOUD_EVENT_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::cloudEventType, Function.identity()));

    private EventTypes() {}

    public static Optional<EventType<?>> byCloudEventType(String type) {
        return Optional.ofNullable(BY_CLOUD_EVENT_TYPE.get(type));
    }
}
