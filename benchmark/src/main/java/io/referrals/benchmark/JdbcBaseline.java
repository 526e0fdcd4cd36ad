package io.referrals.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * The durable work of one referral intake without the service: the rows referral-service wrote for a real referral
 * (the referral, its status and consent history, its outbox events, its idempotency key) inserted again, with fresh
 * ids, in one transaction per referral, through as many connections as the service's pool has. The rows go to copies
 * of the tables ({@code create table … (like … including all)}: same columns, defaults and indexes; no foreign keys)
 * in a schema of their own, so the outbox relay does not publish them.
 */
final class JdbcBaseline {
    /** The tables an intake writes to and how the rows of one referral are found in each. */
    private static final List<TableRows> TABLES = List.of(
            new TableRows("referral", "id = ?::uuid"),
            new TableRows("referral_status_change", "referral_id = ?::uuid"),
            new TableRows("referral_consent_change", "referral_id = ?::uuid"),
            new TableRows("outbox_event", "payload like '%' || ? || '%'"),
            new TableRows("idempotency_key", "idempotency_key = ?"));

    private static final String COPY_SCHEMA = "intake_baseline";

    private record TableRows(String table, String whereOneReferral) {}

    /** One sample row to insert again: its insert statement and its values. */
    private record Sample(String insert, List<String> columns, List<Object> values) {}

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String schema;

    JdbcBaseline(String jdbcUrl, String user, String password, String schema) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    /**
     * Copies the rows of {@code referralId} (written under {@code idempotencyKey}) and inserts them again from
     * {@code connections} threads for {@code duration}; latency per transaction in microseconds.
     */
    Report.Row measure(UUID referralId, String idempotencyKey, int connections, Duration duration) throws Exception {
        List<Sample> samples = prepare(referralId, idempotencyKey);
        Recorder recorder = new Recorder(3);
        AtomicLong errors = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            running.add(pool.submit(() -> {
                try (Connection connection = connect()) {
                    connection.setAutoCommit(false);
                    List<PreparedStatement> inserts = new ArrayList<>();
                    for (Sample sample : samples) {
                        inserts.add(connection.prepareStatement(sample.insert()));
                    }
                    while (System.nanoTime() < end) {
                        long began = System.nanoTime();
                        try {
                            insertOnce(connection, samples, inserts, referralId, sequence.incrementAndGet());
                        } catch (SQLException e) {
                            connection.rollback();
                            errors.incrementAndGet();
                        }
                        recorder.recordValue((System.nanoTime() - began) / 1000);
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : running) {
            worker.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        dropCopies();
        return Report.Row.of(
                "JDBC baseline: same inserts, " + connections + " connections",
                recorder.getIntervalHistogram(),
                seconds,
                errors.get());
    }

    private void insertOnce(
            Connection connection, List<Sample> samples, List<PreparedStatement> inserts, UUID sample, long n)
            throws SQLException {
        UUID referral = UUID.randomUUID();
        for (int i = 0; i < samples.size(); i++) {
            Sample row = samples.get(i);
            PreparedStatement insert = inserts.get(i);
            for (int c = 0; c < row.values().size(); c++) {
                insert.setObject(c + 1, fresh(row.columns().get(c), row.values().get(c), sample, referral, n));
            }
            insert.executeUpdate();
        }
        connection.commit();
    }

    /**
     * The sample's value with its referral replaced by the new one, and a new value where the column is a key (an
     * id, the idempotency key, the referral's booking code).
     */
    private static Object fresh(String column, Object value, UUID sample, UUID referral, long n) {
        if (value instanceof UUID id) {
            if (id.equals(sample)) {
                return referral;
            }
            return column.equals("id") ? UUID.randomUUID() : id;
        }
        if (value instanceof String text) {
            if (column.equals("idempotency_key")) {
                return "baseline-" + n + "-" + text;
            }
            if (column.equals("booking_code")) {
                // Unique per practice (issue 30), like the random code the service draws: one per referral.
                return String.format("%010d", n);
            }
            if (column.equals("id")) {
                return UUID.randomUUID().toString();
            }
            return text.replace(sample.toString(), referral.toString());
        }
        return value;
    }

    private List<Sample> prepare(UUID referralId, String idempotencyKey) throws SQLException {
        List<Sample> samples = new ArrayList<>();
        try (Connection connection = connect();
                Statement ddl = connection.createStatement()) {
            ddl.execute("drop schema if exists " + COPY_SCHEMA + " cascade");
            ddl.execute("create schema " + COPY_SCHEMA);
            for (TableRows table : TABLES) {
                ddl.execute("create table " + COPY_SCHEMA + "." + table.table() + " (like " + schema + "."
                        + table.table() + " including all)");
                Set<String> generated = generatedColumns(connection, table.table());
                String select = "select * from " + schema + "." + table.table() + " where " + table.whereOneReferral();
                int found = 0;
                try (PreparedStatement query = connection.prepareStatement(select)) {
                    query.setString(
                            1, table.table().equals("idempotency_key") ? idempotencyKey : referralId.toString());
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            samples.add(sample(table.table(), rows, generated));
                            found++;
                        }
                    }
                }
                if (found == 0) {
                    throw new IllegalStateException(
                            "No " + table.table() + " row of referral " + referralId + " in schema " + schema);
                }
            }
        }
        return samples;
    }

    private static Sample sample(String table, ResultSet row, Set<String> generated) throws SQLException {
        ResultSetMetaData meta = row.getMetaData();
        List<String> columns = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            String column = meta.getColumnName(c);
            if (!generated.contains(column)) {
                columns.add(column);
                values.add(row.getObject(c));
            }
        }
        String insert = "insert into " + COPY_SCHEMA + "." + table + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        return new Sample(insert, columns, values);
    }

    /** Columns the database fills itself (serial sequences), left to it as the service leaves them. */
    private Set<String> generatedColumns(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select column_name from information_schema.columns where table_schema = ? and table_name = ?"
                        + " and column_default like 'nextval(%'")) {
            query.setString(1, schema);
            query.setString(2, table);
            try (ResultSet rows = query.executeQuery()) {
                Set<String> columns = new HashSet<>();
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
                return columns;
            }
        }
    }

    private void dropCopies() throws SQLException {
        try (Connection connection = connect();
                Statement ddl = connection.createStatement()) {
            ddl.execute("drop schema if exists " + COPY_SCHEMA + " cascade");
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }
}
