package io.referrals.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The gateway sends a path where the Ingress does: whole segments, the longest prefix winning. */
class ConsoleGatewayRoutesTest {

    @Test
    void theLongestWholeSegmentPrefixOwnsThePath() {
        assertEquals("referral-service", ConsoleGateway.serviceFor("/api/portal/referrals"));
        assertEquals("referral-service", ConsoleGateway.serviceFor("/api/portal/referrals/3f0c"));
        assertEquals("referral-service", ConsoleGateway.serviceFor("/api/portal/rewards/3f0c"));
        assertEquals("referral-service", ConsoleGateway.serviceFor("/api/portal/given-referrals"));
        assertEquals("referral-service", ConsoleGateway.serviceFor("/api/portal/balance"));
        assertEquals("referral-service", ConsoleGateway.serviceFor("/api/portal/intake-link"));
        assertEquals("partner-service", ConsoleGateway.serviceFor("/api/portal/me"));
        assertEquals("partner-service", ConsoleGateway.serviceFor("/api/portal/sessions/current"));
        assertEquals("partner-service", ConsoleGateway.serviceFor("/api/portal-access"));
        assertEquals("partner-service", ConsoleGateway.serviceFor("/api/campaigns/7/audience"));
        assertEquals("metrics-service", ConsoleGateway.serviceFor("/api/metrics/campaigns/7"));
        assertEquals("partner-service", ConsoleGateway.serviceFor("/api/portal/referrals-other"));
        assertEquals("notification-service", ConsoleGateway.serviceFor("/api/portal/messages"));
        assertEquals("notification-service", ConsoleGateway.serviceFor("/api/portal/messages/3f0c"));
        assertEquals("notification-service", ConsoleGateway.serviceFor("/api/portal/email-preferences"));
        assertEquals("partner-service", ConsoleGateway.serviceFor("/api/portal/messages-other"));
        assertEquals("referral-service", ConsoleGateway.serviceFor("/api/intake-links/x"));
        assertEquals("referral-service", ConsoleGateway.serviceFor("/api/intake/il_token"));
        assertEquals("referral-service", ConsoleGateway.serviceFor("/api/booking-integrations/7/rotate"));
        assertEquals("referral-service", ConsoleGateway.serviceFor("/api/bookings"));
        assertEquals("referral-service", ConsoleGateway.serviceFor("/api/bookings/calcom/bk_token"));
        assertEquals("metrics-service", ConsoleGateway.serviceFor("/api/metrics/summary"));
        assertNull(ConsoleGateway.serviceFor("/api/intakes"));
        assertNull(ConsoleGateway.serviceFor("/index.html"));
    }
}
