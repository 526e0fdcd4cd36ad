package io.referrals.referral.service;

import io.referrals.platform.ratelimit.ClientAddressKey;
import io.referrals.platform.ratelimit.RateLimitedException;
import io.referrals.referral.entity.IntakeAddressWindowRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Requests to the public intake per client address ({@link ClientAddressKey}: an IPv4 address, an IPv6 /64) and clock
 * minute, counted in PostgreSQL so that the limit holds across replicas. It runs before the token is looked up, so
 * guessing tokens or flooding unknown ones costs one upsert per request and no more.
 */
@ApplicationScoped
public class AddressRateLimiter {
    @Inject
    IntakeConfig config;

    @Inject
    Clock clock;

    @Inject
    IntakeAddressWindowRepository windows;

    /** Counts one request from {@code address}; over the limit a 429 with the seconds to the next minute. */
    public void count(String address) {
        Instant now = clock.instant();
        Instant window = now.truncatedTo(ChronoUnit.MINUTES);
        int limit = config.perAddressPerMinute();
        if (windows.countRequest(ClientAddressKey.of(address), window) > limit) {
            long untilNext =
                    Duration.between(now, window.plus(Duration.ofMinutes(1))).toSeconds() + 1;
            throw new RateLimitedException(
                    "One client address may post " + limit + " intake requests a minute",
                    Math.min(60, Math.max(1, untilNext)));
        }
    }
}
