package io.referrals.platform.portal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * How a service checks a partner's portal session token (signed by partner-service with a key of its own, never the
 * staff identity provider's): {@code PORTAL_JWT_PUBLIC_KEY_LOCATION}, {@code PORTAL_JWT_ISSUER}, audience
 * {@code referral-portal}. A service that answers portal requests requires them in production (its
 * {@code application.properties} sets them without a default under {@code %prod}).
 */
@ConfigMapping(prefix = "platform.portal")
public interface PortalConfig {
    /** The PEM public key (a file, or a resource on the class path); absent where no portal requests are answered. */
    Optional<String> publicKeyLocation();

    /** The {@code iss} of session tokens; distinct from the staff {@code JWT_ISSUER}. */
    String issuer();

    /** The {@code aud} of session tokens; distinct from the staff audience. */
    @WithDefault("referral-portal")
    String audience();
}
