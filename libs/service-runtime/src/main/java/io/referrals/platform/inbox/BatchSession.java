package io.referrals.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

/**
 * The session of a consumer that keeps one for its whole batch ({@link EventRouter#sessionPerBatch()}: flushed once,
 * at its end): lets an event whose code queries what earlier events of the batch may have changed run as every event
 * did before, its queries seeing all of it.
 */
@ApplicationScoped
public class BatchSession {
    @Inject
    EntityManager entityManager;

    /**
     * Flushes what the batch changed so far, then runs {@code work} with the automatic flush before each query that
     * needs it, and flushes its changes; the batch's flush mode is restored after.
     */
    public void flushingAsUsual(Runnable work) {
        FlushModeType batchMode = entityManager.getFlushMode();
        entityManager.flush();
        entityManager.setFlushMode(FlushModeType.AUTO);
        try {
            work.run();
            entityManager.flush();
        } finally {
            entityManager.setFlushMode(batchMode);
        }
    }
}
