package io.referrals.referral.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.referrals.events.ReferralChannel;
import io.referrals.platform.idempotency.IdempotencyKeys;
import io.referrals.platform.problem.ProblemException;
import io.referrals.platform.ratelimit.RateLimitedException;
import io.referrals.referral.entity.IntakeLink;
import io.referrals.referral.entity.Referral;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A referral posted through an intake link: {@link #accept} runs the link's checks and says what to record in which
 * practice; {@link #record} records it through {@link ReferralService}, like a referral posted to the API.
 */
@ApplicationScoped
public class IntakeService {
    private static final int MAX_KEY_LENGTH = 200;

    @Inject
    IntakeChecks checks;

    @Inject
    ReferralService referrals;

    @Inject
    AddressRateLimiter addresses;

    @Inject
    ObjectMapper mapper;

    /**
     * A request that passed every check: the link, the practice it belongs to, the Idempotency-Key scoped to the link
     * (for a signed link without one, its webhook-id; null when neither), the signed request's webhook-id and the
     * referral to record.
     */
    public record Accepted(
            IntakeLink link, String idempotencyKey, String webhookId, ReferralCommands.Receive referral) {
        public String tenantId() {
            return link.tenantId;
        }
    }

    /**
     * Checks, in this order: the client address's rate (429), the link (404), its signature over the raw body bytes
     * (401; failures are counted apart and, past the link's per-minute limit, answered 429), the link's rate per
     * minute and per day (429), the body (400). Malformed JSON is thrown as is, for the shared 400 problem mappers.
     */
    public Accepted accept(
            String clientAddress, String token, byte[] rawBody, WebhookHeaders headers, String idempotencyKey)
            throws IOException {
        addresses.count(clientAddress);
        IntakeLink link = checks.activeLink(token);
        byte[] raw = rawBody == null ? new byte[0] : rawBody;
        try {
            checks.verifySignature(link, headers, raw);
        } catch (ProblemException e) {
            if (checks.tooManyFailures(link)) {
                throw new RateLimitedException(
                        "This intake link has refused too many unsigned or wrongly signed requests this minute",
                        checks.secondsToNextMinute());
            }
            throw e;
        }
        checks.countRequest(link);
        ReferralCommands.Receive referral = checks.referralThrough(link, parse(raw));
        String webhookId = link.signed ? headers.id().trim() : null;
        return new Accepted(link, scopedKey(link, idempotencyKey, webhookId), webhookId, referral);
    }

    /** Records the referral; a signed request's webhook-id is accepted once, whatever the Idempotency-Key. */
    public Referral record(Accepted request) {
        if (request.webhookId() != null) {
            checks.acceptOnce(request.link(), request.webhookId());
        }
        return referrals.receive(request.tenantId(), request.referral(), ReferralChannel.INTAKE_LINK, request.link());
    }

    /** Parsed like the API's body. */
    private ReferralCommands.Receive parse(byte[] raw) throws IOException {
        if (new String(raw, StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        return mapper.readValue(raw, ReferralCommands.Receive.class);
    }

    /** Keys are kept per link, so that a tool's keys never collide with the API's or another link's. */
    private static String scopedKey(IntakeLink link, String key, String webhookId) {
        if (webhookId != null && webhookId.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalidField("webhook-id", "must be at most 200 characters");
        }
        if (key == null) {
            return webhookId == null ? null : "intake:" + link.id + ":webhook-id:" + webhookId;
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalidField(IdempotencyKeys.HEADER, "must be 1 to 200 characters");
        }
        return "intake:" + link.id + ":" + key;
    }
}
