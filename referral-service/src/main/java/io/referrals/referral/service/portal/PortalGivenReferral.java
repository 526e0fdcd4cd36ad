package io.referrals.referral.service.portal;

import io.referrals.referral.entity.GivenReferral;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A referral the practice gave the partner, as the partner sees it in the portal: when, and what the person needed.
 * No name and no contact detail: the partner had those from the practice directly.
 */
public record PortalGivenReferral(UUID id, LocalDate givenOn, String need) {

    public static PortalGivenReferral of(GivenReferral given) {
        return new PortalGivenReferral(given.id, given.givenOn, given.need);
    }
}
