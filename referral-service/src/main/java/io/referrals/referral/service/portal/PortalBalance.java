package io.referrals.referral.service.portal;

import io.referrals.events.Money;
import java.util.List;

/**
 * The exchange between the partner and the practice both ways: referrals from the partner (those the practice stands
 * behind), referrals the practice gave them, conversions the partner may know of, and their fees owed and paid, summed
 * per currency.
 */
public record PortalBalance(
        long referralsFromYou, long referralsToYou, long convertedFromYou, List<Money> owed, List<Money> paid) {}
