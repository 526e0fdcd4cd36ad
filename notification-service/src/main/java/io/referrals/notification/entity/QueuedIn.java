package io.referrals.notification.entity;

import io.referrals.platform.tracing.TraceParent;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The trace context a row was queued in (W3C traceparent/tracestate of the span current when it was written: an event's
 * processing, or the request that asked for it): the sender or the dispatcher sends it as that span's child.
 */
@Embeddable
public class QueuedIn {
    @Column(name = "trace_parent", updatable = false)
    public String traceParent;

    @Column(name = "trace_state", updatable = false)
    public String traceState;

    /** The current span's context, or null outside any span (nothing to continue). */
    public static QueuedIn current() {
        TraceParent current = TraceParent.current();
        if (current == null) {
            return null;
        }
        QueuedIn queuedIn = new QueuedIn();
        queuedIn.traceParent = current.traceparent();
        queuedIn.traceState = current.tracestate();
        return queuedIn;
    }

    /** The parent of the work done for the row, or null (a row queued before traces, or outside any span). */
    public static TraceParent parent(QueuedIn queuedIn) {
        return queuedIn == null ? null : TraceParent.stored(queuedIn.traceParent, queuedIn.traceState);
    }
}
