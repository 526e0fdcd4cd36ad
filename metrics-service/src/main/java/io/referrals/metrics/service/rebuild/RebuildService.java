package io.referrals.metrics.service.rebuild;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.referrals.metrics.entity.PracticeRepository;
import io.referrals.metrics.entity.ReadModelTables;
import io.referrals.metrics.entity.Rebuild;
import io.referrals.metrics.entity.RebuildRepository;
import io.referrals.metrics.service.RebuildTenants;
import io.referrals.metrics.service.projection.Projections;
import io.referrals.metrics.service.query.ReadAnswers;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.problem.ProblemException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Rebuilds a practice's read models from the event history while reads go on: both topics are replayed from the
 * beginning into a staging copy (tenant id {@link RebuildTenants#staging}) through the live projection code, then
 * the copy replaces the live rows in one transaction (why no event is lost or counted twice: metrics-service's
 * README, "Rebuild and retention"). Runs are queued on one worker thread (the machine's cores serve reads first); one
 * per practice at a time. A run cut off by a stop of the service stays "running" until {@link #ABANDONED_AFTER}
 * without progress, then no longer blocks a new start.
 */
@ApplicationScoped
public class RebuildService {
    private static final Logger LOG = Logger.getLogger(RebuildService.class);
    /** The locked catch-up reads only what arrived during the last unlocked pass: seconds, not minutes. */
    private static final int SWAP_TIMEOUT_SECONDS = 120;
    /**
     * A running rebuild without progress for this long is taken to be cut off (its replica stopped) and no longer
     * blocks a new one; longer than the swap's timeout, so a live swap is never declared abandoned.
     */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    @Inject
    ReadAnswers answers;

    @Inject
    RebuildRepository rebuilds;

    @Inject
    ReadModelTables tables;

    @Inject
    PracticeRepository practices;

    @Inject
    Projections projections;

    @Inject
    EventLog eventLog;

    @Inject
    Clock clock;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "metrics-rebuild"));

    /** Starts a rebuild of the practice; 409 while one is running (its id is in the problem's rebuildId). */
    public Rebuild start(String tenantId) {
        UUID id = UUID.randomUUID();
        Instant now = Timestamps.now(clock);
        if (!QuarkusTransaction.requiringNew()
                .call(() -> rebuilds.start(id, tenantId, now, now.minus(ABANDONED_AFTER)))) {
            throw runningAlready(tenantId);
        }
        worker.submit(() -> run(id, tenantId));
        return status(tenantId, id);
    }

    @Transactional
    public Rebuild status(String tenantId, UUID id) {
        return rebuilds.findInTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("rebuild", id));
    }

    private ProblemException runningAlready(String tenantId) {
        Object running = QuarkusTransaction.requiringNew()
                .call(() -> rebuilds.running(tenantId))
                .map(r -> (Object) r.id.toString())
                .orElse("");
        return ProblemException.conflict(
                "rebuild-running",
                "A rebuild is running",
                "This practice's read models are being rebuilt; follow the running rebuild instead.",
                Map.of("rebuildId", running));
    }

    void run(UUID id, String tenantId) {
        String staging = RebuildTenants.staging(tenantId);
        try (EventLog.Reader reader = eventLog.open(tenantId)) {
            heartbeat(id, 0);
            QuarkusTransaction.requiringNew().run(() -> tables.delete(staging));
            Replay replay = new Replay(projections, tables, staging, count -> heartbeat(id, count));
            reader.markEnd();
            replay.copy(reader);
            reader.markEnd();
            replay.copy(reader);
            QuarkusTransaction.requiringNew().timeout(SWAP_TIMEOUT_SECONDS).run(() -> {
                practices.lockExclusive(tenantId);
                reader.markEnd();
                replay.catchUp(reader);
                tables.swap(tenantId, staging);
                answers.changed(Set.of(tenantId));
                heartbeat(id, replay.replayed());
            });
            finish(id, Rebuild.DONE, null);
        } catch (Abandoned e) {
            LOG.warnf("Rebuild %s of %s was declared abandoned; a newer run owns the staging copy", id, tenantId);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Rebuild %s of %s failed; the live read models are unchanged", id, tenantId);
            QuarkusTransaction.requiringNew().run(() -> tables.delete(staging));
            finish(id, Rebuild.FAILED, e.toString());
        }
    }

    /** Progress, in the caller's transaction when there is one; a run declared abandoned stops here. */
    private void heartbeat(UUID id, long replayed) {
        boolean running = QuarkusTransaction.isActive()
                ? rebuilds.progress(id, replayed, Timestamps.now(clock))
                : QuarkusTransaction.requiringNew().call(() -> rebuilds.progress(id, replayed, Timestamps.now(clock)));
        if (!running) {
            throw new Abandoned();
        }
    }

    /** This run waited or stalled longer than {@link #ABANDONED_AFTER} and another may have started. */
    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super(null, null, false, false);
        }
    }

    private void finish(UUID id, String state, String error) {
        QuarkusTransaction.requiringNew().run(() -> rebuilds.finish(id, state, Timestamps.now(clock), error));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
