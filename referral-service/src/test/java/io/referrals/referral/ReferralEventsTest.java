package io.referrals.referral;

import static io.referrals.referral.Fixtures.kafka;
import static io.referrals.referral.Fixtures.knownPartner;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.Consent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.PartnerCategory;
import io.referrals.events.ReferralChannel;
import io.referrals.events.Topics;
import io.referrals.events.partner.PartnerCreated;
import io.referrals.events.partner.PartnerUpdated;
import io.referrals.referral.entity.KnownPartnerRepository;
import io.referrals.referral.service.ReferralCommands;
import io.referrals.referral.service.ReferralService;
import io.referrals.testing.PlatformTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ReferralEventsTest {
    private final String tenant = "practice-" + UUID.randomUUID();

    @Inject
    ReferralService service;

    @Inject
    KnownPartnerRepository partners;

    @Inject
    EntityManager entityManager;

    @Test
    void receiptAndConversionAreAnnouncedWithoutContactDetails() {
        UUID partnerId = knownPartner(tenant, "Ana Gómez");
        var referral = QuarkusTransaction.requiringNew()
                .call(() -> service.receive(
                        tenant,
                        new ReferralCommands.Receive(
                                partnerId,
                                null,
                                new ReferralCommands.ReferredPerson("Lee Park", "lee@example.com", "+1 555 0101"),
                                null,
                                Consent.CONTACT_MADE),
                        ReferralChannel.API));
        service.convert(tenant, referral.id, new ReferralCommands.Convert(new BigDecimal("2400.50"), "EUR"));

        List<CloudEvent> events =
                kafka().eventsFor(Topics.REFERRAL_EVENTS, referral.id.toString(), 3, Duration.ofSeconds(30));
        assertEquals(
                List.of(
                        EventTypes.REFERRAL_RECEIVED.cloudEventType(),
                        EventTypes.REFERRAL_STATUS_CHANGED.cloudEventType(),
                        EventTypes.REFERRAL_CONVERTED.cloudEventType()),
                events.stream().map(CloudEvent::type).toList());
        String received = EventCodec.encode(events.get(0));
        assertTrue(
                received.contains("Lee Park")
                        && !received.contains("lee@example.com")
                        && !received.contains("555 0101"),
                received);
        var converted = EventCodec.data(events.get(2), EventTypes.REFERRAL_CONVERTED);
        assertEquals(
                new BigDecimal("2400.50"),
                converted.programValue().amount().stripTrailingZeros().setScale(2));
        assertEquals(partnerId, converted.partnerId());
        var receipt = EventCodec.data(events.get(0), EventTypes.REFERRAL_RECEIVED);
        assertEquals(ReferralChannel.API, receipt.channel());
        assertEquals(referral.firstContactDueAt, receipt.firstContactDueAt());
    }

    @Test
    void aRolledBackReferralEmitsNothing() {
        UUID partnerId = knownPartner(tenant, "Rolled Back");
        QuarkusTransaction.begin();
        UUID id = service.receive(
                        tenant,
                        new ReferralCommands.Receive(
                                partnerId,
                                null,
                                new ReferralCommands.ReferredPerson("Nobody", "nobody@example.com", null),
                                null,
                                null),
                        ReferralChannel.API)
                .id;
        QuarkusTransaction.rollback();

        assertEquals(
                0L,
                QuarkusTransaction.requiringNew()
                        .call(() -> ((Number) entityManager
                                        .createNativeQuery("select count(*) from outbox_event where event_key = ?1")
                                        .setParameter(1, id.toString())
                                        .getSingleResult())
                                .longValue()));
        assertEquals(
                0L,
                QuarkusTransaction.requiringNew()
                        .call(() -> ((Number) entityManager
                                        .createNativeQuery("select count(*) from referral where id = ?1")
                                        .setParameter(1, id)
                                        .getSingleResult())
                                .longValue()));
    }

    @Test
    void aRedeliveredEventIsAppliedOnceAndALateOneDoesNotWinOverANewerOne() {
        UUID partnerId = UUID.randomUUID();
        Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
        CloudEvent created = EventCodec.wrap(
                UUID.randomUUID().toString(),
                t0,
                EventTypes.PARTNER_CREATED,
                "/partner-service",
                tenant,
                partnerId.toString(),
                new PartnerCreated(partnerId, "First Name", null, PartnerCategory.CLIENT, t0));
        CloudEvent renamed = EventCodec.wrap(
                UUID.randomUUID().toString(),
                t0.plusSeconds(60),
                EventTypes.PARTNER_UPDATED,
                "/partner-service",
                tenant,
                partnerId.toString(),
                new PartnerUpdated(partnerId, "Renamed", null, PartnerCategory.CLIENT, t0.plusSeconds(60)));
        kafka().send(Topics.PARTNER_EVENTS, renamed);
        kafka().send(Topics.PARTNER_EVENTS, created);
        kafka().send(Topics.PARTNER_EVENTS, created);

        await().atMost(Duration.ofSeconds(30)).until(() -> processedCount(created.id()) == 1);
        assertEquals(1L, processedCount(renamed.id()));
        assertEquals(
                "Renamed",
                QuarkusTransaction.requiringNew()
                        .call(() -> partners.findInTenant(tenant, partnerId).orElseThrow().name));
    }

    @Test
    void aMalformedEventIsDeadLetteredAndTheConsumerKeepsGoing() {
        String poison = "poison-" + UUID.randomUUID();
        kafka().send(Topics.PARTNER_EVENTS, poison, "{\"this is\": \"not a cloud event\"");
        UUID after = knownPartner(tenant, "After Poison");

        var dead = kafka().readUntil(
                        Topics.deadLetter("referral-service"),
                        Duration.ofSeconds(30),
                        records -> records.stream().anyMatch(r -> poison.equals(r.key())));
        assertTrue(dead.stream().anyMatch(r -> poison.equals(r.key())), "poison record is on the dead-letter topic");
        assertTrue(QuarkusTransaction.requiringNew()
                .call(() -> partners.findInTenant(tenant, after).isPresent()));
    }

    @Test
    void anEventFromTheWrongProducerOrOnTheWrongTopicIsDeadLetteredAndNotApplied() {
        UUID forgedPartner = UUID.randomUUID();
        UUID misplacedPartner = UUID.randomUUID();
        Instant now = Instant.parse("2026-01-01T10:00:00Z");
        CloudEvent forged = EventCodec.wrap(
                EventTypes.PARTNER_CREATED,
                "/referral-service",
                tenant,
                forgedPartner.toString(),
                new PartnerCreated(forgedPartner, "Forged", null, PartnerCategory.CLIENT, now));
        CloudEvent misplaced = EventCodec.wrap(
                EventTypes.PARTNER_CREATED,
                "/partner-service",
                tenant,
                misplacedPartner.toString(),
                new PartnerCreated(misplacedPartner, "Misplaced", null, PartnerCategory.CLIENT, now));
        kafka().send(Topics.PARTNER_EVENTS, forged);
        kafka().send(Topics.REFERRAL_EVENTS, misplaced);
        UUID after = knownPartner(tenant, "After Forgery");

        var dead = kafka().readUntil(
                        Topics.deadLetter("referral-service"),
                        Duration.ofSeconds(30),
                        records -> records.stream()
                                        .anyMatch(r -> forged.subject().equals(r.key()))
                                && records.stream()
                                        .anyMatch(r -> misplaced.subject().equals(r.key())));
        assertTrue(dead.stream().anyMatch(r -> forged.subject().equals(r.key())), "wrong source is parked");
        assertTrue(dead.stream().anyMatch(r -> misplaced.subject().equals(r.key())), "wrong topic is parked");
        assertTrue(QuarkusTransaction.requiringNew()
                .call(() -> partners.findInTenant(tenant, after).isPresent()));
        assertTrue(QuarkusTransaction.requiringNew()
                .call(() -> partners.findInTenant(tenant, forgedPartner).isEmpty()));
        assertEquals(0L, processedCount(forged.id()));
    }

    @Test
    void theReferredPersonIsNamedInTheEventOnlyWhenTheirConsentAllows() {
        UUID partnerId = knownPartner(tenant, "Discreet Referrer");
        var referral = QuarkusTransaction.requiringNew()
                .call(() -> service.receive(
                        tenant,
                        new ReferralCommands.Receive(
                                partnerId,
                                null,
                                new ReferralCommands.ReferredPerson("Quinn Hidden", "quinn@example.com", null),
                                null,
                                Consent.NONE),
                        ReferralChannel.API));

        CloudEvent event = kafka().eventsFor(Topics.REFERRAL_EVENTS, referral.id.toString(), 1, Duration.ofSeconds(30))
                .get(0);
        assertTrue(!EventCodec.encode(event).contains("Quinn"), EventCodec.encode(event));
        var data = EventCodec.data(event, EventTypes.REFERRAL_RECEIVED);
        assertEquals(null, data.referredName());
        assertEquals(Consent.NONE, data.consent());
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select payload from outbox_event where event_key = ?1")
                .setParameter(1, referral.id.toString())
                .getSingleResult());
        assertTrue(!stored.contains("Quinn"), "the outbox row does not name the person either");
    }

    private long processedCount(String eventId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery("select count(*) from processed_event where event_id = ?1")
                                .setParameter(1, eventId)
                                .getSingleResult())
                        .longValue());
    }
}
