package io.referrals.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.referrals.metrics.entity.ReadVersionRepository;
import io.referrals.metrics.service.MetricsConfig;
import io.referrals.metrics.service.query.ReadAnswers;
import io.referrals.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The answer cache alone, with an in-memory version table: when it reuses, recomputes and shares a computation. */
class ReadAnswersTest {
    private final Versions versions = new Versions();
    private final TestClock clock = new TestClock();
    private final List<Thread> readerThreads = new CopyOnWriteArrayList<>();
    private final ExecutorService readers = Executors.newFixedThreadPool(8, task -> {
        Thread thread = new Thread(task, "reader-" + readerThreads.size());
        readerThreads.add(thread);
        return thread;
    });
    private final AtomicInteger computations = new AtomicInteger();
    private ReadAnswers answers;

    @BeforeEach
    void create() throws Exception {
        clock.set(Instant.parse("2026-03-01T09:00:00Z"));
        answers = new ReadAnswers();
        set("versions", versions);
        set("clock", clock);
        set("config", config(Duration.ofSeconds(5)));
        var create = ReadAnswers.class.getDeclaredMethod("create");
        create.setAccessible(true);
        create.invoke(answers);
    }

    @AfterEach
    void stop() {
        readers.shutdownNow();
    }

    @Test
    void anAnswerIsReusedUntilThePracticeChangesOrItIsTooOld() throws Exception {
        assertEquals("answer 1", read("practice-a"));
        assertEquals("answer 1", read("practice-a"));
        assertEquals("answer 2", read("practice-b"), "another practice has its own answer");

        versions.raise(List.of("practice-a"));
        assertEquals("answer 3", read("practice-a"), "a change of the practice's read models is seen at once");
        assertEquals("answer 3", read("practice-a"));

        clock.advance(Duration.ofSeconds(5));
        assertEquals("answer 4", read("practice-a"), "what moves with the clock is at most max-age old");
    }

    @Test
    void readersAskingAtOnceShareOneComputation() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<Object>> asked = new ArrayList<>();
        asked.add(readers.submit(() -> answers.get("practice-a", "summary", List.of("2026"), () -> {
            started.countDown();
            release.await(10, TimeUnit.SECONDS);
            return "answer " + computations.incrementAndGet();
        })));
        started.await(10, TimeUnit.SECONDS);
        for (int i = 0; i < 7; i++) {
            asked.add(readers.submit(() -> read("practice-a")));
        }
        awaitReadersWaiting(8); // the first one in its computation, the seven for it
        release.countDown();
        for (Future<Object> answer : asked) {
            assertEquals("answer 1", answer.get(10, TimeUnit.SECONDS));
        }
        assertEquals(1, computations.get());
    }

    @Test
    void whileOneReaderRefreshesAnAnswerOnlyTheClockExpiredTheOthersKeepIt() throws Exception {
        assertEquals("answer 1", read("practice-a"));
        clock.advance(Duration.ofSeconds(5));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Object> refreshing = readers.submit(() -> answers.get("practice-a", "summary", List.of("2026"), () -> {
            started.countDown();
            release.await(10, TimeUnit.SECONDS);
            return "answer " + computations.incrementAndGet();
        }));
        started.await(10, TimeUnit.SECONDS);
        assertEquals("answer 1", readers.submit(() -> read("practice-a")).get(2, TimeUnit.SECONDS));

        versions.raise(List.of("practice-a"));
        Future<Object> afterAChange = readers.submit(() -> read("practice-a"));
        release.countDown();
        assertEquals("answer 2", refreshing.get(10, TimeUnit.SECONDS));
        assertEquals("answer 3", afterAChange.get(10, TimeUnit.SECONDS), "a change is never answered from before it");
    }

    @Test
    void aFailedReadIsNotKept() throws Exception {
        IllegalStateException failure = new IllegalStateException("not found");
        assertSame(
                failure,
                assertThrows(
                        IllegalStateException.class,
                        () -> answers.get("practice-a", "summary", List.of("2026"), () -> {
                            throw failure;
                        })));
        assertEquals("answer 1", read("practice-a"));
    }

    /** Waits (at most 10 s) until {@code count} reader threads are blocked: in a computation or waiting for one. */
    private void awaitReadersWaiting(int count) throws InterruptedException {
        Set<Thread.State> waiting = EnumSet.of(Thread.State.WAITING, Thread.State.TIMED_WAITING, Thread.State.BLOCKED);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (readerThreads.stream()
                        .filter(thread -> waiting.contains(thread.getState()))
                        .count()
                < count) {
            if (System.nanoTime() > deadline) {
                fail("Only " + readerThreads.size() + " readers started, not all waiting: " + readerThreads);
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    private Object read(String tenantId) throws Exception {
        return answers.get(tenantId, "summary", List.of("2026"), () -> "answer " + computations.incrementAndGet());
    }

    private void set(String field, Object value) throws Exception {
        var f = ReadAnswers.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(answers, value);
    }

    private static MetricsConfig config(Duration maxAge) {
        return new MetricsConfig() {
            @Override
            public Dormancy dormancy() {
                throw new UnsupportedOperationException();
            }

            @Override
            public ReadCache readCache() {
                return new ReadCache() {
                    @Override
                    public Duration maxAge() {
                        return maxAge;
                    }

                    @Override
                    public int maxEntries() {
                        return 100;
                    }
                };
            }
        };
    }

    /** The version table in memory. */
    private static final class Versions extends ReadVersionRepository {
        private final Map<String, Long> rows = new ConcurrentHashMap<>();

        @Override
        public void raise(Collection<String> tenantIds) {
            tenantIds.forEach(t -> rows.merge(t, 1L, Long::sum));
        }

        @Override
        public long current(String tenantId) {
            return rows.getOrDefault(tenantId, 0L);
        }
    }
}
