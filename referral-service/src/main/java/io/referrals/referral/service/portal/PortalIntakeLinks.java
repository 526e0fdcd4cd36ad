package io.referrals.referral.service.portal;

import io.referrals.platform.portal.PortalSessions;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.ProblemException;
import io.referrals.referral.entity.KnownPartnerRepository;
import io.referrals.referral.service.IntakeLinkCommands;
import io.referrals.referral.service.IntakeLinkService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;

/**
 * The signed-in partner's own intake link: the newest active unsigned link the practice (or the partner, here) bound to
 * them, whose token is kept for them to see again. Made through the practice's own path ({@link IntakeLinkService}):
 * the same defaults, limits and hashing as every intake link.
 */
@ApplicationScoped
public class PortalIntakeLinks {
    static final String LINK_NAME = "Partner portal link";

    @Inject
    IntakeLinkService links;

    @Inject
    KnownPartnerRepository partners;

    @Inject
    PortalAccess access;

    @Inject
    PortalLinkConfig config;

    /** The link's URL, and whether this request made it. */
    public record PortalIntakeLink(String url, boolean created) {}

    /** The partner's link, or a 404 problem when there is none they can be shown. */
    public PortalIntakeLink get(PortalSessions.Session session, URI requestBase) {
        access.require(session);
        return links.shownToPartner(session.tenantId(), session.partnerId())
                .map(link -> new PortalIntakeLink(url(link.token(), requestBase), false))
                .orElseThrow(() -> new ProblemException(Problem.of(
                        404,
                        "not-found",
                        "No intake link",
                        "There is no intake link for you yet: ask for one (POST /api/portal/intake-link).")));
    }

    /**
     * The partner's link, made now when there is none. The partner's row is locked meanwhile, so that two requests at
     * once make one link.
     */
    @Transactional
    public PortalIntakeLink getOrCreate(PortalSessions.Session session, URI requestBase) {
        access.require(session);
        partners.lockInTenant(session.tenantId(), session.partnerId());
        return links.shownToPartner(session.tenantId(), session.partnerId())
                .map(link -> new PortalIntakeLink(url(link.token(), requestBase), false))
                .orElseGet(() -> {
                    IntakeLinkService.WithSecrets made = links.create(
                            session.tenantId(),
                            new IntakeLinkCommands.Create(LINK_NAME, session.partnerId(), false, null, null));
                    return new PortalIntakeLink(url(made.token(), requestBase), true);
                });
    }

    /** The intake address of the token, on the platform's public origin. */
    private String url(String token, URI requestBase) {
        String base = config.publicBaseUrl()
                .filter(value -> !value.isBlank())
                .orElseGet(() -> requestBase.resolve("/").toString());
        return base.replaceAll("/+$", "") + "/api/intake/" + token;
    }
}
