package io.referrals.partner.service;

import io.referrals.partner.entity.PortalSignInWindowRepository;
import io.referrals.platform.ratelimit.ClientAddressKey;
import io.referrals.platform.ratelimit.RateLimitedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Sign-in link requests per client address and per email address, in windows of {@code portal.request-window},
 * counted in PostgreSQL for every replica. Both are counted before the address is looked up, so a known address and
 * an unknown one are limited alike and the limit tells nobody which is which.
 */
@ApplicationScoped
public class PortalSignInLimits {
    @Inject
    PortalSettings settings;

    @Inject
    PortalSignInWindowRepository windows;

    @Inject
    Clock clock;

    public void count(String email, String clientAddress) {
        Instant now = clock.instant();
        long windowSeconds = settings.requestWindow().toSeconds();
        Instant window =
                Instant.ofEpochSecond(now.getEpochSecond() - Math.floorMod(now.getEpochSecond(), windowSeconds));
        long retryAfter = Math.max(
                1, Duration.between(now, window.plusSeconds(windowSeconds)).toSeconds() + 1);
        if (windows.countRequest("address:" + ClientAddressKey.of(clientAddress), window)
                > settings.requestsPerAddress()) {
            throw new RateLimitedException(
                    "One client address may ask for " + settings.requestsPerAddress() + " sign-in links in "
                            + settings.requestWindow().toMinutes() + " minutes",
                    retryAfter);
        }
        if (windows.countRequest(PortalLinkTokens.emailKey(email), window) > settings.requestsPerEmail()) {
            throw new RateLimitedException(
                    "One email address may ask for " + settings.requestsPerEmail() + " sign-in links in "
                            + settings.requestWindow().toMinutes() + " minutes",
                    retryAfter);
        }
    }

    /** Forgets windows long past (called by the portal's clean-up). */
    public void forgetOldWindows() {
        windows.deleteWindowsBefore(
                clock.instant().minus(settings.requestWindow().multipliedBy(2)));
    }
}
