package io.referrals.referral.service.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.referrals.events.Consent;
import io.referrals.events.ReferralStatus;
import io.referrals.referral.entity.Referral;
import io.referrals.referral.service.portal.PortalReferral.Progress;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a partner learns of a referral, by consent and status: the table issue 28 asks for. */
class PortalReferralTest {

    @ParameterizedTest(name = "{0}, {1}, contacted {2} -> {3}")
    @CsvSource({
        "NONE, RECEIVED, false, RECEIVED",
        "NONE, CONTACTED, true, RECEIVED",
        "NONE, CONVERTED, true, RECEIVED",
        "NONE, DECLINED, true, RECEIVED",
        "CONTACT_MADE, RECEIVED, false, RECEIVED",
        "CONTACT_MADE, CONTACTED, true, CONTACTED",
        "CONTACT_MADE, CONSULTATION_BOOKED, true, CONTACTED",
        "CONTACT_MADE, CONVERTED, true, CONTACTED",
        "CONTACT_MADE, NOT_A_FIT, true, CONTACTED",
        "OUTCOME, RECEIVED, false, RECEIVED",
        "OUTCOME, CONTACTED, true, CONTACTED",
        "OUTCOME, CONSULTATION_BOOKED, true, CONTACTED",
        "OUTCOME, CONVERTED, true, CONVERTED",
        "OUTCOME, NOT_A_FIT, true, CLOSED",
        "OUTCOME, DECLINED, true, CLOSED",
        "OUTCOME, NO_RESPONSE, true, CLOSED"
    })
    void progressGoesAsFarAsConsentAllows(Consent consent, ReferralStatus status, boolean contacted, Progress seen) {
        assertEquals(seen, PortalReferral.progress(consent, status, contacted));
    }

    @Test
    void theFirstNameOnlyAndOnlyUnderConsentOutcome() {
        assertEquals(
                "Riley",
                PortalReferral.of(referral(Consent.OUTCOME, "  Riley  Anne Moss "))
                        .firstName());
        assertNull(
                PortalReferral.of(referral(Consent.CONTACT_MADE, "Riley Moss")).firstName());
        assertNull(PortalReferral.of(referral(Consent.NONE, "Riley Moss")).firstName());
    }

    private static Referral referral(Consent consent, String name) {
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.consent = consent;
        referral.status = ReferralStatus.RECEIVED;
        referral.referredName = name;
        referral.referredEmail = "riley@example.com";
        referral.receivedAt = Instant.parse("2026-12-01T10:00:00Z");
        return referral;
    }
}
