package io.referrals.platform.availability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @Test
    void aCommitTheDatabaseBrokeOffIsTheDatabaseBeingAwayThoughOnlyASuppressedExceptionSaysSo() {
        // What Narayana throws when PostgreSQL shuts down during the commit: no cause, the reason suppressed.
        SQLException shutdown = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        XAException commitFailed = new XAException("Error trying to transactionCommit local transaction");
        commitFailed.initCause(shutdown);
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(commitFailed);

        assertTrue(TransientFailures.isDatabaseUnreachable(new RuntimeException(rollback)));
    }

    @Test
    void aConnectionStateOrShutdownIsTransientAndAConstraintViolationIsNot() {
        assertTrue(TransientFailures.isDatabaseUnreachable(new SQLException("refused", "08001")));
        assertTrue(TransientFailures.isDatabaseUnreachable(new SQLException("starting up", "57P03")));
        assertTrue(TransientFailures.isDatabaseUnreachable(new SQLException("Sorry, acquisition timeout!")));
        assertFalse(TransientFailures.isDatabaseUnreachable(new SQLException("duplicate key", "23505")));
        assertFalse(TransientFailures.isTransient(new NullPointerException()));
    }

    @Test
    void aCycleOfCausesEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        first.addSuppressed(second);

        assertFalse(TransientFailures.isTransient(first));
    }
}
