package io.referrals.metrics.entity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashSet;
import java.util.Set;

/**
 * The rows this transaction has locked so far ({@code select ... for update}), so that a row taken for a whole batch
 * is not created and locked again by each of its events. Locks end with the transaction, and so does this record.
 */
@ApplicationScoped
public class HeldLocks {
    private static final Object HELD = new Object();

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Whether this transaction holds the lock on the row of {@code type} with {@code key}. */
    public boolean holds(Class<?> type, Object key) {
        return held().contains(new Row(type, key));
    }

    public void add(Class<?> type, Object key) {
        held().add(new Row(type, key));
    }

    @SuppressWarnings("unchecked")
    private Set<Row> held() {
        Set<Row> held = (Set<Row>) transactions.getResource(HELD);
        if (held == null) {
            held = new HashSet<>();
            transactions.putResource(HELD, held);
        }
        return held;
    }

    private record Row(Class<?> type, Object key) {}
}
