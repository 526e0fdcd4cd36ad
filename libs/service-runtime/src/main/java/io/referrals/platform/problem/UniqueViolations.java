package io.referrals.platform.problem;

import java.sql.SQLException;

/**
 * A write that lost a race to another one creating the same thing (two requests for one partner email at once): the
 * database's unique index refused it after the service's own check let both through. The client did nothing wrong
 * twice; it gets a 409 and, retrying, the service's usual answer for a duplicate. Neither answer nor log repeats what
 * the index compared: that is the request's data (an email address).
 */
final class UniqueViolations {
    /** PostgreSQL's SQLSTATE for unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {}

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }

    static Problem problem() {
        return Problem.of(
                409,
                "conflict",
                "Conflicts with a concurrent request",
                "Another request created the same record at the same moment. Send the request again to see what"
                        + " exists now.");
    }
}
