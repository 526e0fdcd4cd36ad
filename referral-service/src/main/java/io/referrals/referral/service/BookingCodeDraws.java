package io.referrals.referral.service;

import jakarta.enterprise.context.ApplicationScoped;

/** Draws a new referral's booking code ({@link BookingCodes#newCode}); a bean so that a test can make two collide. */
@ApplicationScoped
public class BookingCodeDraws {
    public String next() {
        return BookingCodes.newCode();
    }
}
