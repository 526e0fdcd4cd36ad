package io.referrals.platform.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.referrals.events.partner.PartnerPortalAccessChanged;
import io.referrals.events.partner.PartnerPortalAccessChanged.Access;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which sessions a partner's portal access admits after each change, in and out of order. */
class PortalAccessTest {
    private static final UUID PARTNER = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static PartnerPortalAccessChanged change(Access access, Instant at) {
        return new PartnerPortalAccessChanged(PARTNER, access, at);
    }

    @Test
    void aPartnerWithoutAnyChangeIsAdmitted() {
        assertTrue(PortalAccess.NEVER_CHANGED.admits(T0));
    }

    @Test
    void aRevocationRefusesEverySessionAndAGrantOnlyThoseIssuedSinceTheRevocation() {
        PortalAccess revoked = PortalAccess.NEVER_CHANGED.after(change(Access.REVOKED, T0));
        assertFalse(revoked.admits(T0.minusSeconds(60)));
        assertFalse(revoked.admits(T0.plusSeconds(60)), "nothing while revoked");

        PortalAccess granted = revoked.after(change(Access.GRANTED, T0.plusSeconds(30)));
        assertFalse(granted.admits(T0.minusSeconds(1)), "a session from before the revocation never returns");
        assertTrue(granted.admits(T0), "issued at the revocation's instant: not before it");
        assertTrue(granted.admits(T0.plusSeconds(60)));
        assertEquals(T0.plusSeconds(30), granted.changedAt());
    }

    @Test
    void aChangeOlderThanTheOneReflectedChangesNothing() {
        PortalAccess granted = PortalAccess.NEVER_CHANGED
                .after(change(Access.REVOKED, T0))
                .after(change(Access.GRANTED, T0.plusSeconds(30)));
        assertEquals(granted, granted.after(change(Access.REVOKED, T0.plusSeconds(10))));
        PortalAccess revokedAgain = granted.after(change(Access.REVOKED, T0.plusSeconds(40)));
        assertFalse(revokedAgain.admits(T0.plusSeconds(35)));
        assertEquals(T0.plusSeconds(40), revokedAgain.sessionsValidFrom());
    }

    @Test
    void aGrantWithoutAnEarlierRevocationAdmitsEverySession() {
        PortalAccess granted = PortalAccess.NEVER_CHANGED.after(change(Access.GRANTED, T0));
        assertTrue(granted.admits(T0.minusSeconds(3600)));
    }
}
