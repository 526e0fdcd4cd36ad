package io.referrals.referral.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests to the public intake per client address and clock minute, in memory: it runs before the token is looked
 * up, so guessing tokens or flooding unknown ones costs no database work beyond the limit. Per replica (a deployment
 * with n replicas lets an address make up to n times the limit); the per-link limits in Postgres hold across replicas.
 */
@ApplicationScoped
public class AddressRateLimiter {
    private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile Instant window = Instant.EPOCH;

    @Inject
    IntakeConfig config;

    @Inject
    Clock clock;

    /** Counts one request from {@code address}; over the limit a 429 with the seconds to the next minute. */
    public void count(String address) {
        Instant now = clock.instant();
        Instant current = now.truncatedTo(ChronoUnit.MINUTES);
        if (!current.equals(window)) {
            synchronized (this) {
                if (!current.equals(window)) {
                    counts.clear();
                    window = current;
                }
            }
        }
        int limit = config.perAddressPerMinute();
        if (counts.computeIfAbsent(address == null ? "" : address, a -> new AtomicInteger())
                        .incrementAndGet()
                > limit) {
            long untilNext =
                    Duration.between(now, current.plus(Duration.ofMinutes(1))).toSeconds() + 1;
            throw new RateLimitedException(
                    "One client address may post " + limit + " intake requests a minute",
                    Math.min(60, Math.max(1, untilNext)));
        }
    }
}
