package io.referrals.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.referrals.events.notification.NotificationSent;
import io.referrals.events.referral.ReferralConsentChanged;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConsentTest {

    @Test
    void eachLevelAllowsItselfAndTheLevelsBelow() {
        assertTrue(Consent.NONE.allows(Consent.NONE));
        assertFalse(Consent.NONE.allows(Consent.CONTACT_MADE));
        assertFalse(Consent.NONE.allows(Consent.OUTCOME));
        assertTrue(Consent.CONTACT_MADE.allows(Consent.NONE));
        assertTrue(Consent.CONTACT_MADE.allows(Consent.CONTACT_MADE));
        assertFalse(Consent.CONTACT_MADE.allows(Consent.OUTCOME));
        assertTrue(Consent.OUTCOME.allows(Consent.CONTACT_MADE));
        assertTrue(Consent.OUTCOME.allows(Consent.OUTCOME));
    }

    @Test
    void aConsentChangeKnowsWhetherItNarrowed() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        assertTrue(new ReferralConsentChanged(id, id, Consent.OUTCOME, Consent.CONTACT_MADE, at).narrowed());
        assertFalse(new ReferralConsentChanged(id, id, Consent.NONE, Consent.OUTCOME, at).narrowed());
        assertFalse(new ReferralConsentChanged(id, id, null, Consent.NONE, at).narrowed());
    }

    @Test
    void newContractsRoundTrip() {
        UUID id = UUID.randomUUID();
        var changed = new ReferralConsentChanged(
                id, UUID.randomUUID(), Consent.OUTCOME, Consent.NONE, Instant.parse("2026-01-02T03:04:05Z"));
        String json = EventCodec.encode(
                EventCodec.wrap(EventTypes.REFERRAL_CONSENT_CHANGED, "/referral-service", "p", id.toString(), changed));
        assertTrue(json.contains("\"type\":\"io.referrals.referral.consent-changed.v1\""), json);
        assertEquals(changed, EventCodec.data(EventCodec.decode(json), EventTypes.REFERRAL_CONSENT_CHANGED));

        var sent = new NotificationSent(
                id, NotificationSent.THANK_YOU, UUID.randomUUID(), null, Instant.parse("2026-01-02T03:04:05Z"));
        String sentJson = EventCodec.encode(
                EventCodec.wrap(EventTypes.NOTIFICATION_SENT, "/notification-service", "p", id.toString(), sent));
        var read = EventCodec.data(EventCodec.decode(sentJson), EventTypes.NOTIFICATION_SENT);
        assertEquals(sent, read);
        assertTrue(read.isThankYou());
        assertEquals(Topics.NOTIFICATION_EVENTS, EventTypes.NOTIFICATION_SENT.topic());
    }
}
