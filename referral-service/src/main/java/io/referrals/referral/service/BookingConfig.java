package io.referrals.referral.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The receiving URLs' settings (issue 30). */
@ConfigMapping(prefix = "referral.bookings")
public interface BookingConfig {
    /** Deliveries one integration's receiving URL takes per clock minute, across replicas; more are answered 429. */
    @WithDefault("120")
    int perMinute();

    /** How far a Calendly signature's timestamp may be from now: older (or newer) deliveries are refused as stale. */
    @WithDefault("PT3M")
    Duration calendlyTolerance();
}
