package io.referrals.platform.tracing;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The sampler, decided at start from {@link TracingConfig} (Quarkus fixes its own sampler setting at build time, and a
 * packaged service must be switched on where it runs): with an endpoint, a new trace is recorded at the configured ratio
 * and a trace that arrives with a decision keeps it (parent-based); without one, nothing is recorded, so a service with
 * no collector neither buffers spans nor logs export failures, whatever a caller's {@code traceparent} asks.
 */
@Singleton
public class PlatformSampler {

    @Produces
    @Singleton
    Sampler sampler(TracingConfig config) {
        return of(config);
    }

    static Sampler of(TracingConfig config) {
        if (config.endpoint().isEmpty()) {
            return Sampler.alwaysOff();
        }
        double ratio = Math.max(0.0, Math.min(1.0, config.sampleRatio()));
        return Sampler.parentBased(Sampler.traceIdRatioBased(ratio));
    }
}
