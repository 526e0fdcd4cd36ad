package io.referrals.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
 * Plain SQL on the current transaction's connection, for the statements on hot paths (every intake, every consumed
 * event). Hibernate's native queries cost far more than the statement here: each one flushes the whole session first,
 * schedules a clean-up of every entity region after an update, and a native select with a result class is interpreted
 * anew on every call (its plan-cache key never equals the last one's, so the cache fills with colliding entries that
 * every later lookup walks). A statement here sees only what the session has already flushed: call it before the
 * session's pending changes it depends on, or flush first.
 */
@ApplicationScoped
public class Sql {

    @Inject
    EntityManager entityManager;

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
