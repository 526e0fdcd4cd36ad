package io.referrals.events.partner;

import io.referrals.events.PartnerStage;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** v1: a relationship moved to another stage; {@code reason} is set when it ended. */
public record PartnerStageChanged(
        UUID partnerId, PartnerStage from, PartnerStage to, String reason, Instant changedAt) {
    public PartnerStageChanged {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(changedAt, "changedAt");
    }
}
