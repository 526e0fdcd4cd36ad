package io.referrals.metrics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.metrics.entity.PartnerMetricsRepository;
import io.referrals.testing.PlatformTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A batch's rows are created where missing and locked by one statement whose two parts read one snapshot: a row
 * another transaction creates after that snapshot is answered by neither part, and must still end up locked.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class LockedRowsTest {
    private final ExecutorService batch = Executors.newSingleThreadExecutor();

    @Inject
    PartnerMetricsRepository partners;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void stop() {
        batch.shutdownNow();
    }

    @Test
    void aRowAnotherTransactionCreatesMeanwhileIsLockedToo() throws Exception {
        String tenant = "practice-" + UUID.randomUUID();
        UUID partner = UUID.randomUUID();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> consumer;
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            execute(other, "insert into partner_metrics (tenant_id, partner_id) values (?, ?)", tenant, partner);
            consumer = batch.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                partners.lockAll(tenant, List.of(partner));
                locked.countDown();
                awaitReleased(release);
            }));
            // The batch's statement took its snapshot and now waits for the other transaction's uncommitted row.
            await().atMost(Duration.ofSeconds(30)).until(() -> waitsForALock("with created as"));
            other.commit();
        }
        try {
            if (!locked.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the batch's rows were not locked within 30 s");
            }
            try (Connection probe = dataSource.getConnection()) {
                probe.setAutoCommit(false);
                SQLException notAvailable = assertThrows(
                        SQLException.class,
                        () -> execute(
                                probe,
                                "select 1 from partner_metrics where tenant_id = ? and partner_id = ? for update nowait",
                                tenant,
                                partner),
                        "the row the other transaction created is locked by the batch");
                assertEquals("55P03", notAvailable.getSQLState()); // lock_not_available
                probe.rollback();
            }
        } finally {
            release.countDown();
            consumer.get(30, TimeUnit.SECONDS);
        }
    }

    private boolean waitsForALock(String statementStart) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like ?")) {
            statement.setString(1, statementStart + "%");
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        }
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    private static void awaitReleased(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
