package io.referrals.metrics;

import io.referrals.events.CloudEvent;
import io.referrals.events.Consent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventType;
import io.referrals.events.EventTypes;
import io.referrals.events.Money;
import io.referrals.events.PartnerCategory;
import io.referrals.events.PartnerStage;
import io.referrals.events.ReferralChannel;
import io.referrals.events.ReferralStatus;
import io.referrals.events.RewardType;
import io.referrals.events.Topics;
import io.referrals.events.booking.BookingChange;
import io.referrals.events.booking.BookingProvider;
import io.referrals.events.booking.ReferralBookingChanged;
import io.referrals.events.campaign.CampaignAskSent;
import io.referrals.events.campaign.CampaignAttribution;
import io.referrals.events.campaign.CampaignEnded;
import io.referrals.events.campaign.CampaignGoal;
import io.referrals.events.campaign.CampaignStarted;
import io.referrals.events.campaign.CampaignTrigger;
import io.referrals.events.campaign.CampaignVariant;
import io.referrals.events.campaign.ReferralAttributedToCampaign;
import io.referrals.events.partner.PartnerCreated;
import io.referrals.events.partner.PartnerStageChanged;
import io.referrals.events.partner.PartnerUpdated;
import io.referrals.events.partner.PracticeProfileUpdated;
import io.referrals.events.partner.TouchpointLogged;
import io.referrals.events.referral.ReferralClosed;
import io.referrals.events.referral.ReferralConverted;
import io.referrals.events.referral.ReferralGiven;
import io.referrals.events.referral.ReferralReceived;
import io.referrals.events.referral.ReferralStatusChanged;
import io.referrals.events.referral.Referrer;
import io.referrals.events.referral.RewardEarned;
import io.referrals.events.referral.RewardPaid;
import io.referrals.testing.PlatformTestResource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** The events of one practice, as partner-service and referral-service write them, and one producer to send them. */
final class Events {
    final String tenant;

    Events(String tenant) {
        this.tenant = tenant;
    }

    <T> CloudEvent wrap(EventType<T> type, UUID subject, T data) {
        return EventCodec.wrap(type, Topics.source(type.topic()).orElseThrow(), tenant, subject.toString(), data);
    }

    CloudEvent partnerCreated(
            UUID partnerId,
            String name,
            PartnerCategory category,
            List<String> allianceTypes,
            PartnerStage stage,
            Instant at) {
        return wrap(
                EventTypes.PARTNER_CREATED,
                partnerId,
                new PartnerCreated(partnerId, name, null, category, at, allianceTypes, stage, null, false));
    }

    CloudEvent partnerUpdated(
            UUID partnerId,
            String name,
            PartnerCategory category,
            List<String> allianceTypes,
            Integer cadenceDays,
            Instant at) {
        return wrap(
                EventTypes.PARTNER_UPDATED,
                partnerId,
                new PartnerUpdated(partnerId, name, null, category, at, allianceTypes, cadenceDays));
    }

    CloudEvent stageChanged(UUID partnerId, PartnerStage from, PartnerStage to, Instant at) {
        return wrap(
                EventTypes.PARTNER_STAGE_CHANGED, partnerId, new PartnerStageChanged(partnerId, from, to, null, at));
    }

    CloudEvent touchpoint(UUID partnerId, Instant at) {
        return wrap(
                EventTypes.TOUCHPOINT_LOGGED,
                partnerId,
                new TouchpointLogged(UUID.randomUUID(), partnerId, "call", at, null));
    }

    CloudEvent profile(String timeZone, Integer goal, int cadenceDays, Instant at) {
        return wrap(
                EventTypes.PRACTICE_PROFILE_UPDATED,
                PracticeProfileUpdated.practiceKey(tenant),
                new PracticeProfileUpdated(timeZone, goal, cadenceDays, at));
    }

    CloudEvent received(UUID referralId, UUID partnerId, ReferralChannel channel, Instant at, Instant dueAt) {
        return wrap(
                EventTypes.REFERRAL_RECEIVED,
                referralId,
                new ReferralReceived(
                        referralId,
                        new Referrer(
                                partnerId, "Referrer " + partnerId.toString().substring(0, 4), null),
                        "Sam",
                        Consent.NONE,
                        at,
                        channel,
                        dueAt));
    }

    CloudEvent statusChanged(UUID referralId, UUID partnerId, ReferralStatus from, ReferralStatus to, Instant at) {
        return wrap(
                EventTypes.REFERRAL_STATUS_CHANGED,
                referralId,
                new ReferralStatusChanged(referralId, partnerId, from, to, Consent.NONE, at));
    }

