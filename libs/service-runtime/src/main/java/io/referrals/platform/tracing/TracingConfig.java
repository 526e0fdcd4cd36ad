package io.referrals.platform.tracing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Where traces go and how many are kept: README.md#traces. */
@ConfigMapping(prefix = "platform.tracing")
public interface TracingConfig {
    /**
     * The OTLP endpoint spans are exported to ({@code OTEL_EXPORTER_OTLP_ENDPOINT}). Unset, nothing is recorded or
     * exported: spans and their ids are still made, for the logs and the {@code traceparent} between services.
     */
    Optional<String> endpoint();

    /** The share of new traces recorded, 0 to 1 ({@code OTEL_TRACES_SAMPLER_ARG}); a caller's decision is kept. */
    @WithDefault("1.0")
    double sampleRatio();
}
