package io.referrals.referral.entity;

import io.referrals.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** Public intake requests per client address key and minute window ({@code intake_address_window}), for every replica. */
@ApplicationScoped
public class IntakeAddressWindowRepository {
    @Inject
    Sql sql;

    /**
     * Counts one request in the key's window and answers the count so far, across replicas: one statement in a
     * transaction of its own, so the row's lock is held only while it runs and no commit of the caller's waits on it.
     */
    public int countRequest(String addressKey, Instant windowStart) {
        return sql.singleInOwnTransaction("""
                insert into intake_address_window (window_start, address_key, requests) values (?, ?, 1)
                on conflict (window_start, address_key) do update set requests = intake_address_window.requests + 1
                returning requests""", row -> row.getInt(1), windowStart, addressKey);
    }

    public void deleteWindowsBefore(Instant before) {
        sql.update("delete from intake_address_window where window_start < ?", before);
    }
}
