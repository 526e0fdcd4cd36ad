package io.referrals.metrics.service.projection;

import io.referrals.events.EventType;
import io.referrals.platform.inbox.EventRouter;

/** Where {@link Projections} lists its handlers: a live consumer's router, or a rebuild's replay. */
public interface Routes {
    <T> void on(EventType<T> type, EventRouter.Handler<T> handler);
}
