package io.referrals.platform.persistence;

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
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * Plain SQL on the current transaction's connection: every statement that is not an entity's load or store (the
 * persistence rule, libs/service-runtime/README.md#persistence). Rows are read into records by a {@link Row}. A
 * statement here sees only what the session has already flushed: call it before the session's pending changes it
 * depends on, or flush first.
 */
@ApplicationScoped
public class Sql {

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    /** Reads one row into a value. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** The rows {@code sql} selects, each read by {@code row}; {@code ?} placeholders take {@code parameters}. */
    public <T> List<T> query(String sql, Row<T> row, Object... parameters) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                try (ResultSet rows = statement.executeQuery()) {
                    List<T> result = new ArrayList<>();
                    while (rows.next()) {
                        result.add(row.read(rows));
                    }
                    return result;
                }
            }
        });
    }

    /** The one row {@code sql} selects (or returns), read by {@code row}. */
    public <T> T single(String sql, Row<T> row, Object... parameters) {
        List<T> rows = query(sql, row, parameters);
        if (rows.size() != 1) {
            throw new IllegalStateException("Expected one row, got " + rows.size());
        }
        return rows.get(0);
    }

    /**
     * The one row a single statement returns, run outside the caller's transaction in one of its own (autocommit, on
     * a connection of its own): for a counter whose row lock must not be held until the caller commits. The caller's
     * pending changes are not visible to it. The caller's transaction is suspended meanwhile: inside it, the pool
     * would hand out the transaction's own connection.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public <T> T singleInOwnTransaction(String sql, Row<T> row, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("Expected one row, got none");
                }
                return row.read(rows);
            }
        } catch (SQLException e) {
            // The cause is kept: a database that is away still answers 503, as everywhere else.
            throw new PersistenceException("Statement in its own transaction failed", e);
        }
    }

    /** Runs an insert, update or delete; answers how many rows it changed. */
    public int update(String sql, Object... parameters) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                return statement.executeUpdate();
            }
        });
    }

    /** A parameter bound as an SQL array of {@code elementType} (for {@code unnest(?)} and {@code = any(?)}). */
    public static Object array(String elementType, Object[] values) {
        return new ArrayParameter(elementType, values);
    }

    private record ArrayParameter(String elementType, Object[] values) {}

    private Session session() {
        return entityManager.unwrap(Session.class);
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof ArrayParameter array) {
                statement.setArray(i + 1, statement.getConnection().createArrayOf(array.elementType(), array.values()));
            } else if (value instanceof Instant instant) {
                // timestamptz columns: an offset date-time is what the PostgreSQL driver maps without a zone guess.
                statement.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }
}
