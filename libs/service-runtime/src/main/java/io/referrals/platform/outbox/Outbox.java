package io.referrals.platform.outbox;

import io.referrals.events.CloudEvent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventType;
import io.referrals.platform.config.ServiceConfig;
import io.referrals.platform.persistence.Sql;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.tracing.TraceParent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/**
 * Records an event in the caller's transaction. It reaches Kafka only if that transaction commits, and
 * reaches it even if the service dies right after the commit: {@link OutboxRelay} sends what is recorded.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    Sql sql;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    ServiceConfig service;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public <T> CloudEvent publish(EventType<T> type, String tenantId, UUID aggregateId, T data) {
        CloudEvent event = EventCodec.wrap(
                UUID.randomUUID().toString(),
                Timestamps.now(clock),
                type,
                "/" + service.name(),
                tenantId,
                aggregateId.toString(),
                data);
        // The span this event is recorded in (the request's, or the consumer's that reacted to another event): the
        // relay sends the event as its child, so the trace goes on after the commit, in another thread or replica.
        TraceParent recordedIn = TraceParent.current();
        sql.update(
                """
                insert into outbox_event
                    (id, tenant_id, topic, event_key, event_type, payload, created_at, trace_parent, trace_state)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                UUID.fromString(event.id()),
                tenantId,
                type.topic(),
                event.subject(),
                event.type(),
                EventCodec.encode(event),
                event.time(),
                recordedIn == null ? null : recordedIn.traceparent(),
                recordedIn == null ? null : recordedIn.tracestate());
        // Relay at once after commit instead of waiting for the next poll.
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
        return event;
    }
}
