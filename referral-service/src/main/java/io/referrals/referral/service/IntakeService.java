package io.referrals.referral.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.referrals.events.ReferralChannel;
import io.referrals.platform.idempotency.IdempotencyKeys;
import io.referrals.platform.problem.ProblemException;
import io.referrals.referral.entity.IntakeLink;
import io.referrals.referral.entity.Referral;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
    ObjectMapper mapper;

    /**
     * A request that passed every check: the practice the link belongs to, the Idempotency-Key scoped to the link
     * (null when none was sent), and the referral to record.
     */
    public record Accepted(String tenantId, String idempotencyKey, ReferralCommands.Receive referral) {}

    /**
     * Checks, in this order: the link (404), its rate limit (429), its signature over the raw body (401), the body
     * (400). Malformed JSON is thrown as is, for the shared 400 problem mappers.
     */
    public Accepted accept(String token, String rawBody, WebhookHeaders headers, String idempotencyKey)
            throws JsonProcessingException {
        IntakeLink link = checks.activeLink(token);
        checks.countRequest(link);
        String raw = rawBody == null ? "" : rawBody;
        checks.verifySignature(link, headers, raw);
        ReferralCommands.Receive referral = checks.referralThrough(link, parse(raw));
        return new Accepted(link.tenantId, scopedKey(link, idempotencyKey), referral);
    }

    public Referral record(Accepted request) {
        return referrals.receive(request.tenantId(), request.referral(), ReferralChannel.INTAKE_LINK);
    }

    /** Parsed like the API's body. */
    private ReferralCommands.Receive parse(String raw) throws JsonProcessingException {
        if (raw.isBlank()) {
            return null;
        }
        return mapper.readValue(raw, ReferralCommands.Receive.class);
    }

    /** Keys are kept per link, so that a tool's keys never collide with the API's or another link's. */
    private static String scopedKey(IntakeLink link, String key) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalidField(IdempotencyKeys.HEADER, "must be 1 to 200 characters");
        }
        return "intake:" + link.id + ":" + key;
    }
}
