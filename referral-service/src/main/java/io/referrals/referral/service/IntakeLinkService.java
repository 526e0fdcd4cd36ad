package io.referrals.referral.service;

import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.problem.ProblemException;
import io.referrals.referral.entity.IntakeLink;
import io.referrals.referral.entity.IntakeLinkRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Intake links of one practice; {@link IntakeChecks} holds the checks of the requests posted through them. */
@ApplicationScoped
public class IntakeLinkService {
    static final int DEFAULT_RATE_LIMIT = 60;
    static final int DEFAULT_DAILY_CAP = 1000;

    @Inject
    IntakeLinkRepository links;

    @Inject
    PartnerDirectory partners;

    @Inject
    IntakeSecretCipher cipher;

    @Inject
    Clock clock;

    /** A link with the secrets to show once: the token, and for a signed link its signing secret. */
    public record WithSecrets(IntakeLink link, String token, String signingSecret) {}

    /** The campaign ask a campaign link is made for (issue 29). */
    public record CampaignAsk(UUID campaignId, String variant, UUID askId) {}

    @Transactional
    public WithSecrets create(String tenantId, IntakeLinkCommands.Create request) {
        return create(tenantId, request, null);
    }

    /**
     * A link, for a campaign's ask when {@code ask} is set: then bound to the partner like their own link, its token
     * kept encrypted the same way, so that it can be shown (issued) again.
     */
    @Transactional
    public WithSecrets create(String tenantId, IntakeLinkCommands.Create request, CampaignAsk ask) {
        if (request.partnerId() != null) {
            partners.requireKnown(tenantId, request.partnerId());
        }
        IntakeLink link = new IntakeLink();
        link.id = UUID.randomUUID();
        link.tenantId = tenantId;
        link.name = request.name().strip();
        link.partnerId = request.partnerId();
        link.signed = Boolean.TRUE.equals(request.signed());
        link.rateLimitPerMinute =
                request.rateLimitPerMinute() == null ? DEFAULT_RATE_LIMIT : request.rateLimitPerMinute();
        link.dailyCap = request.dailyCap() == null ? DEFAULT_DAILY_CAP : request.dailyCap();
        link.createdAt = Timestamps.now(clock);
        if (ask != null) {
            link.campaignId = ask.campaignId();
            link.campaignVariant = ask.variant();
            link.campaignAskId = ask.askId();
        }
        WithSecrets secrets = newSecrets(link);
        links.persist(link);
        return secrets;
    }

    /** A new token (and signing secret); the old ones stop working at once. */
    @Transactional
    public WithSecrets rotate(String tenantId, UUID id) {
        IntakeLink link = get(tenantId, id);
        if (link.isRevoked()) {
            throw ProblemException.conflict(
                    "intake-link-revoked",
                    "Intake link is revoked",
                    "A revoked intake link cannot be rotated; create a new one.",
                    Map.of());
        }
        link.rotatedAt = Timestamps.now(clock);
        return newSecrets(link);
    }

    /** Soft revocation: the link stays listed with revokedAt, and its token answers 404. Revoking twice is fine. */
    @Transactional
    public IntakeLink revoke(String tenantId, UUID id) {
        IntakeLink link = get(tenantId, id);
        if (!link.isRevoked()) {
            link.revokedAt = Timestamps.now(clock);
        }
        return link;
    }

    public IntakeLink get(String tenantId, UUID id) {
        return links.findInTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("Intake link", id));
    }

    public Page<IntakeLink> list(String tenantId, Paging paging) {
        return links.list(tenantId, paging);
    }

    /** The partner's newest active link whose token is kept for them, with that token. */
    public Optional<WithSecrets> shownToPartner(String tenantId, UUID partnerId) {
        return links.findShownToPartner(tenantId, partnerId)
                .map(link -> new WithSecrets(link, cipher.partnerTokenOf(link), null));
    }

    /**
     * The signing secret is stored encrypted ({@link IntakeSecretCipher}); the answer shows it once in clear. The
     * token is stored hashed, and for a partner's own link also encrypted for the partner's portal.
     */
    private WithSecrets newSecrets(IntakeLink link) {
        String token = IntakeSecrets.newToken();
        link.tokenHash = IntakeSecrets.hash(token);
        String signingSecret = link.signed ? IntakeSecrets.newSigningSecret() : null;
        link.signingSecret = signingSecret == null ? null : cipher.encrypt(link, signingSecret);
        // A partner's own link is theirs to hand out: its token is kept, encrypted, for their portal to show again.
        link.partnerToken = link.isPartnersToShare() ? cipher.encryptToken(link, token) : null;
        return new WithSecrets(link, token, signingSecret);
    }
}
