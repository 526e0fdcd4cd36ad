package io.referrals.platform.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SecretPathsSpanProcessorTest {

    @Test
    void aPathsSecretNeverReachesAnExporterAndOtherPathsAreKept() {
        List<ReadableSpan> exported = new CopyOnWriteArrayList<>();
        SpanProcessor exporter = new SpanProcessor() {
            @Override
            public void onStart(Context parentContext, ReadWriteSpan span) {}

            @Override
            public boolean isStartRequired() {
                return false;
            }

            @Override
            public void onEnd(ReadableSpan span) {
                exported.add(span);
            }

            @Override
            public boolean isEndRequired() {
                return true;
            }
        };
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(new SecretPathsSpanProcessor())
                .addSpanProcessor(exporter)
                .build()) {
            Tracer tracer = provider.get("test");
            for (String path : List.of(
                    "/api/intake/il_secret123",
                    "/api/unsubscribe/u.signed.token",
                    "/api/bookings/calendly/bk_abc",
                    "/api/referrals")) {
                tracer.spanBuilder("POST")
                        .setAttribute(SecretPathsSpanProcessor.URL_PATH, path)
                        .startSpan()
                        .end();
            }
        }
        assertEquals(
                List.of(
                        "/api/intake/{token}",
                        "/api/unsubscribe/{token}",
                        "/api/bookings/calendly/{token}",
                        "/api/referrals"),
                exported.stream()
                        .map(span -> span.getAttribute(SecretPathsSpanProcessor.URL_PATH))
                        .toList());
    }
}
