package io.referrals.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A span's context as its W3C Trace Context headers ({@code traceparent}, {@code tracestate}): what a row keeps when its
 * work is done later by another thread or process (an outbox event, a queued mail, a webhook delivery), so that work
 * continues the trace that asked for it, as Debezium's outbox does. Only ids and flags: no data of the request.
 */
public record TraceParent(String traceparent, String tracestate) {
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapSetter<Map<String, String>> MAP_SETTER = Map::put;

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    /** The current span's context, or null when there is none (work that no request or event started). */
    public static TraceParent current() {
        return of(Context.current());
    }

    /** The context's span as headers, or null when it has no valid span. */
    public static TraceParent of(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> headers = new HashMap<>(2);
        W3C.inject(context, headers, MAP_SETTER);
        String traceparent = headers.get(TRACEPARENT);
        return traceparent == null ? null : new TraceParent(traceparent, headers.get(TRACESTATE));
    }

    /** Read back from a row's two columns; null when the row has none (written before traces, or outside any). */
    public static TraceParent stored(String traceparent, String tracestate) {
        return traceparent == null || traceparent.isBlank() ? null : new TraceParent(traceparent, tracestate);
    }

    /** The span context these headers describe, if they are valid W3C Trace Context. */
    public Optional<SpanContext> spanContext() {
        SpanContext context = Span.fromContext(context()).getSpanContext();
        return context.isValid() ? Optional.of(context) : Optional.empty();
    }

    /** A context whose remote parent is the span these headers describe (the root context if they are not valid). */
    public Context context() {
        Map<String, String> headers = new HashMap<>(2);
        headers.put(TRACEPARENT, traceparent);
        if (tracestate != null && !tracestate.isEmpty()) {
            headers.put(TRACESTATE, tracestate);
        }
        return W3C.extract(Context.root(), headers, MAP_GETTER);
    }

    /** The parent context for work continuing {@code stored}: the root context (a new trace) when nothing was kept. */
    public static Context parentOf(TraceParent stored) {
        return stored == null ? Context.root() : stored.context();
    }

    /** The headers themselves, for a carrier that takes name and value (Kafka record headers, an HTTP request). */
    public void forEach(java.util.function.BiConsumer<String, String> header) {
        header.accept(TRACEPARENT, traceparent);
        if (tracestate != null && !tracestate.isEmpty()) {
            header.accept(TRACESTATE, tracestate);
        }
    }
}
