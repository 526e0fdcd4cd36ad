package io.referrals.platform.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlatformSamplerTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final Context SAMPLED_CALLER = Context.root()
            .with(Span.wrap(SpanContext.createFromRemoteParent(
                    TRACE, "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault())));

    @Test
    void withoutAnEndpointNothingIsRecordedNotEvenWhenTheCallerAsks() {
        var sampler = PlatformSampler.of(config(Optional.empty(), 1.0));
        assertEquals(SamplingDecision.DROP, decide(sampler, Context.root()));
        assertEquals(SamplingDecision.DROP, decide(sampler, SAMPLED_CALLER));
    }

    @Test
    void withAnEndpointNewTracesAreRecordedAtTheRatioAndACallersDecisionIsKept() {
        assertEquals(
                SamplingDecision.RECORD_AND_SAMPLE,
                decide(PlatformSampler.of(config(Optional.of("http://collector:4317"), 1.0)), Context.root()));
        var none = PlatformSampler.of(config(Optional.of("http://collector:4317"), 0.0));
        assertEquals(SamplingDecision.DROP, decide(none, Context.root()));
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(none, SAMPLED_CALLER));
    }

    private static SamplingDecision decide(io.opentelemetry.sdk.trace.samplers.Sampler sampler, Context parent) {
        return sampler.shouldSample(
                        parent, TRACE, "POST /api/referrals", SpanKind.SERVER, Attributes.empty(), List.of())
                .getDecision();
    }

    private static TracingConfig config(Optional<String> endpoint, double ratio) {
        return new TracingConfig() {
            @Override
            public Optional<String> endpoint() {
                return endpoint;
            }

            @Override
            public double sampleRatio() {
                return ratio;
            }
        };
    }
}
