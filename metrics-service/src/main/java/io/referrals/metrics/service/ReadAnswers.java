package io.referrals.metrics.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.referrals.metrics.entity.ReadVersionRepository;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The answers {@link ReadCache} keeps, each with the practice's read-model version and the time it was computed. */
@ApplicationScoped
public class ReadAnswers {
    /** Computes an answer; may throw what the read throws (a 404 is never kept). */
    @FunctionalInterface
    public interface Computation {
        Object compute() throws Exception;
    }

    @Inject
    ReadVersionRepository versions;

    @Inject
    Clock clock;

    @Inject
    MetricsConfig config;

    private Cache<Key, Answer> answers;
    private Duration maxAge;

    @PostConstruct
    void create() {
        maxAge = config.readCache().maxAge();
        answers = Caffeine.newBuilder()
                .maximumSize(config.readCache().maxEntries())
                .build();
    }

    public Object get(String tenantId, String method, List<Object> parameters, Computation read) throws Exception {
        if (maxAge.isZero()) {
            return read.compute();
        }
        Key key = new Key(method, parameters);
        // The version first: a change committed while computing leaves the answer under the older version.
        long version = versions.current(tenantId);
        Instant now = clock.instant();
        Answer kept = answers.getIfPresent(key);
        if (kept != null && kept.version() == version && kept.isFresh(now, maxAge)) {
            return kept.value();
        }
        Object value = read.compute();
        answers.put(key, new Answer(version, now, value));
        return value;
    }

    /** Marks these practices' read models changed, in the transaction that changes them. */
    public void changed(Set<String> tenantIds) {
        versions.raise(tenantIds);
    }

    private record Key(String method, List<Object> parameters) {}

    private record Answer(long version, Instant computedAt, Object value) {
        boolean isFresh(Instant now, Duration maxAge) {
            return !now.isBefore(computedAt) && now.isBefore(computedAt.plus(maxAge));
        }
    }
}
