package io.referrals.platform.inbox;

import io.referrals.events.CloudEvent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventType;
import java.util.HashMap;
import java.util.IdentityHashMap;
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

    /** The typed payloads of a batch's events, each decoded once for the preparing hook and the handler. */
    public interface Payloads {
        <T> T data(CloudEvent event, EventType<T> type);
    }

    /** Work a projection does for a whole batch before its first event is applied. */
    @FunctionalInterface
    public interface Preparation {
        void prepare(List<CloudEvent> events, Payloads payloads);
    }

    private final Map<String, Consumer<CloudEvent>> handlers = new HashMap<>();
    private final Map<CloudEvent, Object> decoded = new IdentityHashMap<>(); // this batch's (a consumer's one thread)
    private final Payloads payloads = this::decodedOnce;
    private Consumer<Set<String>> afterApplied = tenants -> {};
    private Consumer<SortedSet<String>> practiceLock;
    private Preparation preparing = (events, payloads) -> {};
    private boolean sessionPerBatch;

    public <T> EventRouter on(EventType<T> type, Handler<T> handler) {
        handlers.put(type.cloudEventType(), event -> handler.handle(event, decodedOnce(event, type)));
        return this;
    }

    @SuppressWarnings("unchecked") // an event's CloudEvent type names one contract, so one payload class
    private <T> T decodedOnce(CloudEvent event, EventType<T> type) {
        Object known = decoded.get(event);
        if (known != null) {
            return (T) known;
        }
        T data = EventCodec.data(event, type); // a malformed payload throws here, to whichever asked first
        decoded.put(event, data);
        return data;
    }

    /**
     * The consumer's own lock per practice, taken at the start of each inbox transaction, in it, with the tenants of
     * the events it is about to apply, in order, instead of the inbox's advisory lock: a read model that two consumers
     * write locks its practice rows here, in that order, so that two batches never wait on each other in a cycle, and
     * the transaction saves the advisory lock's round trip. The lock must keep a practice's batches apart as the
     * advisory lock does: held until the transaction ends, exclusive between the service's consumers and replicas.
     */
    public EventRouter lockingPractices(Consumer<SortedSet<String>> lock) {
        this.practiceLock = lock;
        return this;
    }

    /**
     * Runs in each inbox transaction once the events it will apply are known (recorded as processed, repeats left
     * out), before the first is applied, with those events in order: a projection takes the rows they touch here in a
     * few statements for the whole batch instead of a few per event. The payloads it decodes are those the handlers
     * then receive, decoded once.
     */
    public EventRouter preparing(Preparation hook) {
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

    boolean locksPractices() {
        return practiceLock != null;
    }

    void lockPractices(SortedSet<String> tenants) {
        practiceLock.accept(tenants);
    }

    void prepare(List<CloudEvent> events) {
        decoded.clear(); // an earlier attempt's, or an earlier batch's left by a failure
        if (!events.isEmpty()) {
            preparing.prepare(events, payloads);
        }
    }

    void applied(Set<String> tenants) {
        decoded.clear();
        if (!tenants.isEmpty()) {
            afterApplied.accept(tenants);
        }
    }
}
