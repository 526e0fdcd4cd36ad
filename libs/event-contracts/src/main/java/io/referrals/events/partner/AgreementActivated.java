package io.referrals.events.partner;

import io.referrals.events.Compensation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * v1: an agreement with a partner came into force, superseding any earlier one. Carries the compensation terms
 * because referral-service computes fees owed from them.
 */
public record AgreementActivated(
        UUID agreementId,
        UUID partnerId,
        String kind,
        String direction,
        Compensation compensation,
        boolean feeDisclosedToClients,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        UUID supersedesAgreementId,
        Instant activatedAt) {
    public AgreementActivated {
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(compensation, "compensation");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(activatedAt, "activatedAt");
    }
}
