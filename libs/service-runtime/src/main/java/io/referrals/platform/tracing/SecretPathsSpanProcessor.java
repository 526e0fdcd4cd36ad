package io.referrals.platform.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.referrals.platform.problem.RequestPaths;
import jakarta.inject.Singleton;

/**
 * Keeps the secrets some paths carry (an intake link's token, an unsubscribe link's, a booking integration's receiving
 * token) out of the tracing backend: an HTTP server span's {@code url.path} has them replaced by {@code {token}}, as
 * in the services' logs and problem documents ({@link RequestPaths}). Runs when the span starts, before any exporter
 * can read it; the span's name is already the route template.
 */
@Singleton
public class SecretPathsSpanProcessor implements SpanProcessor {
    static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        redact(span);
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {}

    @Override
    public boolean isEndRequired() {
        return false;
    }

    static void redact(ReadWriteSpan span) {
        String path = span.getAttribute(URL_PATH);
        if (path != null) {
            String redacted = RequestPaths.redacted(path);
            if (!redacted.equals(path)) {
                span.setAttribute(URL_PATH, redacted);
            }
        }
    }
}