    /** A booking's change as referral-service tells it; metrics counts bookings from the status changes alone. */
    CloudEvent bookingChanged(UUID referralId, UUID partnerId, BookingChange change, Instant startsAt, Instant at) {
        UUID bookingId = UUID.randomUUID();
        return wrap(
                EventTypes.REFERRAL_BOOKING_CHANGED,
                referralId != null ? referralId : bookingId,
                new ReferralBookingChanged(
                        bookingId,
                        referralId,
                        partnerId,
                        BookingProvider.CALCOM,
                        change,
                        startsAt,
                        null,
                        referralId == null ? null : Consent.NONE,
                        at));
    }

    CloudEvent converted(
            UUID referralId, UUID partnerId, String amount, String currency, Instant receivedAt, Instant at) {
        return wrap(
                EventTypes.REFERRAL_CONVERTED,
                referralId,
                new ReferralConverted(
                        referralId, partnerId, new Money(new BigDecimal(amount), currency), receivedAt, at));
    }

    CloudEvent closed(UUID referralId, UUID partnerId, ReferralStatus outcome, Instant receivedAt, Instant at) {
        return wrap(
                EventTypes.REFERRAL_CLOSED,
                referralId,
                new ReferralClosed(referralId, partnerId, outcome, Consent.NONE, receivedAt, at));
    }

    CloudEvent given(UUID partnerId, LocalDate on, Money value) {
        UUID id = UUID.randomUUID();
        return wrap(EventTypes.REFERRAL_GIVEN, id, new ReferralGiven(id, partnerId, on, value));
    }

    CloudEvent rewardEarned(UUID rewardId, UUID referralId, UUID partnerId, RewardType type, Money amount, Instant at) {
        return wrap(
                EventTypes.REWARD_EARNED,
                referralId,
                new RewardEarned(rewardId, referralId, partnerId, type, amount, null, at));
    }

    CloudEvent rewardPaid(UUID rewardId, UUID referralId, UUID partnerId, Money amount, Instant at) {
        return wrap(EventTypes.REWARD_PAID, referralId, new RewardPaid(rewardId, referralId, partnerId, amount, at));
    }

    CloudEvent campaignStarted(
            UUID campaignId,
            String name,
            CampaignGoal goal,
            Instant startsAt,
            Instant endsAt,
            List<CampaignVariant> variants) {
        return wrap(
                EventTypes.CAMPAIGN_STARTED,
                campaignId,
                new CampaignStarted(
                        campaignId,
                        name,
                        startsAt,
                        endsAt,
                        CampaignTrigger.START,
                        goal,
                        true,
                        variants,
                        startsAt,
                        new java.math.BigDecimal("0.150")));
    }

    CloudEvent campaignEnded(UUID campaignId, Instant at) {
        return wrap(EventTypes.CAMPAIGN_ENDED, campaignId, new CampaignEnded(campaignId, at));
    }

    CloudEvent askSent(UUID askId, UUID campaignId, UUID partnerId, String variant, Instant at) {
        return wrap(
                EventTypes.CAMPAIGN_ASK_SENT,
                campaignId,
                new CampaignAskSent(askId, campaignId, partnerId, variant, UUID.randomUUID(), at));
    }

    CloudEvent attributedToCampaign(
            UUID referralId,
            UUID partnerId,
            UUID campaignId,
            String variant,
            UUID askId,
            CampaignAttribution via,
            Instant at) {
        return wrap(
                EventTypes.REFERRAL_ATTRIBUTED_TO_CAMPAIGN,
                referralId,
                new ReferralAttributedToCampaign(referralId, partnerId, campaignId, variant, askId, via, at, at));
    }

    /** Sends each event on its contract's topic, in the order given, through one producer. */
    static void send(List<CloudEvent> events) {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformTestResource.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (CloudEvent event : events) {
                var record = new ProducerRecord<>(topicOf(event), event.subject(), EventCodec.encode(event));
                event.kafkaHeaders().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
                producer.send(record);
            }
            producer.flush();
        }
    }

    static void send(CloudEvent... events) {
        send(List.of(events));
    }

    private static String topicOf(CloudEvent event) {
        return EventTypes.ALL.stream()
                .filter(t -> t.cloudEventType().equals(event.type()))
                .findFirst()
                .orElseThrow()
                .topic();
    }
}
