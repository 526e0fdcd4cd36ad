package io.referrals.partner;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.testing.Api;
import io.referrals.testing.CapturedLog;
import io.referrals.testing.EmbeddedDatabase;
import io.referrals.testing.PlatformTestResource;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Two writers create a partner with one email at the same moment: the service's duplicate check lets both through,
 * the database's unique index refuses the second. That one gets a 409, not a 500, and no log line carries the email.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class PartnerCreationRaceTest {
    private final String tenant = "practice-" + UUID.randomUUID();
    private final String email = "race." + UUID.randomUUID() + "@example.com";

    @Test
    void theLoserOfARaceForOneEmailGets409AndTheEmailIsInNoLogLine() throws Exception {
        String first = Api.as(tenant, "owner")
                .body("{\"name\":\"Dana Lee\",\"email\":\"dana." + UUID.randomUUID()
                        + "@example.com\",\"category\":\"colleague\"}")
                .post("/api/partners")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        List<String> log;
        EmbeddedDatabase database = PlatformTestResource.database();
        try (CapturedLog captured = CapturedLog.start();
                Connection other =
                        DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
            // The other writer: takes the email for the first partner and has not committed yet, so the service's
            // check cannot see it, and its insert waits on the unique index for this transaction's outcome.
            other.setAutoCommit(false);
            try (PreparedStatement update =
                    other.prepareStatement("update partner.partner set email = ? where id = ?::uuid")) {
                update.setString(1, email);
                update.setString(2, first);
                assertEquals(1, update.executeUpdate());
            }
            CompletableFuture<Response> second = CompletableFuture.supplyAsync(() -> Api.as(tenant, "owner")
                    .body("{\"name\":\"Robin Hart\",\"email\":\"" + email + "\",\"category\":\"colleague\"}")
                    .post("/api/partners"));
            await().atMost(Duration.ofSeconds(30)).until(() -> insertIsWaitingForALock(other) || second.isDone());
            other.commit();
            Response answer = second.get();
            assertEquals(409, answer.statusCode(), answer.asString());
            assertEquals("application/problem+json", answer.contentType());
            assertFalse(answer.asString().contains(email), answer.asString());
            org.jboss.logging.Logger.getLogger(PartnerCreationRaceTest.class).info("race-test capture check");
            log = captured.lines();
        }
        assertTrue(log.stream().anyMatch(l -> l.contains("race-test capture check")), "the log was captured");
        for (String line : log) {
            assertFalse(line.contains(email), "personal data in the log: " + line);
        }
        // A retry gets the service's usual answer for a duplicate, naming the partner that won.
        Api.as(tenant, "owner")
                .body("{\"name\":\"Robin Hart\",\"email\":\"" + email + "\",\"category\":\"colleague\"}")
                .post("/api/partners")
                .then()
                .statusCode(409)
                .body("existingPartnerId", org.hamcrest.Matchers.equalTo(first));
    }

    /** Whether a statement of another session waits for a lock (the service's insert, behind the open update). */
    private static boolean insertIsWaitingForALock(Connection other) throws Exception {
        try (PreparedStatement query = other.prepareStatement(
                        "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and pid <> pg_backend_pid()");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getInt(1) > 0;
        }
    }
}
