package io.referrals.referral.service.portal;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Where the links the portal shows a partner point to. */
@ConfigMapping(prefix = "referral.portal")
public interface PortalLinkConfig {
    /**
     * The public origin the platform's API is reached at (the console's and the portal's, which route
     * {@code /api/intake/*} to referral-service): {@code PORTAL_BASE_URL}, else {@code PUBLIC_BASE_URL}. Unset, a link
     * is built on the origin the partner's own request came to.
     */
    Optional<String> publicBaseUrl();
}
