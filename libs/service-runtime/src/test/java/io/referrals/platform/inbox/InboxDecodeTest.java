package io.referrals.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.MalformedEventException;
import io.referrals.events.Topics;
import io.referrals.events.referral.ReferralGiven;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the inbox accepts from a topic before anything is applied. */
class InboxDecodeTest {

    private static String given(String tenantId) {
        UUID id = UUID.randomUUID();
        return EventCodec.encode(EventCodec.wrap(
                EventTypes.REFERRAL_GIVEN,
                "/referral-service",
                tenantId,
                id.toString(),
                new ReferralGiven(id, UUID.randomUUID(), LocalDate.of(2026, 1, 5), null)));
    }

    @Test
    void anEventOfAPracticeIsDecoded() {
        assertEquals(
                "demo-practice",
                Inbox.decode(Topics.REFERRAL_EVENTS, given("demo-practice")).tenantid());
    }

    @Test
    void anEventWhoseTenantIsNoPracticeIdIsMalformedAndSaysNotWhatItWas() {
        for (String tenant : new String[] {"rebuild:demo-practice", "demo practice", "a".repeat(65)}) {
            MalformedEventException refused = assertThrows(
                    MalformedEventException.class, () -> Inbox.decode(Topics.REFERRAL_EVENTS, given(tenant)));
            assertTrue(refused.getMessage().contains("tenantid"), refused.getMessage());
            assertFalse(refused.getMessage().contains(tenant), refused.getMessage());
        }
    }
}
