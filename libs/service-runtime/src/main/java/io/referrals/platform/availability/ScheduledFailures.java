package io.referrals.platform.availability;

import io.quarkus.scheduler.FailedExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Logs a scheduled task that failed, in place of the scheduler's own log line (switched off in service-runtime's
 * {@code microprofile-config.properties}): a task that failed because the database is away is one more sign of an
 * outage that {@link DatabaseAvailability} has logged once, not a stack trace every few seconds for as long as it
 * lasts; any other failure is logged with its stack trace, as before. The task runs again at its next time.
 */
@ApplicationScoped
public class ScheduledFailures {
    private static final Logger LOG = Logger.getLogger(ScheduledFailures.class);

    @Inject
    DatabaseAvailability availability;

    void failed(@Observes FailedExecution failure) {
        Throwable exception = failure.getException();
        if (TransientFailures.isDatabaseUnreachable(exception)) {
            availability.unreachable(exception);
            return;
        }
        LOG.errorf(
                exception,
                "Error occurred while executing task for trigger %s",
                failure.getExecution().getTrigger().getId());
    }
}
