package io.referrals.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Histogram buckets for the HTTP server's request timer ({@code http_server_requests_seconds_bucket}), so that the
 * dashboard and the alerts can read latency percentiles per route across replicas (a per-pod percentile cannot be
 * aggregated). Bounded from 5 ms to 10 s: about 30 buckets per route, method and status.
 */
public class HttpServerHistograms {
    @Produces
    @Singleton
    MeterFilter httpServerRequestHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(true)
                        .minimumExpectedValue((double) Duration.ofMillis(5).toNanos())
                        .maximumExpectedValue((double) Duration.ofSeconds(10).toNanos())
                        .build()
                        .merge(config);
            }
        };
    }
}
