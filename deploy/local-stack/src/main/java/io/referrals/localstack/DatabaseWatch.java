package io.referrals.localstack;

import io.referrals.testing.EmbeddedDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Watches the local stack's embedded PostgreSQL: when its postmaster is gone (killed, crashed, OOM-killed) without
 * the stack having stopped it, says so and starts it again on the same data directory and port, retrying with a
 * doubling backoff (capped) while the start fails. The services reconnect by themselves. {@link #hold()} ({@link
 * OutageControls#stopDatabase()}) keeps a deliberately stopped database down until {@link #release()}.
 */
final class DatabaseWatch implements AutoCloseable {
    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final EmbeddedDatabase database;
    private final Consumer<String> say;
    private final Thread thread;
    private final AtomicLong rounds = new AtomicLong();
    private final AtomicLong restarts = new AtomicLong();
    private volatile boolean closed;
    // Guarded by this: a deliberate stop, which the watch must not undo.
    private boolean held;

    DatabaseWatch(EmbeddedDatabase database, Consumer<String> say) {
        this.database = database;
        this.say = say;
        this.thread = new Thread(this::run, "local-stack-database-watch");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** From now on a dead database stays dead; waits for a restart under way to finish. */
    synchronized void hold() {
        held = true;
    }

    /** Watching again: a dead database is started again. */
    synchronized void release() {
        held = false;
    }

    /** Completed watch rounds, for tests that need to see the watch has looked (and left a held database down). */
    long rounds() {
        return rounds.get();
    }

    /** How many times the watch started the database again. */
    long restarts() {
        return restarts.get();
    }

    private void run() {
        Duration backoff = FIRST_BACKOFF;
        while (!closed) {
            boolean failed = false;
            try {
                checkOnce();
                backoff = FIRST_BACKOFF;
            } catch (RuntimeException e) {
                failed = true;
                say.accept("PostgreSQL did not start again (" + e.getMessage() + "); next attempt in "
                        + backoff.toSeconds() + " s. Its log: logs/local-stack.log");
            }
            rounds.incrementAndGet();
            sleep(failed ? backoff : POLL);
            if (failed) {
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** One look: if the database died behind the stack's back, starts it again (throws if that fails). */
    private synchronized void checkOnce() {
        if (held || closed || database.isAlive()) {
            return;
        }
        Instant since = Instant.now();
        say.accept("PostgreSQL on port " + database.port() + " is gone (no postmaster running for "
                + database.dataDirectory().orElseThrow() + "); starting it again on the same data directory");
        database.start();
        restarts.incrementAndGet();
        say.accept("PostgreSQL is back on port " + database.port() + " after "
                + RunningStack.seconds(Duration.between(since, Instant.now())) + " s (crash recovery included)");
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(150).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
