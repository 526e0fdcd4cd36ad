package io.referrals.metrics.service.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.referrals.metrics.entity.ReadVersionRepository;
import io.referrals.metrics.service.MetricsConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

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
    private final ConcurrentMap<Key, CompletableFuture<Answer>> inFlight = new ConcurrentHashMap<>();
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
        Key key = new Key(tenantId, method, parameters);
        // The version first: a change committed while computing leaves the answer under the older version.
        long version = versions.current(tenantId);
        Instant now = clock.instant();
        Answer kept = answers.getIfPresent(key);
        if (kept != null && kept.version() == version && kept.isFresh(now, maxAge)) {
            return kept.value();
        }
        Answer sameData = kept != null && kept.version() == version ? kept : null;
        return computeOnce(key, version, now, sameData, read).value();
    }

    /**
     * Computes an answer once for everyone asking the same question at the same time, instead of all running the same
     * queries at once. When a change expired a popular answer, the others wait for that one computation; when only the
     * clock did ({@code sameData}: the practice's read models have not moved), they keep the answer they had
     * meanwhile, so that a refresh every max-age does not hold every reader for the length of one computation.
     */
    private Answer computeOnce(Key key, long version, Instant now, Answer sameData, Computation read) throws Exception {
        CompletableFuture<Answer> mine = new CompletableFuture<>();
        CompletableFuture<Answer> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            if (sameData != null) {
                return sameData;
            }
            Answer shared = await(running);
            if (shared.version() >= version) {
                return shared;
            }
            return new Answer(version, now, read.compute()); // computed before the change this reader saw
        }
        try {
            Answer answer = new Answer(version, now, read.compute());
            answers.put(key, answer);
            mine.complete(answer);
            return answer;
        } catch (Exception | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private static Answer await(CompletableFuture<Answer> running) throws Exception {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Marks these practices' read models changed, in the transaction that changes them. */
    public void changed(Set<String> tenantIds) {
        versions.raise(tenantIds);
    }

    private record Key(String tenantId, String method, List<Object> parameters) {}

    private record Answer(long version, Instant computedAt, Object value) {
        boolean isFresh(Instant now, Duration maxAge) {
            return !now.isBefore(computedAt) && now.isBefore(computedAt.plus(maxAge));
        }
    }
}
