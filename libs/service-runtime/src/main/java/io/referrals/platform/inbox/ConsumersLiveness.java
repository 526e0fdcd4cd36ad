package io.referrals.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness of the consumers: DOWN only when one attempt to apply events has run longer than
 * {@link InboxConfig#stuckAfter()}, i.e. the process is wedged and a restart is the cure. Waiting for a dependency is
 * not wedged: each attempt then fails fast and the next one is paused, so an outage of any length leaves this UP and
 * never turns into a restart loop. (The connector's own limit, {@code throttled.unprocessed-record-max-age.ms}, measured
 * the whole wait and is switched off; see service-runtime's {@code microprofile-config.properties}.)
 */
@Liveness
@ApplicationScoped
public class ConsumersLiveness implements HealthCheck {
    @Inject
    Inbox inbox;

    @Inject
    InboxConfig config;

    @Override
    public HealthCheckResponse call() {
        Duration longest = inbox.longestAttemptInFlight();
        return HealthCheckResponse.named("event consumers")
                .status(longest.compareTo(config.stuckAfter()) < 0)
                .withData("longestAttemptInFlightSeconds", longest.toSeconds())
                .withData("stuckAfterSeconds", config.stuckAfter().toSeconds())
                .build();
    }
}
