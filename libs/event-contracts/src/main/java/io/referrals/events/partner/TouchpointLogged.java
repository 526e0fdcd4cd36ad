package io.referrals.events.partner;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** v1: the practice was in touch with a partner (call, meeting, gift ...). The note stays in partner-service. */
public record TouchpointLogged(
        UUID touchpointId, UUID partnerId, String kind, Instant occurredAt, Instant nextCheckInDue) {
    public TouchpointLogged {
        Objects.requireNonNull(touchpointId, "touchpointId");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
