package io.referrals.partner;

import static io.referrals.testing.Api.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.platform.inbox.Inbox;
import io.referrals.testing.PlatformTestResource;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Re-scoring every partner when the practice's profile changes, while a consumer is applying an event to one of them
 * (as a burst of referrals does): the profile waits for the consumer's transaction and is saved, never a 500 for a
 * partner whose version moved underneath it (what {@code ./run.sh --demo} ran into).
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class PracticeProfileUnderConsumersTest {
    private final String tenant = "practice-" + UUID.randomUUID();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aProfileSavedWhileAConsumerUpdatesAPartnerWaitsForItAndKeepsItsChange() throws Exception {
        String partnerId = as(tenant, "owner")
                .body("{\"name\":\"Dana Lee\",\"category\":\"professional\",\"niches\":[\"couples\"]}")
                .post("/api/partners")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        CompletableFuture<Response> saved;
        try (Connection consumer = dataSource.getConnection()) {
            // What a consumer's transaction holds while it applies the practice's events: its lock, a changed partner.
            consumer.setAutoCommit(false);
            int[] lock = Inbox.practiceLock("partner-service", tenant);
            try (PreparedStatement locking = consumer.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
                locking.setInt(1, lock[0]);
                locking.setInt(2, lock[1]);
                locking.executeQuery().close();
            }
            try (PreparedStatement update = consumer.prepareStatement(
                    "update partner set notes = 'met at the fair', version = version + 1 where id = ?")) {
                update.setObject(1, UUID.fromString(partnerId));
                assertEquals(1, update.executeUpdate());
            }
            saved = CompletableFuture.supplyAsync(
                    () -> as(tenant, "owner").body("""
                            {"services":["couples therapy"],"idealReferral":{},"niches":["couples"],
                             "defaultCheckInCadenceDays":21,"monthlyReferralGoal":4}""").put("/api/practice"));
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingForALock(consumer));
            consumer.commit();
        }
        assertEquals(200, saved.get().statusCode(), saved.get().asString());
        as(tenant, "viewer")
                .get("/api/partners/" + partnerId)
                .then()
                .statusCode(200)
                .body("notes", org.hamcrest.Matchers.equalTo("met at the fair"));
    }

    /** Whether another session of the database is waiting for a lock (the profile's request, behind the consumer). */
    private static boolean waitingForALock(Connection own) throws Exception {
        try (PreparedStatement waiting = own.prepareStatement(
                        "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and pid <> pg_backend_pid()");
                ResultSet rows = waiting.executeQuery()) {
            rows.next();
            return rows.getInt(1) > 0;
        }
    }
}
