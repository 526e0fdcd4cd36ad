package io.referrals.platform.availability;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.kafka.common.errors.RetriableException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a dependency that is away from a bug. A failure is transient when something in its cause chain says the
 * database or the broker could not be reached: a refused or timed-out connection, Hibernate's
 * {@link JDBCConnectionException}, Agroal's acquisition timeout (a plain {@link SQLException} without SQLState, "Sorry,
 * acquisition timeout!" or "Acquisition timeout while waiting for new connection"), an SQLState of class 08
 * (connection exception), 57P01 to 57P03 (the server shutting down, crashed or not yet accepting connections) or 53300
 * (too many connections), or a Kafka error the client itself calls retriable (timeouts, unavailable leaders). Anything
 * else (a constraint violation, a NullPointerException) is a bug or bad data: retrying it changes nothing.
 */
public final class TransientFailures {
    private TransientFailures() {}

    /** The database could not be reached or refused to work for now; the same request later may well succeed. */
    public static boolean isDatabaseUnreachable(Throwable failure) {
        for (Throwable cause : chain(failure)) {
            if (cause instanceof JDBCConnectionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLRecoverableException
                    || cause instanceof ConnectException
                    || cause instanceof NoRouteToHostException) {
                return true;
            }
            if (cause instanceof SQLException sql && isUnreachable(sql)) {
                return true;
            }
        }
        return false;
    }

    /** The broker could not be reached, or answered with an error its client calls retriable. */
    public static boolean isBrokerUnreachable(Throwable failure) {
        for (Throwable cause : chain(failure)) {
            if (cause instanceof RetriableException
                    || cause instanceof java.util.concurrent.TimeoutException
                    || cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Either dependency is away: waiting is the cure. */
    public static boolean isTransient(Throwable failure) {
        return isDatabaseUnreachable(failure) || isBrokerUnreachable(failure);
    }

    /** One line naming the innermost cause, for logs: no stack trace, no data. */
    public static String summary(Throwable failure) {
        Throwable root = failure;
        for (Throwable cause : chain(failure)) {
            root = cause;
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static boolean isUnreachable(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null) {
            String message = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
            return message.contains("acquisition timeout");
        }
        return state.startsWith("08")
                || state.equals("57P01")
                || state.equals("57P02")
                || state.equals("57P03")
                || state.equals("53300");
    }

    /**
     * The failure, its causes, the next exceptions of SQL ones and, with their own causes, the suppressed ones: a
     * commit the database broke off reaches the caller as a {@code RollbackException} whose cause is empty and whose
     * suppressed {@code XAException} carries the {@code PSQLException} (57P01) that says why.
     */
    private static Iterable<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        Deque<Throwable> pending = new ArrayDeque<>(List.of(failure));
        while (!pending.isEmpty()) {
            Throwable cause = pending.poll();
            if (!seen.add(cause)) {
                continue;
            }
            chain.add(cause);
            if (cause.getCause() != null) {
                pending.add(cause.getCause());
            }
            if (cause instanceof SQLException sql && sql.getNextException() != null) {
                pending.add(sql.getNextException());
            }
            pending.addAll(List.of(cause.getSuppressed()));
        }
        return chain;
    }
}
