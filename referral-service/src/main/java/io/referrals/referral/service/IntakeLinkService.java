package io.referrals.referral.service;

import io.quarkus.scheduler.Scheduled;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.ProblemException;
import io.referrals.platform.page.Page;
import io.referrals.platform.rest.PageRequest;
import io.referrals.referral.entity.IntakeLink;
import io.referrals.referral.entity.IntakeLinkRepository;
import io.referrals.referral.entity.KnownPartnerRepository;
import io.referrals.referral.rest.IntakeLinkRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Intake links of one practice, and the checks every public intake request passes. */
@ApplicationScoped
public class IntakeLinkService {
    static final int DEFAULT_RATE_LIMIT = 60;
    /** Standard Webhooks' tolerance between a signature's timestamp and now. */
    static final Duration SIGNATURE_TOLERANCE = Duration.ofMinutes(5);

    @Inject
    IntakeLinkRepository links;

    @Inject
    KnownPartnerRepository partners;

    /** A link with the secrets to show once: the token, and for a signed link its signing secret. */
    public record WithSecrets(IntakeLink link, String token, String signingSecret) {
    }

    /** The outcome of counting a request against its link's limit. */
    public record RateDecision(boolean allowed, long retryAfterSeconds) {
    }

    @Transactional
    public WithSecrets create(String tenantId, IntakeLinkRequests.Create request) {
        if (request.partnerId() != null && partners.findInTenant(tenantId, request.partnerId()).isEmpty()) {
            throw new ProblemException(Problem.of(422, "unknown-partner", "Unknown partner",
                    "No partner " + request.partnerId() + " is known in this practice. A partner created moments "
                            + "ago may take a second to arrive here; retry shortly."));
        }
        IntakeLink link = new IntakeLink();
        link.id = UUID.randomUUID();
        link.tenantId = tenantId;
        link.name = request.name().strip();
        link.partnerId = request.partnerId();
        link.signed = Boolean.TRUE.equals(request.signed());
        link.rateLimitPerMinute = request.rateLimitPerMinute() == null ? DEFAULT_RATE_LIMIT
                : request.rateLimitPerMinute();
        link.createdAt = Timestamps.now();
        WithSecrets secrets = newSecrets(link);
        links.persist(link);
        return secrets;
    }

    /** A new token (and signing secret); the old ones stop working at once. */
    @Transactional
    public WithSecrets rotate(String tenantId, UUID id) {
        IntakeLink link = get(tenantId, id);
        if (link.isRevoked()) {
            throw ProblemException.conflict("intake-link-revoked", "Intake link is revoked",
                    "A revoked intake link cannot be rotated; create a new one.", Map.of());
        }
        link.rotatedAt = Timestamps.now();
        return newSecrets(link);
    }

    /** Soft revocation: the link stays listed with revokedAt, and its token answers 404. Revoking twice is fine. */
    @Transactional
    public IntakeLink revoke(String tenantId, UUID id) {
        IntakeLink link = get(tenantId, id);
        if (!link.isRevoked()) {
            link.revokedAt = Timestamps.now();
        }
        return link;
    }

    public IntakeLink get(String tenantId, UUID id) {
        return links.findInTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("Intake link", id));
    }

    public Page<IntakeLink> list(String tenantId, PageRequest page) {
        return links.list(tenantId, page);
    }

    /**
     * The active link with this token. Unknown and revoked tokens get the same 404 that does not echo the token,
     * so a caller cannot tell whether a token ever existed.
     */
    public IntakeLink byToken(String token) {
        Optional<IntakeLink> link = token == null || !token.startsWith(IntakeSecrets.TOKEN_PREFIX) ? Optional.empty()
                : links.findActiveByTokenHash(IntakeSecrets.hash(token));
        return link.orElseThrow(() -> new ProblemException(Problem.of(404, "not-found", "Intake link not found",
                "No active intake link has this address.")));
    }

    /**
     * Counts the request in the link's current minute window, in its own transaction so that refused and failing
     * requests count too. Works across replicas (one row per link and minute).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public RateDecision countRequest(IntakeLink link) {
        Instant now = Instant.now();
        Instant window = now.truncatedTo(ChronoUnit.MINUTES);
        int count = links.countRequest(link.id, window);
        if (count <= link.rateLimitPerMinute) {
            return new RateDecision(true, 0);
        }
        long retryAfter = Math.max(1, Duration.between(now, window.plus(Duration.ofMinutes(1))).toSeconds() + 1);
        return new RateDecision(false, Math.min(60, retryAfter));
    }

    /** A signed link requires a valid, fresh Standard Webhooks signature over the raw body; else 401. */
    public void verifySignature(IntakeLink link, String id, String timestamp, String signatures, String rawBody) {
        if (!link.signed) {
            return;
        }
        if (isBlank(id) || isBlank(timestamp) || isBlank(signatures)) {
            throw unauthorized("signature-missing", "Signature required",
                    "This intake link requires the webhook-id, webhook-timestamp and webhook-signature headers.");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw unauthorized("signature-invalid", "Invalid signature", "webhook-timestamp must be unix seconds.");
        }
        if (Math.abs(Instant.now().getEpochSecond() - seconds) > SIGNATURE_TOLERANCE.toSeconds()) {
            throw unauthorized("signature-stale", "Stale signature",
                    "webhook-timestamp is more than 5 minutes away from now; sign the request again.");
        }
        String expected = IntakeSecrets.sign(link.signingSecret, id, timestamp.trim(),
                rawBody.getBytes(StandardCharsets.UTF_8));
        if (!IntakeSecrets.anyMatches(expected, signatures)) {
            throw unauthorized("signature-invalid", "Invalid signature",
                    "No webhook-signature matches the body signed with this link's secret.");
        }
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void deleteOldRateWindows() {
        links.deleteWindowsBefore(Instant.now().minus(Duration.ofMinutes(5)));
    }

    private static WithSecrets newSecrets(IntakeLink link) {
        String token = IntakeSecrets.newToken();
        link.tokenHash = IntakeSecrets.hash(token);
        link.signingSecret = link.signed ? IntakeSecrets.newSigningSecret() : null;
        return new WithSecrets(link, token, link.signingSecret);
    }

    private static ProblemException unauthorized(String slug, String title, String detail) {
        return new ProblemException(Problem.of(401, slug, title, detail));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

}
