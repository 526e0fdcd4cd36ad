package io.referrals.platform.availability;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Whether the database can be reached, as requests and consumers find it, logged once per change of state: "database
 * unreachable" when the first failure says so, "database reachable again after N s, M requests refused" when a probe
 * connects again. Requests that fail meanwhile answer 503 (see {@code ProblemExceptionMappers}) and are only counted,
 * never logged one by one: an outage under load used to write a stack trace per request (26 MB in seconds).
 *
 * <p>While the database is away, one thread tries one connection per {@link AvailabilityConfig#probeEvery()}; while it
 * is up nothing runs. The state is what this process saw last, not a health check: readiness asks the datasource
 * itself.
 */
@ApplicationScoped
public class DatabaseAvailability {
    private static final Logger LOG = Logger.getLogger(DatabaseAvailability.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AvailabilityConfig config;

    @Inject
    MeterRegistry registry;

    private final AtomicLong refused = new AtomicLong();
    private volatile long downSince = -1;
    private volatile boolean stopping;
    private Thread probe;

    /** A request or a consumer found the database unreachable. */
    public void unreachable(Throwable failure) {
        synchronized (this) {
            if (downSince >= 0 || stopping) {
                return;
            }
            downSince = System.nanoTime();
            refused.set(0);
            LOG.warnf(
                    "Database unreachable (%s): requests that need it answer 503, consumers wait for it",
                    TransientFailures.summary(failure));
            probe = new Thread(this::probeUntilBack, "database-availability-probe");
            probe.setDaemon(true);
            probe.start();
        }
    }

    /** A request was answered 503 because the database could not be reached. */
    public void refused() {
        refused.incrementAndGet();
        refusedCounter().increment();
    }

    public boolean isReachable() {
        return downSince < 0;
    }

    /** The Retry-After of an answer refused for the database, in whole seconds. */
    public long retryAfterSeconds() {
        return Math.max(1, config.retryAfter().toSeconds());
    }

    private void probeUntilBack() {
        while (!stopping) {
            try {
                Thread.sleep(config.probeEvery().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try (Connection connection = dataSource.getConnection()) {
                if (connection.isValid(2)) {
                    back();
                    return;
                }
            } catch (Exception stillAway) {
                // Expected while it is away; the change of state was logged once.
            }
        }
    }

    private synchronized void back() {
        double seconds = (System.nanoTime() - downSince) / 1e9;
        LOG.infof(
                "Database reachable again after %s s, %d requests refused meanwhile",
                String.format(Locale.ROOT, "%.1f", seconds), refused.get());
        downSince = -1;
    }

    private Counter refusedCounter() {
        return registry.counter("http.requests.refused", "dependency", "database");
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        Thread running = probe;
        if (running != null) {
            running.interrupt();
        }
    }
}
