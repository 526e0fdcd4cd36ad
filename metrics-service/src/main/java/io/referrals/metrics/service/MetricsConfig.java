package io.referrals.metrics.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** metrics-service's own settings. */
@ConfigMapping(prefix = "metrics")
public interface MetricsConfig {
    Dormancy dormancy();

    ReadCache readCache();

    interface ReadCache {
        /**
         * How long an answer is reused while nothing changed: the bound on how stale the parts that move with the
         * clock alone can be (overdue first contacts, days silent, a goal's projection), give or take the one
         * computation that refreshes such an answer while the others still read it. 0 turns the cache off.
         */
        @WithDefault("5s")
        Duration maxAge();

        /** Answers kept across all practices; the least recently used go first. */
        @WithDefault("10000")
        int maxEntries();
    }

    interface Dormancy {
        /** How often the dormancy scan runs (a Quarkus duration such as 60s); read by the @Scheduled expression. */
        @WithDefault("60s")
        String scanEvery();

        /** The check-in cadence of a partner when neither it nor its practice sets one. */
        @WithDefault("30")
        int defaultCadenceDays();
    }
}
