package io.referrals.platform.inbox;

import jakarta.inject.Inject;

/**
 * The one shape of a subscription: a subclass lists the events it handles in {@link #routes} and receives the
 * topic's records in a method annotated {@code @Incoming("<channel>") @Blocking(ordered = true)} that calls
 * {@link #consume}. Channel settings (string values, earliest offset, consumer group, dead-letter topic) are shared
 * defaults in service-runtime, so a service names only the channel's topic:
 * {@code mp.messaging.incoming.referral-events.topic=referral.events}.
 */
public abstract class EventConsumer {
    @Inject
    Inbox inbox;

    private volatile EventRouter router;

    /** Adds a handler for each event contract this subscription applies. */
    protected abstract void routes(EventRouter router);

    /** Applies one record exactly once through the {@link Inbox}. */
    protected void consume(String payload) {
        inbox.consume(payload, router());
    }

    private EventRouter router() {
        EventRouter current = router;
        if (current == null) {
            current = new EventRouter();
            routes(current);
            router = current;
        }
        return current;
    }
}
