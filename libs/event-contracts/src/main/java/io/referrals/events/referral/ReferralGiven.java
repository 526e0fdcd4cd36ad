package io.referrals.events.referral;

import io.referrals.events.Money;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * v1: the practice referred someone to a partner, the other half of reciprocity. Names neither the person nor
 * their contact details: consumers count, they do not contact. {@code estimatedValue} (what the practice thinks the
 * referral is worth to the partner; null when not given, and in older events) was added later.
 */
public record ReferralGiven(UUID givenId, UUID partnerId, LocalDate givenOn, Money estimatedValue) {
    public ReferralGiven {
        Objects.requireNonNull(givenId, "givenId");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(givenOn, "givenOn");
    }

    /** The fields of the first version. */
    public ReferralGiven(UUID givenId, UUID partnerId, LocalDate givenOn) {
        this(givenId, partnerId, givenOn, null);
    }
}
