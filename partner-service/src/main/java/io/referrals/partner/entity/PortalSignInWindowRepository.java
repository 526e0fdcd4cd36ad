package io.referrals.partner.entity;

import io.referrals.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** Sign-in link requests per key and window ({@code portal_sign_in_window}), counted for every replica. */
@ApplicationScoped
public class PortalSignInWindowRepository {
    @Inject
    Sql sql;

    /** Counts one request and answers the count so far, in a transaction of its own (the row lock is held briefly). */
    public int countRequest(String requestKey, Instant windowStart) {
        return sql.singleInOwnTransaction("""
                insert into portal_sign_in_window (window_start, request_key, requests) values (?, ?, 1)
                on conflict (window_start, request_key) do update set requests = portal_sign_in_window.requests + 1
                returning requests""", row -> row.getInt(1), windowStart, requestKey);
    }

    public void deleteWindowsBefore(Instant before) {
        sql.update("delete from portal_sign_in_window where window_start < ?", before);
    }
}
