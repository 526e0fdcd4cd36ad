package io.referrals.referral.service;

import io.quarkus.scheduler.Scheduled;
import io.referrals.events.booking.BookingProvider;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.ProblemException;
import io.referrals.platform.ratelimit.RateLimitedException;
import io.referrals.referral.entity.BookingIntegration;
import io.referrals.referral.entity.BookingIntegrationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A delivery posted to a receiving URL, checked in this order: the integration (404: unknown token, removed, or the
 * other provider's), its flood limit (429), the signature over the raw body (401), the body (400); then applied once
 * ({@link BookingService#apply}). A refusal changes nothing but the counters: the minute's requests and, for a
 * signature or body refused, the integration's {@code refused}.
 */
@ApplicationScoped
public class BookingReceiver {
    @Inject
    BookingIntegrationRepository integrations;

    @Inject
    BookingNoticeReader reader;

    @Inject
    BookingService bookings;

    @Inject
    IntakeSecretCipher cipher;

    @Inject
    BookingConfig config;

    @Inject
    Clock clock;

    public BookingService.Applied receive(BookingProvider provider, String token, byte[] body, String signature) {
        BookingIntegration integration = activeIntegration(provider, token);
        countRequest(integration);
        byte[] raw = body == null ? new byte[0] : body;
        BookingNotice notice;
        try {
            verify(integration, signature, raw);
            notice = reader.read(provider, raw);
        } catch (ProblemException refused) {
            bookings.countRefused(integration.id);
            throw refused;
        }
        return bookings.apply(integration.id, notice);
    }

    /** Unknown, removed and other-provider tokens get the same 404, which does not echo the token. */
    private BookingIntegration activeIntegration(BookingProvider provider, String token) {
        String given = token == null ? "" : token;
        return integrations
                .findActiveByTokenHash(provider, IntakeSecrets.hash(given))
                .filter(found -> given.startsWith(BookingIntegrationService.TOKEN_PREFIX))
                .orElseThrow(() -> new ProblemException(Problem.of(
                        404,
                        "not-found",
                        "Booking integration not found",
                        "No active booking integration has this address.")));
    }

    /** Every request to the URL counts, so a flood of forged deliveries is cut off as well as a runaway tool. */
    private void countRequest(BookingIntegration integration) {
        Instant now = clock.instant();
        Instant window = now.truncatedTo(ChronoUnit.MINUTES);
        if (integrations.countRequest(integration.id, window) > config.perMinute()) {
            long untilNext =
                    Duration.between(now, window.plus(Duration.ofMinutes(1))).toSeconds() + 1;
            throw new RateLimitedException(
                    "A booking integration's receiving URL takes " + config.perMinute() + " deliveries a minute",
                    Math.min(60, Math.max(1, untilNext)));
        }
    }

    private void verify(BookingIntegration integration, String signature, byte[] raw) {
        String secret = cipher.bookingSecretOf(integration);
        BookingSignatures.Verdict verdict = integration.provider == BookingProvider.CALCOM
                ? BookingSignatures.verifyCalcom(secret, signature, raw)
                : BookingSignatures.verifyCalendly(secret, signature, raw, clock.instant(), config.calendlyTolerance());
        switch (verdict) {
            case VALID -> {}
            case STALE ->
                throw unauthorized(
                        "booking-signature-stale",
                        "Stale signature",
                        "The signature's timestamp is more than "
                                + config.calendlyTolerance().toMinutes() + " minutes away from now.");
            case MISSING ->
                throw unauthorized(
                        "booking-signature-invalid",
                        "Signature required",
                        "This receiving URL requires the provider's signature header ("
                                + (integration.provider == BookingProvider.CALCOM
                                        ? "X-Cal-Signature-256"
                                        : "Calendly-Webhook-Signature")
                                + ").");
            default ->
                throw unauthorized(
                        "booking-signature-invalid",
                        "Invalid signature",
                        "The signature does not match the body signed with this integration's secret.");
        }
    }

    private static ProblemException unauthorized(String slug, String title, String detail) {
        return new ProblemException(Problem.of(401, slug, title, detail));
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void deleteOldRateWindows() {
        integrations.deleteWindowsBefore(clock.instant().minus(Duration.ofMinutes(5)));
    }
}
