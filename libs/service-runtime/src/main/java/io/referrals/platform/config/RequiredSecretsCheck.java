package io.referrals.platform.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Makes {@link RequiredSecrets} part of every service's configuration: Quarkus validates an injected mapping while it
 * reads the configuration, before Flyway or Kafka connect, so a production service missing one of them stops at once
 * with the variable's name.
 */
@Startup
@ApplicationScoped
public class RequiredSecretsCheck {
    @Inject
    RequiredSecrets secrets;

    /** Whether both are set (always true once the service has started). */
    public boolean present() {
        return !secrets.dbPassword().isBlank() && !secrets.jwtIssuer().isBlank();
    }
}
