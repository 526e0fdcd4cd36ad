package io.referrals.platform.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens whose signature and claims were verified, kept until the earliest moment they stop being acceptable:
 * their expiry, or their issue time plus the accepted token age. A front end sends the same token with every request
 * for hours; verifying its RSA signature each time was a tenth of referral-service's CPU per intake. A token is found
 * only by its exact text, so nothing but a token already verified is ever answered from here; one that fails
 * verification is never kept.
 */
public final class VerifiedTokens {
    private final Clock clock;
    private final Long maxAgeSeconds;
    private final int capacity;
    private final Map<String, Entry> tokens = new ConcurrentHashMap<>();

    private record Entry(JsonWebToken token, Instant acceptableUntil) {}

    /** {@code maxAgeSeconds}: the accepted token age ({@code mp.jwt.verify.token.age}), null when unlimited. */
    public VerifiedTokens(Clock clock, Long maxAgeSeconds, int capacity) {
        this.clock = clock;
        this.maxAgeSeconds = maxAgeSeconds;
        this.capacity = capacity;
    }

    /** The token verified before, if it is still acceptable now. */
    public JsonWebToken find(String raw) {
        Entry entry = tokens.get(raw);
        if (entry == null) {
            return null;
        }
        if (!clock.instant().isBefore(entry.acceptableUntil())) {
            tokens.remove(raw, entry);
            return null;
        }
        return entry.token();
    }

    /** Keeps a token that has just been verified. */
    public void keep(String raw, JsonWebToken verified) {
        Instant until = acceptableUntil(verified);
        Instant now = clock.instant();
        if (until == null || !now.isBefore(until)) {
            return;
        }
        if (tokens.size() >= capacity) {
            tokens.values().removeIf(entry -> !now.isBefore(entry.acceptableUntil()));
            if (tokens.size() >= capacity) {
                // Still full of live tokens: start again rather than track usage; each costs one verification.
                tokens.clear();
            }
        }
        tokens.put(raw, new Entry(verified, until));
    }

    int size() {
        return tokens.size();
    }

    private Instant acceptableUntil(JsonWebToken token) {
        Long expires = seconds(token, "exp");
        if (expires == null) {
            return null;
        }
        Instant until = Instant.ofEpochSecond(expires);
        Long issuedAt = seconds(token, "iat");
        if (maxAgeSeconds != null && issuedAt != null) {
            Instant tooOld = Instant.ofEpochSecond(issuedAt + maxAgeSeconds);
            until = tooOld.isBefore(until) ? tooOld : until;
        }
        return until;
    }

    private static Long seconds(JsonWebToken token, String claim) {
        Object value = token.getClaim(claim);
        return value instanceof Number number ? number.longValue() : null;
    }
}
