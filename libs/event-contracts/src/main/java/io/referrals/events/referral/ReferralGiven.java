package io.referrals.events.referral;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * v1: the practice referred someone to a partner, the other half of reciprocity. Names neither the person nor
 * their contact details: consumers count, they do not contact.
 */
public record ReferralGiven(UUID givenId, UUID partnerId, LocalDate givenOn) {
    public ReferralGiven {
        Objects.requireNonNull(givenId, "givenId");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(givenOn, "givenOn");
    }
}
