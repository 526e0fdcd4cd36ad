package io.referrals.events.partner;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** v1: an agreement stopped being in force: ended by the practice, or superseded by {@code supersededBy}. */
public record AgreementEnded(UUID agreementId, UUID partnerId, String reason, UUID supersededBy, Instant endedAt) {
    public AgreementEnded {
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(endedAt, "endedAt");
    }
}
