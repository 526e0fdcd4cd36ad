package io.referrals.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Watches the stack's child processes (each service's JVM, the local broker's) the way a container engine's restart
 * policy would: one that dies while the stack runs is reported on the console and started again, after a pause that
 * doubles with each death in a row (1 s, 2 s, 4 s ... at most 30 s) and goes back to 1 s once it has stayed up a
 * minute. A process someone stops or restarts on purpose (the stack's {@code restart}, the outage controls'
 * {@code stopBroker}, a test that kills one and brings it back itself) is {@linkplain #hold held}: the watch leaves
 * it alone until the hold is released, so it never races the caller.
 */
final class ProcessWatch implements AutoCloseable {
    static final Duration POLL = Duration.ofMillis(500);
    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    static final Duration MAX_PAUSE = Duration.ofSeconds(30);
    /** Up this long after a restart, and the next death starts from the first pause again. */
    static final Duration STABLE = Duration.ofMinutes(1);

    /** A process the watch keeps running. */
    record Watched(String name, BooleanSupplier alive, Supplier<String> howItEnded, Runnable start) {}

    private static final class Entry {
        final Watched watched;
        int holds;
        boolean down;
        Duration pause = FIRST_PAUSE;
        Instant nextStart;
        Instant upSince = Instant.now();
        long restarts;

        Entry(Watched watched) {
            this.watched = watched;
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Consumer<String> say;
    private final Thread thread;
    private final AtomicLong rounds = new AtomicLong();
    private volatile boolean closed;

    ProcessWatch(Consumer<String> say) {
        this.say = say;
        this.thread = new Thread(this::run, "local-stack-process-watch");
        this.thread.setDaemon(true);
    }

    synchronized void watch(Watched watched) {
        entries.put(watched.name(), new Entry(watched));
    }

    void start() {
        thread.start();
    }

    /**
     * Leaves {@code name} alone until the returned hold is closed; waits for a restart the watch has under way to
     * finish first. Holds nest: the process is watched again once every hold is closed.
     */
    Hold hold(String name) {
        Entry entry;
        synchronized (this) {
            entry = entries.get(name);
            if (entry == null) {
                throw new IllegalArgumentException("Not watched: " + name);
            }
            entry.holds++;
        }
        boolean[] released = new boolean[1];
        return () -> {
            synchronized (ProcessWatch.this) {
                if (!released[0]) {
                    released[0] = true;
                    entry.holds--;
                    if (entry.holds == 0) {
                        // Whatever state the holder left it in is the new normal: no report of a death it caused.
                        entry.down = false;
                        entry.upSince = Instant.now();
                    }
                }
            }
        };
    }

    /** How many times the watch started {@code name} again. */
    synchronized long restarts(String name) {
        return entries.get(name).restarts;
    }

    /** Completed rounds, for tests that must see the watch looked. */
    long rounds() {
        return rounds.get();
    }

    private void run() {
        while (!closed) {
            checkOnce(Instant.now());
            rounds.incrementAndGet();
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One look at every process: the start of one that is due happens here, under the watch's lock. */
    private synchronized void checkOnce(Instant now) {
        for (Entry entry : entries.values()) {
            if (closed) {
                return;
            }
            if (entry.holds > 0) {
                continue;
            }
            String name = entry.watched.name();
            if (entry.watched.alive().getAsBoolean()) {
                if (entry.down) {
                    entry.down = false;
                }
                if (Duration.between(entry.upSince, now).compareTo(STABLE) >= 0) {
                    entry.pause = FIRST_PAUSE;
                }
                continue;
            }
            if (!entry.down) {
                entry.down = true;
                entry.nextStart = now.plus(entry.pause);
                say.accept("!!! " + name + " stopped unexpectedly ("
                        + entry.watched.howItEnded().get() + "); starting it again in " + entry.pause.toSeconds()
                        + " s");
            }
            if (now.isBefore(entry.nextStart)) {
                continue;
            }
            try {
                entry.watched.start().run();
                entry.restarts++;
                entry.upSince = Instant.now();
                say.accept(name + " started again (restart " + entry.restarts + ")");
            } catch (RuntimeException e) {
                say.accept("!!! " + name + " did not start: " + e.getMessage());
            }
            // If it dies again soon, the next pause is longer.
            entry.down = false;
            entry.pause =
                    entry.pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : entry.pause.multipliedBy(2);
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
