package io.referrals.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.referrals.events.CloudEvent;
import io.referrals.events.EventCodec;
import io.referrals.events.MalformedEventException;
import io.referrals.platform.config.ServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

/**
 * Applies consumed events exactly once: the event id is recorded in the same transaction as the effect,
 * so a redelivered event finds its id and changes nothing. A record that cannot be read as an event of
 * a known contract is rethrown as {@link MalformedEventException}; the channel's dead-letter strategy
 * parks it and the consumer moves on. Other failures (a database outage) are retried with growing pauses
 * until they pass: a valid event is never skipped, and the partition waits, which the lag metric shows.
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final long MAX_PAUSE_MILLIS = 30_000;

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry registry;

    @Inject
    ServiceConfig service;

    /** Reads a Kafka record value and applies it through the router. Returns true if it had an effect. */
    public boolean consume(String payload, EventRouter router) {
        CloudEvent event;
        try {
            event = EventCodec.decode(payload);
        } catch (MalformedEventException e) {
            return deadLetter(e);
        }
        if (!router.handles(event.type())) {
            return false;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> applyOnce(event, router));
                registry.counter(
                                "inbox.events",
                                "service",
                                service.name(),
                                "type",
                                event.type(),
                                "outcome",
                                applied ? "applied" : "duplicate")
                        .increment();
                return applied;
            } catch (MalformedEventException e) {
                return deadLetter(e);
            } catch (RuntimeException e) {
                long pause = Math.min(100L << Math.min(attempt, 16), MAX_PAUSE_MILLIS);
                registry.counter("inbox.retries", "service", service.name()).increment();
                LOG.warnf(
                        "Applying event %s failed (attempt %d), retrying in %d ms: %s",
                        event.id(), attempt, pause, e.toString());
                sleep(pause);
            }
        }
    }

    private boolean applyOnce(CloudEvent event, EventRouter router) {
        int recorded = entityManager
                .createNativeQuery("""
                insert into processed_event (event_id, tenant_id, event_type) values (?1, ?2, ?3)
                on conflict (event_id) do nothing""")
                .setParameter(1, event.id())
                .setParameter(2, event.tenantid())
                .setParameter(3, event.type())
                .executeUpdate();
        if (recorded == 0) {
            return false;
        }
        router.route(event);
        return true;
    }

    private boolean deadLetter(MalformedEventException e) {
        registry.counter("inbox.events.malformed", "service", service.name()).increment();
        LOG.warnf("Malformed event sent to the dead-letter topic: %s", e.getMessage());
        throw e;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
