package io.referrals.events.partner;

import io.referrals.events.WireEnum;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * v1: the practice gave a partner access to its portal ({@code granted}) or took it away ({@code revoked}); a service
 * that answers portal requests refuses a revoked partner's session from then on. No address, no link.
 */
public record PartnerPortalAccessChanged(UUID partnerId, Access access, Instant changedAt) {
    public PartnerPortalAccessChanged {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    public enum Access implements WireEnum {
        GRANTED,
        REVOKED
    }
}
