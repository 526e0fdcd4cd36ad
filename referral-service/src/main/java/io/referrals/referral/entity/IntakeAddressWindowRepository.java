package io.referrals.referral.entity;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Public intake requests per client address key and minute window ({@code intake_address_window}), for every replica. */
@ApplicationScoped
public class IntakeAddressWindowRepository {
    private static final String COUNT = """
            insert into intake_address_window (window_start, address_key, requests) values (?, ?, 1)
            on conflict (window_start, address_key) do update set requests = intake_address_window.requests + 1
            returning requests""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager entityManager;

    /**
     * Counts one request in the key's window and answers the count so far, across replicas. Outside any transaction
     * (the caller's is suspended), on a connection in autocommit: one statement in one round trip, which is its own
     * transaction, so the row's lock is held only while the statement runs and no commit follows it.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public int countRequest(String addressKey, Instant windowStart) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(COUNT)) {
            count.setObject(1, OffsetDateTime.ofInstant(windowStart, ZoneOffset.UTC));
            count.setString(2, addressKey);
            try (ResultSet counted = count.executeQuery()) {
                counted.next();
                return counted.getInt(1);
            }
        } catch (SQLException e) {
            // The cause is kept: a database that is away still answers 503, as everywhere else.
            throw new PersistenceException("Counting an intake request per client address failed", e);
        }
    }

    public void deleteWindowsBefore(Instant before) {
        entityManager
                .createNativeQuery("delete from intake_address_window where window_start < ?1")
                .setParameter(1, before)
                .executeUpdate();
    }
}
