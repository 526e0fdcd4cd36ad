package io.referrals.platform.inbox;

import io.referrals.events.CloudEvent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventType;
import java.util.HashMap;
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

    void applied(Set<String> tenants) {
        if (!tenants.isEmpty()) {
            afterApplied.accept(tenants);
        }
    }
}
