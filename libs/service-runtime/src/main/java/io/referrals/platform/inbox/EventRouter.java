package io.referrals.platform.inbox;

import io.referrals.events.CloudEvent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Consumer;

/** Maps the event contracts a consumer cares about to its handlers; other types are ignored. */
public final class EventRouter {

    /** The effect of one event: its envelope (tenant, id, time) and its typed payload. */
    @FunctionalInterface
    public interface Handler<T> {
        void handle(CloudEvent event, T data);
    }

    private final Map<String, Consumer<CloudEvent>> handlers = new HashMap<>();
    private Consumer<Set<String>> afterApplied = tenants -> {};
    private Consumer<SortedSet<String>> beforeApplying = tenants -> {};
    private Consumer<List<CloudEvent>> preparing = events -> {};
    private boolean sessionPerBatch;

    public <T> EventRouter on(EventType<T> type, Handler<T> handler) {
        handlers.put(type.cloudEventType(), event -> handler.handle(event, EventCodec.data(event, type)));
        return this;
    }

    /**
     * Runs at the start of each inbox transaction, in it, with the tenants of the events it is about to apply, in
     * order: a read model that two consumers write takes its per-tenant locks here, in that order, so that two
     * batches never wait on each other in a cycle.
     */
    public EventRouter beforeApplying(Consumer<SortedSet<String>> hook) {
        this.beforeApplying = hook;
        return this;
    }

    /**
     * Runs in each inbox transaction once the events it will apply are known (recorded as processed, repeats left
     * out), before the first is applied, with those events in order: a projection takes the rows they touch here in a
     * few statements for the whole batch instead of a few per event.
     */
    public EventRouter preparing(Consumer<List<CloudEvent>> hook) {
        this.preparing = hook;
        return this;
    }

    /**
     * Keeps one persistence context for a whole batch: entities loaded by one event stay loaded for the next, and
     * the session is flushed once, after the last event, never automatically before a query in between (flush mode
     * COMMIT). For handlers that read their rows by id; one that queries a table it may have changed in the batch
     * flushes first. Without it, each event's changes are flushed and the session cleared after the event.
     */
    public EventRouter sessionPerBatch() {
        this.sessionPerBatch = true;
        return this;
    }

    boolean keepsSessionPerBatch() {
        return sessionPerBatch;
    }

    /**
     * Runs once per transaction that applied events, in it, with the tenants whose events it applied: a read model
     * marks those tenants changed there (for example to invalidate what readers cached).
     */
    public EventRouter afterApplied(Consumer<Set<String>> hook) {
        this.afterApplied = hook;
        return this;
    }

    public boolean handles(String cloudEventType) {
        return handlers.containsKey(cloudEventType);
    }

    void route(CloudEvent event) {
        Consumer<CloudEvent> handler = handlers.get(event.type());
        if (handler != null) {
            handler.accept(event);
        }
    }

    void applying(SortedSet<String> tenants) {
        beforeApplying.accept(tenants);
    }

    void prepare(List<CloudEvent> events) {
        if (!events.isEmpty()) {
            preparing.accept(events);
        }
    }

    void applied(Set<String> tenants) {
        if (!tenants.isEmpty()) {
            afterApplied.accept(tenants);
        }
    }
}
