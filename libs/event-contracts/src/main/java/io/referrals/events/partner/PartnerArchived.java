package io.referrals.events.partner;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** v1: a partner was archived ({@code archived} true) or restored from the archive ({@code archived} false). */
public record PartnerArchived(UUID partnerId, boolean archived, Instant at) {
    public PartnerArchived {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(at, "at");
    }
}
