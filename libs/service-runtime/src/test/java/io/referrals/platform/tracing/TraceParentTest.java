package io.referrals.platform.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;

class TraceParentTest {
    private static final SpanContext RECORDED = SpanContext.create(
            "4bf92f3577b34da6a3ce929d0e0e4736",
            "00f067aa0ba902b7",
            TraceFlags.getSampled(),
            TraceState.builder().put("vendor", "value").build());

    @Test
    void theCurrentSpanIsKeptAsItsW3cHeadersAndRestoredAsTheParentOfLaterWork() {
        TraceParent kept;
        try (Scope scope = Context.root().with(Span.wrap(RECORDED)).makeCurrent()) {
            kept = TraceParent.current();
        }
        assertEquals("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", kept.traceparent());
        assertEquals("vendor=value", kept.tracestate());

        SpanContext restored = Span.fromContext(TraceParent.stored(kept.traceparent(), kept.tracestate())
                        .context())
                .getSpanContext();
        assertEquals(RECORDED.getTraceId(), restored.getTraceId());
        assertEquals(RECORDED.getSpanId(), restored.getSpanId());
        assertTrue(restored.isRemote(), "a parent from another thread or process");
        assertTrue(restored.isSampled());
        assertEquals("value", restored.getTraceState().get("vendor"));
    }

    @Test
    void workOutsideAnySpanKeepsNothingAndContinuesNothing() {
        assertNull(TraceParent.current());
        assertNull(TraceParent.stored(null, null));
        assertNull(TraceParent.stored(" ", null));
        assertFalse(
                Span.fromContext(TraceParent.parentOf(null)).getSpanContext().isValid());
    }

    @Test
    void headersThatAreNotTraceContextGiveANewTraceNotAFailure() {
        TraceParent garbled = TraceParent.stored("00-not-a-trace-01", null);
        assertTrue(garbled.spanContext().isEmpty());
        assertFalse(Span.fromContext(garbled.context()).getSpanContext().isValid());
    }

    @Test
    void headersAreWrittenWithTheirW3cNamesAndAnEmptyStateIsLeftOut() {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        new TraceParent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", null).forEach(headers::put);
        assertEquals(
                java.util.Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"), headers);
    }
}
