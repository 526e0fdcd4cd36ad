package io.referrals.notification;

import static org.awaitility.Awaitility.await;

import io.referrals.events.CloudEvent;
import io.referrals.events.Consent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventType;
import io.referrals.events.EventTypes;
import io.referrals.events.Money;
import io.referrals.events.PartnerCategory;
import io.referrals.events.ReferralStatus;
import io.referrals.events.Topics;
import io.referrals.events.booking.BookingChange;
import io.referrals.events.booking.BookingProvider;
import io.referrals.events.booking.ReferralBookingChanged;
import io.referrals.events.partner.PartnerCreated;
import io.referrals.events.partner.PartnerPortalAccessChanged;
import io.referrals.events.partner.PartnerPortalSessionEnded;
import io.referrals.events.partner.PracticeProfileUpdated;
import io.referrals.events.referral.ReferralClosed;
import io.referrals.events.referral.ReferralConsentChanged;
import io.referrals.events.referral.ReferralConverted;
import io.referrals.events.referral.ReferralReceived;
import io.referrals.events.referral.ReferralStatusChanged;
import io.referrals.events.referral.Referrer;
import io.referrals.testing.Api;
import io.referrals.testing.KafkaTestClient;
import io.referrals.testing.PlatformTestResource;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.core.ConditionTimeoutException;

/** One practice's referral.events as referral-service would publish them, and API calls as that practice. */
final class Events {
    final String tenant;
    final UUID partnerId;
    final String referrerEmail = "dana." + UUID.randomUUID() + "@example.com";

    /** A new practice with a new partner. */
    Events() {
        this("practice-" + UUID.randomUUID(), UUID.randomUUID());
    }

    /** Another partner of a practice, or the same partner id in another practice. */
    Events(String tenant, UUID partnerId) {
        this.tenant = tenant;
        this.partnerId = partnerId;
    }

    static KafkaTestClient kafka() {
        return new KafkaTestClient(PlatformTestResource.bootstrapServers());
    }

    RequestSpecification as(String role) {
        return Api.as(tenant, role);
    }

