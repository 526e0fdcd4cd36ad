package io.referrals.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.referrals.events.booking.BookingChange;
import io.referrals.events.booking.BookingProvider;
import io.referrals.events.booking.ReferralBookingChanged;
import io.referrals.events.partner.PartnerPortalSessionEnded;
import io.referrals.events.referral.ReferralConverted;
import io.referrals.events.referral.ReferralReceived;
import io.referrals.events.referral.Referrer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    @Test
    void roundTripsAnEventThroughTheEnvelope() {
        UUID referralId = UUID.randomUUID();
        var data = new ReferralReceived(
                referralId,
                new Referrer(UUID.randomUUID(), "Dana Lee", "dana@example.com"),
                "Sam Rivera",
                Consent.OUTCOME,
                Instant.parse("2026-01-02T03:04:05Z"));
        CloudEvent event = EventCodec.wrap(
                EventTypes.REFERRAL_RECEIVED, "/referral-service", "practice-1", referralId.toString(), data);

        String json = EventCodec.encode(event);
        CloudEvent read = EventCodec.decode(json);

        assertEquals("1.0", read.specversion());
        assertEquals("io.referrals.referral.received.v1", read.type());
        assertEquals("practice-1", read.tenantid());
        assertTrue(json.contains("\"consent\":\"outcome\""), json);
        assertEquals(data, EventCodec.data(read, EventTypes.REFERRAL_RECEIVED));
    }

    @Test
    void fieldsAddedLaterRoundTripAndAreNullInOlderEvents() {
        UUID referralId = UUID.randomUUID();
        var data = new ReferralReceived(
                referralId,
                new Referrer(UUID.randomUUID(), "Dana Lee", null),
                "Sam",
                Consent.NONE,
                Instant.parse("2026-01-02T03:04:05Z"),
                ReferralChannel.INTAKE_LINK,
                Instant.parse("2026-01-03T03:04:05Z"));
        String json = EventCodec.encode(
                EventCodec.wrap(EventTypes.REFERRAL_RECEIVED, "/referral-service", "p", referralId.toString(), data));
        assertTrue(json.contains("\"channel\":\"intake_link\""), json);
        assertEquals(data, EventCodec.data(EventCodec.decode(json), EventTypes.REFERRAL_RECEIVED));

        String older = json.replace(",\"channel\":\"intake_link\"", "")
                .replace(",\"firstContactDueAt\":\"2026-01-03T03:04:05Z\"", "");
        var read = EventCodec.data(EventCodec.decode(older), EventTypes.REFERRAL_RECEIVED);
        assertEquals(null, read.channel());
        assertEquals(null, read.firstContactDueAt());
        assertEquals(data.referredName(), read.referredName());
    }

    @Test
    void aPortalReferralCarriesItsOwnChannel() {
        UUID referralId = UUID.randomUUID();
        var data = new ReferralReceived(
                referralId,
                new Referrer(UUID.randomUUID(), "Dana Lee", "dana@example.com"),
                null,
                Consent.NONE,
                Instant.parse("2026-01-02T03:04:05Z"),
                ReferralChannel.PORTAL,
                Instant.parse("2026-01-04T03:04:05Z"));
        String json = EventCodec.encode(
                EventCodec.wrap(EventTypes.REFERRAL_RECEIVED, "/referral-service", "p", referralId.toString(), data));
        assertTrue(json.contains("\"channel\":\"portal\""), json);
        assertEquals(data, EventCodec.data(EventCodec.decode(json), EventTypes.REFERRAL_RECEIVED));
    }

    /**
     * What a consumer does with a channel newer than its code (as a consumer built before {@code portal} does with
     * it): the event's data does not read, so the consumer parks it on its dead-letter topic. Hence the deploy order
     * of a new enum value: consumers first, then the producer (README, "Adding an enum value").
     */
    @Test
    void aChannelUnknownToTheReaderMakesTheEventMalformed() {
        UUID referralId = UUID.randomUUID();
        var data = new ReferralReceived(
                referralId,
                new Referrer(UUID.randomUUID(), "Dana Lee", null),
                null,
                Consent.NONE,
                Instant.parse("2026-01-02T03:04:05Z"),
                ReferralChannel.PORTAL,
                null);
        String json = EventCodec.encode(EventCodec.wrap(
                        EventTypes.REFERRAL_RECEIVED, "/referral-service", "p", referralId.toString(), data))
                .replace("\"channel\":\"portal\"", "\"channel\":\"carrier_pigeon\"");
        CloudEvent event = EventCodec.decode(json);
        assertThrows(MalformedEventException.class, () -> EventCodec.data(event, EventTypes.REFERRAL_RECEIVED));
    }

    @Test
    void aBookingChangeTravelsUnderItsReferralAndAnUnmatchedOneUnderItsBooking() {
        UUID bookingId = UUID.randomUUID();
        UUID referralId = UUID.randomUUID();
        var booked = new ReferralBookingChanged(
                bookingId,
                referralId,
                UUID.randomUUID(),
                BookingProvider.CALCOM,
                BookingChange.RESCHEDULED,
                Instant.parse("2026-12-10T15:00:00Z"),
                Instant.parse("2026-12-09T15:00:00Z"),
                Consent.OUTCOME,
                Instant.parse("2026-12-07T09:00:00Z"));
        String json = EventCodec.encode(
                EventCodec.wrap(EventTypes.REFERRAL_BOOKING_CHANGED, "/referral-service", "p", booked.key(), booked));
        assertTrue(json.contains("\"provider\":\"calcom\""), json);
        assertTrue(json.contains("\"change\":\"rescheduled\""), json);
        assertEquals(referralId.toString(), booked.key());
        assertEquals(Topics.REFERRAL_EVENTS, EventTypes.REFERRAL_BOOKING_CHANGED.topic());
        assertEquals(booked, EventCodec.data(EventCodec.decode(json), EventTypes.REFERRAL_BOOKING_CHANGED));

        var unmatched = new ReferralBookingChanged(
                bookingId,
                null,
                null,
                BookingProvider.CALENDLY,
                BookingChange.UNMATCHED,
                Instant.parse("2026-12-10T15:00:00Z"),
                null,
                null,
                Instant.parse("2026-12-07T09:00:00Z"));
        assertEquals(bookingId.toString(), unmatched.key());
    }

    @Test
    void aReferralReceivedCarriesTheBookingLinkAndOlderEventsReadWithoutIt() {
        UUID referralId = UUID.randomUUID();
        var data = new ReferralReceived(
                referralId,
                new Referrer(UUID.randomUUID(), "Dana Lee", null),
                null,
                Consent.NONE,
                Instant.parse("2026-01-02T03:04:05Z"),
                ReferralChannel.API,
                null,
                null,
                "https://cal.com/jane/consultation?metadata%5Bref%5D=R7K2M9Q4TX");
        String json = EventCodec.encode(
                EventCodec.wrap(EventTypes.REFERRAL_RECEIVED, "/referral-service", "p", referralId.toString(), data));
        assertEquals(data, EventCodec.data(EventCodec.decode(json), EventTypes.REFERRAL_RECEIVED));
        String older = json.replaceAll(",\"bookingLink\":\"[^\"]*\"", "");
        assertEquals(
                null,
                EventCodec.data(EventCodec.decode(older), EventTypes.REFERRAL_RECEIVED)
                        .bookingLink());
    }

    @Test
    void anEndedPortalSessionTravelsOnPartnerEventsUnderItsPartner() {
        UUID partnerId = UUID.randomUUID();
        var data = new PartnerPortalSessionEnded(
                partnerId,
                UUID.randomUUID(),
                Instant.parse("2026-12-07T03:10:00Z"),
                Instant.parse("2026-12-07T04:00:00Z"));
        String json = EventCodec.encode(EventCodec.wrap(
                EventTypes.PARTNER_PORTAL_SESSION_ENDED, "/partner-service", "p", partnerId.toString(), data));
        CloudEvent read = EventCodec.decode(json);

        assertEquals("io.referrals.partner.portal-session-ended.v1", read.type());
        assertEquals(Topics.PARTNER_EVENTS, EventTypes.PARTNER_PORTAL_SESSION_ENDED.topic());
        assertEquals(partnerId.toString(), read.subject());
        assertEquals(data, EventCodec.data(read, EventTypes.PARTNER_PORTAL_SESSION_ENDED));
        assertEquals(
                EventTypes.PARTNER_PORTAL_SESSION_ENDED,
                EventTypes.byCloudEventType(read.type()).orElseThrow());

        String withoutSession = json.replaceFirst("\"sessionId\":\"[^\"]+\",", "");
        assertThrows(
                MalformedEventException.class,
                () -> EventCodec.data(EventCodec.decode(withoutSession), EventTypes.PARTNER_PORTAL_SESSION_ENDED));
    }

    @Test
    void keepsMoneyExactAsAString() {
        var data = new ReferralConverted(
                UUID.randomUUID(),
                UUID.randomUUID(),
                new Money(new BigDecimal("1200.10"), "EUR"),
                Instant.now(),
                Instant.now());
        String json = EventCodec.encode(EventCodec.wrap(
                EventTypes.REFERRAL_CONVERTED,
                "/referral-service",
                "t",
                data.referralId().toString(),
                data));
        assertTrue(json.contains("\"amount\":\"1200.10\""), json);
        var read = EventCodec.data(EventCodec.decode(json), EventTypes.REFERRAL_CONVERTED);
        assertEquals(new BigDecimal("1200.10"), read.programValue().amount());
    }

    @Test
    void rejectsWhatIsNotAnEvent() {
        assertThrows(MalformedEventException.class, () -> EventCodec.decode("not json"));
        assertThrows(MalformedEventException.class, () -> EventCodec.decode(""));
        assertThrows(
                MalformedEventException.class,
                () -> EventCodec.decode(
                        "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/x\",\"type\":\"t\",\"data\":{}}"));
        assertThrows(
                MalformedEventException.class,
                () -> EventCodec.decode(
                        "{\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"/x\",\"type\":\"t\",\"tenantid\":\"a\",\"data\":{}}"));
    }

    @Test
    void rejectsDataThatBreaksTheContract() {
        CloudEvent event = EventCodec.decode(
                "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/x\","
                        + "\"type\":\"io.referrals.referral.received.v1\",\"tenantid\":\"a\",\"data\":{\"referralId\":\"nope\"}}");
        assertThrows(MalformedEventException.class, () -> EventCodec.data(event, EventTypes.REFERRAL_RECEIVED));
    }
}
