package io.referrals.metrics.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** metrics-service's own settings. */
@ConfigMapping(prefix = "metrics")
public interface MetricsConfig {
    Dormancy dormancy();

    interface Dormancy {
        /** How often the dormancy scan runs (a Quarkus duration such as 60s); read by the @Scheduled expression. */
        @WithDefault("60s")
        String scanEvery();

        /** The check-in cadence of a partner when neither it nor its practice sets one. */
        @WithDefault("30")
        int defaultCadenceDays();
    }
}
