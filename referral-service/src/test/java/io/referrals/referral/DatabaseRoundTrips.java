package io.referrals.referral;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the PostgreSQL driver sends while it is open, as its protocol log tells it (the driver logs every message at
 * FINEST): statements executed and round trips (a Sync ends each one), counted only on threads serving the resource
 * named, so that the outbox relay and the consumers running beside a request are not counted. The driver itself is
 * the witness: every statement, whether Hibernate, the platform's {@code Sql} or a commit issued it, passes there.
 */
final class DatabaseRoundTrips implements AutoCloseable {
    private static final String DRIVER_LOGGER = "org.postgresql.core.v3.QueryExecutorImpl";

    private final Logger driver = Logger.getLogger(DRIVER_LOGGER);
    private final Level previousLevel;
    private final boolean usedParentHandlers;
    private final Predicate<StackWalker.StackFrame> serving;
    private final List<String> messages = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            boolean onRequestThread = StackWalker.getInstance().walk(frames -> frames.anyMatch(serving));
            if (!onRequestThread) {
                return;
            }
            String message = record.getMessage();
            Object[] parameters = record.getParameters();
            if (parameters != null && parameters.length > 0) {
                message = java.text.MessageFormat.format(message.replace("'", "''"), parameters);
            }
            synchronized (messages) {
                messages.add(message.strip());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private DatabaseRoundTrips(String resourceClassName) {
        this.serving = frame -> frame.getClassName().startsWith(resourceClassName);
        this.previousLevel = driver.getLevel();
        this.usedParentHandlers = driver.getUseParentHandlers();
        driver.setLevel(Level.FINEST);
        handler.setLevel(Level.FINEST);
        // The protocol log is for counting here, not for the test's console.
        driver.setUseParentHandlers(false);
        driver.addHandler(handler);
    }

    /** Starts counting what threads serving {@code resource} (its methods on the stack) send to the database. */
    static DatabaseRoundTrips during(Class<?> resource) {
        return new DatabaseRoundTrips(resource.getName());
    }

    /** Statements executed (each Execute message; a batch of the same statement executes it once per row). */
    int statements() {
        return (int) lines().stream().filter(m -> m.startsWith("FE=> Execute")).count();
    }

    /** Round trips: each ReadyForQuery is the server's answer to a Sync, everything sent before it answered. */
    int roundTrips() {
        return (int)
                lines().stream().filter(m -> m.startsWith("<=BE ReadyForQuery")).count();
    }

    /** The SQL of each statement parsed (all of them the first time a connection runs it), in order. */
    List<String> parsed() {
        return lines().stream()
                .filter(m -> m.startsWith("FE=> Parse("))
                .map(m -> m.replaceAll("\\s+", " "))
                .toList();
    }

    List<String> lines() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    void reset() {
        synchronized (messages) {
            messages.clear();
        }
    }

    @Override
    public void close() {
        driver.removeHandler(handler);
        driver.setLevel(previousLevel);
        driver.setUseParentHandlers(usedParentHandlers);
    }
}
