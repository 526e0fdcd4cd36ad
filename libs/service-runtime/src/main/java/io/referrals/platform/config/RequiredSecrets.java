package io.referrals.platform.config;

import io.smallrye.config.ConfigMapping;

/**
 * Settings a production service must be given and never defaults: the database password and the token issuer. In the
 * production profile they are {@code ${DB_PASSWORD}} and {@code ${JWT_ISSUER}} without a default, so a service started
 * without one stops while reading its configuration, before it connects to anything, with "Could not expand value
 * DB_PASSWORD". Dev mode and tests keep their local defaults.
 */
@ConfigMapping(prefix = "platform.required")
public interface RequiredSecrets {
    /** {@code DB_PASSWORD}. */
    String dbPassword();

    /** {@code JWT_ISSUER}. */
    String jwtIssuer();
}
