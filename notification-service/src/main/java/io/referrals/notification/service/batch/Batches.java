package io.referrals.notification.service.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** The {@link BatchRows} of the current transaction, for code that also runs without one. */
@ApplicationScoped
public class Batches {
    @Inject
    BatchRows rows;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** This transaction's rows, or null outside a transaction. */
    public BatchRows current() {
        return transactions.getTransactionStatus() == Status.STATUS_ACTIVE ? rows : null;
    }
}
