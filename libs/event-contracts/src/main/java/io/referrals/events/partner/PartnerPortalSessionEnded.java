package io.referrals.events.partner;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * v1: a portal session of the partner was ended before its time, by signing out (the partner's own session, or the
 * practice's read-only "view as" session). A service answering portal requests refuses the session ({@code sid}) from
 * then on; it need remember it only until {@code expiresAt}, when the token expires anyway. Revoking the partner's
 * access ends their sessions too, but is announced by {@link PartnerPortalAccessChanged} alone.
 */
public record PartnerPortalSessionEnded(UUID partnerId, UUID sessionId, Instant endedAt, Instant expiresAt) {
    public PartnerPortalSessionEnded {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
