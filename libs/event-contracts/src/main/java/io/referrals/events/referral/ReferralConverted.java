package io.referrals.events.referral;

import io.referrals.events.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** v1: a referred person became a client; the program value is attributed to the referring partner. */
public record ReferralConverted(
        UUID referralId, UUID partnerId, Money programValue, Instant receivedAt, Instant convertedAt) {
    public ReferralConverted {
        Objects.requireNonNull(referralId, "referralId");
        // partnerId is null while the referral's attribution is unverified or after it was rejected (issue 10).
        Objects.requireNonNull(programValue, "programValue");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(convertedAt, "convertedAt");
    }
}