    /**
     * Waits up to 30 s for that many messages to reach the address; if they do not, fails with this practice's
     * notifications as the service stored them (status, attempts, last error), so a failure says where mail stopped.
     */
    void awaitMail(String address, int count) {
        try {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Mailbox.to(address).size() == count);
        } catch (ConditionTimeoutException e) {
            String stored = as("viewer").get("/api/notifications?size=100").asString();
            throw new AssertionError(
                    Mailbox.to(address).size() + " of " + count + " messages arrived; stored: " + stored, e);
        }
    }

    <T> void send(EventType<T> type, UUID aggregate, T data) {
        kafka().send(
                        type.topic(),
                        EventCodec.wrap(
                                type, Topics.source(type.topic()).orElseThrow(), tenant, aggregate.toString(), data));
    }

    void send(String topic, CloudEvent event) {
        kafka().send(topic, event);
    }

    UUID received(String referredName, Consent consent) {
        return received(referredName, consent, Instant.now().plusSeconds(86_400));
    }

    UUID received(String referredName, Consent consent, Instant firstContactDueAt) {
        return received(UUID.randomUUID(), referredName, consent, firstContactDueAt);
    }

    /** A ReferralReceived under a new event id: for a referral already received, what a producer retry sends. */
    UUID received(UUID referralId, String referredName, Consent consent, Instant firstContactDueAt) {
        send(
                EventTypes.REFERRAL_RECEIVED,
                referralId,
                new ReferralReceived(
                        referralId,
                        new Referrer(partnerId, "Dana Lee", referrerEmail),
                        referredName,
                        consent,
                        Instant.now(),
                        null,
                        firstContactDueAt));
        return referralId;
    }

    /** A ReferralReceived carrying the practice's booking link (issue 30), or null without an integration. */
    UUID receivedWithBookingLink(String referredName, Consent consent, String bookingLink) {
        UUID referralId = UUID.randomUUID();
        send(
                EventTypes.REFERRAL_RECEIVED,
                referralId,
                new ReferralReceived(
                        referralId,
                        new Referrer(partnerId, "Dana Lee", referrerEmail),
                        referredName,
                        consent,
                        Instant.now(),
                        null,
                        Instant.now().plusSeconds(86_400),
                        null,
                        bookingLink));
        return referralId;
    }

    /**
     * A referral.booking-changed as referral-service publishes it (keyed on the referral, else the booking); the
     * event, to be sent again as a redelivery.
     */
    CloudEvent booking(
            UUID bookingId,
            UUID referralId,
            BookingProvider provider,
            BookingChange change,
            Instant startsAt,
            Instant previousStartsAt) {
        return booking(null, bookingId, referralId, provider, change, startsAt, previousStartsAt);
    }

    /**
     * The same under another Kafka key ({@code key}, null: the event's own): sent with an earlier event's key, it is
     * on that event's partition and read after it.
     */
    CloudEvent booking(
            String key,
            UUID bookingId,
            UUID referralId,
            BookingProvider provider,
            BookingChange change,
            Instant startsAt,
            Instant previousStartsAt) {
        ReferralBookingChanged data = new ReferralBookingChanged(
                bookingId,
                referralId,
                referralId == null ? null : partnerId,
                provider,
                change,
                startsAt,
                previousStartsAt,
                referralId == null ? null : Consent.NONE,
                Instant.now());
        CloudEvent event = EventCodec.wrap(
                EventTypes.REFERRAL_BOOKING_CHANGED,
                Topics.source(EventTypes.REFERRAL_BOOKING_CHANGED.topic()).orElseThrow(),
                tenant,
                key != null ? key : data.key(),
                data);
        send(EventTypes.REFERRAL_BOOKING_CHANGED.topic(), event);
        return event;
    }

    /** The practice's time zone as partner-service announces it, awaited until this service has it. */
    void timeZone(String zone) {
        send(
                EventTypes.PRACTICE_PROFILE_UPDATED,
                PracticeProfileUpdated.practiceKey(tenant),
                new PracticeProfileUpdated(zone, null, 60, Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> zone.equals(as("viewer")
                        .get("/api/notifications/settings")
                        .then()
                        .extract()
                        .path("timeZone")));
    }

    void status(UUID referralId, ReferralStatus from, ReferralStatus to, Consent consent) {
        send(
                EventTypes.REFERRAL_STATUS_CHANGED,
                referralId,
                new ReferralStatusChanged(referralId, partnerId, from, to, consent, Instant.now()));
    }

    void converted(UUID referralId, ReferralStatus from, Consent consent) {
        status(referralId, from, ReferralStatus.CONVERTED, consent);
        send(
                EventTypes.REFERRAL_CONVERTED,
                referralId,
                new ReferralConverted(
                        referralId,
                        partnerId,
                        new Money(new BigDecimal("1500.00"), "USD"),
                        Instant.now(),
                        Instant.now()));
    }

    void closed(UUID referralId, ReferralStatus from, ReferralStatus outcome, Consent consent) {
        status(referralId, from, outcome, consent);
        send(
                EventTypes.REFERRAL_CLOSED,
                referralId,
                new ReferralClosed(referralId, partnerId, outcome, consent, Instant.now(), Instant.now()));
    }

    void consent(UUID referralId, Consent from, Consent to) {
        send(
                EventTypes.REFERRAL_CONSENT_CHANGED,
                referralId,
                new ReferralConsentChanged(referralId, partnerId, from, to, Instant.now()));
    }

    /** The partner as partner-service announces it, with the referrer's address. */
    void partnerCreated(String name) {
        send(
                EventTypes.PARTNER_CREATED,
                partnerId,
                new PartnerCreated(partnerId, name, referrerEmail, PartnerCategory.COLLEAGUE, Instant.now()));
    }

    /** The practice gave or took away the partner's portal access, as partner-service announces it; the event's id. */
    String portalAccess(PartnerPortalAccessChanged.Access access, Instant at) {
        CloudEvent event = EventCodec.wrap(
                EventTypes.PARTNER_PORTAL_ACCESS_CHANGED,
                "/partner-service",
                tenant,
                partnerId.toString(),
                new PartnerPortalAccessChanged(partnerId, access, at));
        send(Topics.PARTNER_EVENTS, event);
        return event.id();
    }

    /** A session of the partner ended by signing out, as partner-service announces it; the event. */
    CloudEvent sessionEnded(UUID sessionId, Instant expiresAt) {
        CloudEvent event = EventCodec.wrap(
                EventTypes.PARTNER_PORTAL_SESSION_ENDED,
                "/partner-service",
                tenant,
                partnerId.toString(),
                new PartnerPortalSessionEnded(partnerId, sessionId, Instant.now(), expiresAt));
        send(Topics.PARTNER_EVENTS, event);
        return event;
    }

    /** The practice's settings: its name and address, and the kinds sent without review. */
    void settings(String... autoSend) {
        StringBuilder kinds = new StringBuilder();
        for (String kind : autoSend) {
            kinds.append(kinds.isEmpty() ? "" : ",").append('"').append(kind).append('"');
        }
        as("owner")
                .body("""
                        {"practiceName":"Blake Coaching","replyTo":"jordan@blakecoaching.example",
                         "signature":"Jordan Blake","program":"coaching program","autoSend":[%s]}""".formatted(kinds))
                .put("/api/notifications/settings")
                .then()
                .statusCode(200);
    }

    static final String TOPIC = Topics.REFERRAL_EVENTS;
}
