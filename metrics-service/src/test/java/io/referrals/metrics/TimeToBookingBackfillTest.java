package io.referrals.metrics;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.PartnerCategory;
import io.referrals.events.PartnerStage;
import io.referrals.events.ReferralChannel;
import io.referrals.events.ReferralStatus;
import io.referrals.testing.Api;
import io.referrals.testing.PlatformTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V11 backfills time to booking from the facts that existed before it: its buckets and partner totals must be those
 * the projection writes. The practice's facts are copied into a scratch schema migrated to V10, V11 runs there, and
 * its rows are compared with the live ones.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class TimeToBookingBackfillTest {
    private static final String SCRATCH = "metrics_v11_check";
    /**
     * 17:00 in New York on 1 March: Ana's first booking (30 hours later) is late on 2 March there and 3 March in UTC,
     * Ben's (6 hours later) late on 1 March there: the bookings' days must be the practice's local days.
     */
    private static final Instant T0 = Instant.parse("2026-03-01T22:00:00Z");

    private final Events events = new Events("practice-" + UUID.randomUUID());
    private final UUID ana = UUID.randomUUID();
    private final UUID ben = UUID.randomUUID();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theMigrationWritesWhatTheProjectionWrites() throws SQLException {
        feed();
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, "drop schema if exists " + SCRATCH + " cascade");
            try {
                migrate("10");
                for (String table : List.of("metrics_practice", "metrics_referral", "partner_metrics")) {
                    copy(connection, table);
                }
                migrate(null);

                for (String table : List.of("metrics_bucket", "metrics_bucket_month")) {
                    String period = table.equals("metrics_bucket") ? "day" : "month";
                    String rows = "select scope, scope_key, measure, currency, cast(" + period + " as text), "
                            + "cast(value as text) from %s." + table
                            + " where tenant_id = ? and measure in ('booked', 'book_days') and value <> 0"
                            + " order by 1, 2, 3, 4, 5";
                    List<String> live = rows(connection, rows.formatted("metrics"));
                    assertTrue(live.size() > 10, table + ": " + live);
                    assertEquals(live, rows(connection, rows.formatted(SCRATCH)), table);
                }
                String partners = "select cast(partner_id as text), cast(referrals_booked as text), "
                        + "cast(days_to_book_sum as text), cast(average_days_to_book as text) from %s.partner_metrics"
                        + " where tenant_id = ? order by 1";
                List<String> live = rows(connection, partners.formatted("metrics"));
                assertTrue(live.contains(ben + ",1,0.2500,0.2000"), live.toString());
                assertEquals(live, rows(connection, partners.formatted(SCRATCH)));
            } finally {
                execute(connection, "drop schema if exists " + SCRATCH + " cascade");
            }
        }
    }

    /**
     * Ana: booked after 30 hours (local day 3 March), rebooked later, and after 12 hours through an intake link; one
     * never booked. Ben: booked after 6 hours, 0.25 days, whose one-decimal average rounds half to even (0.2).
     */
    private void feed() {
        UUID bookedTwice = UUID.randomUUID();
        UUID intake = UUID.randomUUID();
        UUID neverBooked = UUID.randomUUID();
        UUID bens = UUID.randomUUID();
        Events.send(List.of(
                events.profile("America/New_York", null, 30, T0),
                events.partnerCreated(
                        ana,
                        "Ana",
                        PartnerCategory.PROFESSIONAL,
                        List.of("referral", "co_marketing"),
                        PartnerStage.TRUSTED,
                        T0),
                events.partnerCreated(ben, "Ben", PartnerCategory.CLIENT, null, PartnerStage.BUILDING_RAPPORT, T0),
                events.received(bookedTwice, ana, ReferralChannel.API, T0, null),
                events.statusChanged(
                        bookedTwice,
                        ana,
                        ReferralStatus.RECEIVED,
                        ReferralStatus.CONSULTATION_BOOKED,
                        T0.plus(Duration.ofDays(4))),
                events.statusChanged(
                        bookedTwice,
                        ana,
                        ReferralStatus.RECEIVED,
                        ReferralStatus.CONSULTATION_BOOKED,
                        T0.plus(Duration.ofHours(30))),
                events.received(intake, ana, ReferralChannel.INTAKE_LINK, T0, null),
                events.statusChanged(
                        intake,
                        ana,
                        ReferralStatus.RECEIVED,
                        ReferralStatus.CONSULTATION_BOOKED,
                        T0.plus(Duration.ofHours(12))),
                events.received(neverBooked, ana, ReferralChannel.API, T0, null),
                events.converted(neverBooked, ana, "100.00", "EUR", T0, T0.plus(Duration.ofDays(3))),
                events.received(bens, ben, ReferralChannel.API, T0, null),
                events.statusChanged(
                        bens,
                        ben,
                        ReferralStatus.RECEIVED,
                        ReferralStatus.CONSULTATION_BOOKED,
                        T0.plusSeconds(21_600))));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Api.as(events.tenant, "viewer")
                    .get("/api/metrics/partners/" + ana)
                    .then()
                    .statusCode(200)
                    .body("category", equalTo("professional"))
                    .body("referralsConverted", equalTo(1))
                    .body("averageDaysToBook", equalTo(0.9f));
            Api.as(events.tenant, "viewer")
                    .get("/api/metrics/partners/" + ben)
                    .then()
                    .statusCode(200)
                    .body("stage", equalTo("building_rapport"))
                    .body("averageDaysToBook", equalTo(0.2f));
        });
    }

    private void migrate(String target) {
        var configuration = Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCRATCH)
                .defaultSchema(SCRATCH)
                .locations("classpath:db/migration", "classpath:db/platform");
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }

    /** The practice's rows of a table, in the columns the scratch schema has at V10. */
    private void copy(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select column_name from information_schema.columns where table_schema = ? and table_name = ?")) {
            statement.setString(1, SCRATCH);
            statement.setString(2, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        String list = String.join(", ", columns);
        try (PreparedStatement statement =
                connection.prepareStatement("insert into %s.%s (%s) select %s from metrics.%s where tenant_id = ?"
                        .formatted(SCRATCH, table, list, list, table))) {
            statement.setString(1, events.tenant);
            assertTrue(statement.executeUpdate() > 0, table);
        }
    }

    private List<String> rows(Connection connection, String query) throws SQLException {
        List<String> result = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, events.tenant);
            try (ResultSet rows = statement.executeQuery()) {
                int width = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 1; i <= width; i++) {
                        cells.add(rows.getString(i));
                    }
                    result.add(String.join(",", cells));
                }
            }
        }
        return result;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
