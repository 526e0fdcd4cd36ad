package io.referrals.referral.service;

import io.quarkus.scheduler.Scheduled;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.ProblemException;
import io.referrals.platform.ratelimit.RateLimitedException;
import io.referrals.referral.entity.IntakeAddressWindowRepository;
import io.referrals.referral.entity.IntakeLink;
import io.referrals.referral.entity.IntakeLinkRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
    /** How long a signed request's webhook-id is remembered: far longer than the tolerance. */
    static final Duration WEBHOOK_ID_RETENTION = Duration.ofHours(48);

    @Inject
    IntakeLinkRepository links;

    @Inject
    IntakeAddressWindowRepository addressWindows;

    @Inject
    IntakeSecretCipher secrets;

    @Inject
    Clock clock;

    /**
     * The active link with this token. Unknown and revoked tokens get the same 404 that does not echo the token,
     * after the same work (every token is hashed and looked up), so a caller can tell neither by answer nor by time
     * whether a token ever existed.
     */
    public IntakeLink activeLink(String token) {
        Optional<IntakeLink> link = links.findActiveByTokenHash(IntakeSecrets.hash(token == null ? "" : token))
                .filter(found -> token != null && token.startsWith(IntakeSecrets.TOKEN_PREFIX));
        return link.orElseThrow(() -> new ProblemException(
                Problem.of(404, "not-found", "Intake link not found", "No active intake link has this address.")));
    }

    /**
     * Counts an accepted request (its signature, if any, verified) in the link's current minute window and its UTC
     * day, in its own transaction so that the count holds whatever happens next (a refusal is committed, not rolled
     * back). Works across replicas (one row per link and minute, and per link and day).
     */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, dontRollbackOn = RateLimitedException.class)
    public void countRequest(IntakeLink link) {
        Instant now = clock.instant();
        Instant window = now.truncatedTo(ChronoUnit.MINUTES);
        if (links.countRequest(link.id, window) > link.rateLimitPerMinute) {
            throw new RateLimitedException(
                    "This intake link accepts " + link.rateLimitPerMinute + " requests a minute",
                    untilNextMinute(now, window));
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (links.countDay(link.id, today) > link.dailyCap) {
            long untilTomorrow =
                    Duration.between(now, today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))
                                    .toSeconds()
                            + 1;
            throw new RateLimitedException(
                    "This intake link accepts " + link.dailyCap + " requests a day (UTC)", untilTomorrow);
        }
    }

    /**
     * Counts a failed signature check, apart from the link's requests so that forged requests never use up the quota
     * of the genuine ones: more failures than the link's per-minute limit in a minute are answered 429 instead of
     * 401 until the next minute.
     */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW)
    public boolean tooManyFailures(IntakeLink link) {
        Instant window = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        return links.countFailure(link.id, window) > link.rateLimitPerMinute;
    }

    /** Seconds to the next minute window, 1 to 60. */
    public long secondsToNextMinute() {
        Instant now = clock.instant();
        return untilNextMinute(now, now.truncatedTo(ChronoUnit.MINUTES));
    }

    private static long untilNextMinute(Instant now, Instant window) {
        long seconds = Duration.between(now, window.plus(Duration.ofMinutes(1))).toSeconds() + 1;
        return Math.min(60, Math.max(1, seconds));
    }

    /**
     * A signed link requires a valid, fresh Standard Webhooks signature over the raw body bytes as received; else 401.
     */
    public void verifySignature(IntakeLink link, WebhookHeaders headers, byte[] rawBody) {
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
        String expected = IntakeSecrets.sign(secrets.signingSecretOf(link), headers.id(), timestamp, rawBody);
        if (!IntakeSecrets.anyMatches(expected, headers.signature())) {
            throw unauthorized(
                    "signature-invalid",
                    "Invalid signature",
                    "No webhook-signature matches the body signed with this link's secret.");
        }
    }

    /**
     * A signed request's webhook-id is accepted once per link: a captured request replayed (within the signature's
     * tolerance, under another Idempotency-Key) is a 409 and records nothing. Kept {@link #WEBHOOK_ID_RETENTION}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void acceptOnce(IntakeLink link, String webhookId) {
        if (!links.rememberWebhookId(link.id, webhookId, clock.instant())) {
            throw ProblemException.conflict(
                    "webhook-replayed",
                    "Message already accepted",
                    "This intake link has already accepted a request with this webhook-id; sign a new message with "
                            + "a new id.",
                    java.util.Map.of());
        }
    }

    /**
     * The referral to record through this link. The body is validated on the way in (a violation is the same 400
     * problem as on the API). A link bound to a partner records every referral as theirs: naming a referrer or
     * another partner is a 400.
     */
    public ReferralCommands.Receive referralThrough(IntakeLink link, @NotNull @Valid ReferralCommands.Receive request) {
        if (link.partnerId == null) {
            // Anyone holding the link could name any partner and earn them the fee: partnerId is ignored here.
            if (request.referrer() == null) {
                throw ProblemException.invalidField(
                        "referrer", "name the referrer; this intake link ignores partnerId");
            }
            return new ReferralCommands.Receive(
                    null, request.referrer(), request.referred(), request.note(), request.consent());
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
        Instant now = clock.instant();
        links.deleteWindowsBefore(now.minus(Duration.ofMinutes(5)));
        addressWindows.deleteWindowsBefore(now.minus(Duration.ofMinutes(5)));
        links.deleteDaysBefore(LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1));
        links.deleteWebhookIdsBefore(now.minus(WEBHOOK_ID_RETENTION));
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
