package io.referrals.partner.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The partner portal's sign-in (partner-service's side; the session token's issuer, audience and public key are the
 * platform's {@code PortalConfig}). In production {@code PORTAL_JWT_PRIVATE_KEY_LOCATION} and {@code PORTAL_BASE_URL}
 * are required (application.properties, {@code %prod}); tests and dev mode take the committed portal key pair.
 */
@ConfigMapping(prefix = "portal")
public interface PortalSettings {
    /** The PEM (PKCS#8) private key that signs session tokens: a file, or a resource on the class path. */
    String privateKeyLocation();

    /** Where the portal front end is served; a link is {@code <base>/portal/sign-in#token=…}. */
    String baseUrl();

    /** How long a sign-in link may be used (once). */
    @WithDefault("PT15M")
    Duration linkValidity();

    /** How long a session (and its token) lasts. */
    @WithDefault("PT60M")
    Duration sessionValidity();

    /** How long the practice's read-only "view as this partner" session lasts. */
    @WithDefault("PT15M")
    Duration viewValidity();

    /** The window sign-in link requests are counted in. */
    @WithDefault("PT15M")
    Duration requestWindow();

    /** Link requests per email address and window, known address or not. */
    @WithDefault("5")
    int requestsPerEmail();

    /** Link requests per client address (an IPv4 address, an IPv6 /64) and window. */
    @WithDefault("30")
    int requestsPerAddress();
}
