package io.referrals.referral.service;

import io.quarkus.scheduler.Scheduled;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.ProblemException;
import io.referrals.referral.entity.IntakeLink;
import io.referrals.referral.entity.IntakeLinkRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The checks every public intake request passes, in {@link IntakeService}'s order: an active link, its rate limit,
 * its signature, then the body. They are methods of their own bean so that the rate count commits in its own
 * transaction and the body is validated on the way in.
 */
@ApplicationScoped
public class IntakeChecks {
    /** Standard Webhooks' tolerance between a signature's timestamp and now. */
    static final Duration SIGNATURE_TOLERANCE = Duration.ofMinutes(5);

    @Inject
    IntakeLinkRepository links;

    @Inject
    Clock clock;

    /**
     * The active link with this token. Unknown and revoked tokens get the same 404 that does not echo the token,
     * so a caller cannot tell whether a token ever existed.
     */
    public IntakeLink activeLink(String token) {
        Optional<IntakeLink> link = token == null || !token.startsWith(IntakeSecrets.TOKEN_PREFIX)
                ? Optional.empty()
                : links.findActiveByTokenHash(IntakeSecrets.hash(token));
        return link.orElseThrow(() -> new ProblemException(
                Problem.of(404, "not-found", "Intake link not found", "No active intake link has this address.")));
    }

    /**
     * Counts the request in the link's current minute window, in its own transaction so that refused and failing
     * requests count too (a refusal is committed, not rolled back). Works across replicas (one row per link and
     * minute).
     */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, dontRollbackOn = RateLimitedException.class)
    public void countRequest(IntakeLink link) {
        Instant now = clock.instant();
        Instant window = now.truncatedTo(ChronoUnit.MINUTES);
        if (links.countRequest(link.id, window) > link.rateLimitPerMinute) {
            long untilNextWindow =
                    Duration.between(now, window.plus(Duration.ofMinutes(1))).toSeconds() + 1;
            throw new RateLimitedException(link.rateLimitPerMinute, Math.min(60, Math.max(1, untilNextWindow)));
        }
    }

    /** A signed link requires a valid, fresh Standard Webhooks signature over the raw body; else 401. */
    public void verifySignature(IntakeLink link, WebhookHeaders headers, String rawBody) {
        if (!link.signed) {
            return;
        }
        if (!headers.isComplete()) {
            throw unauthorized(
                    "signature-missing",
                    "Signature required",
                    "This intake link requires the webhook-id, webhook-timestamp and webhook-signature headers.");
        }
        String timestamp = headers.timestamp().trim();
        if (Math.abs(clock.instant().getEpochSecond() - unixSeconds(timestamp)) > SIGNATURE_TOLERANCE.toSeconds()) {
            throw unauthorized(
                    "signature-stale",
                    "Stale signature",
                    "webhook-timestamp is more than 5 minutes away from now; sign the request again.");
        }
        String expected = IntakeSecrets.sign(
                link.signingSecret, headers.id(), timestamp, rawBody.getBytes(StandardCharsets.UTF_8));
        if (!IntakeSecrets.anyMatches(expected, headers.signature())) {
            throw unauthorized(
                    "signature-invalid",
                    "Invalid signature",
                    "No webhook-signature matches the body signed with this link's secret.");
        }
    }

    /**
     * The referral to record through this link. The body is validated on the way in (a violation is the same 400
     * problem as on the API). A link bound to a partner records every referral as theirs: naming a referrer or
     * another partner is a 400.
     */
    public ReferralCommands.Receive referralThrough(IntakeLink link, @NotNull @Valid ReferralCommands.Receive request) {
        if (link.partnerId == null) {
            return request;
        }
        if (request.referrer() != null) {
            throw ProblemException.invalidField("referrer", "this intake link belongs to one partner; leave it out");
        }
        if (request.partnerId() != null && !request.partnerId().equals(link.partnerId)) {
            throw ProblemException.invalidField(
                    "partnerId", "this intake link belongs to another partner; leave it out");
        }
        return new ReferralCommands.Receive(
                link.partnerId, null, request.referred(), request.note(), request.consent());
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void deleteOldRateWindows() {
        links.deleteWindowsBefore(clock.instant().minus(Duration.ofMinutes(5)));
    }

    private static long unixSeconds(String timestamp) {
        try {
            return Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw unauthorized("signature-invalid", "Invalid signature", "webhook-timestamp must be unix seconds.");
        }
    }

    private static ProblemException unauthorized(String slug, String title, String detail) {
        return new ProblemException(Problem.of(401, slug, title, detail));
    }
}
