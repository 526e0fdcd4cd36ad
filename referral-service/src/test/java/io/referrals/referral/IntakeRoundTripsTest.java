package io.referrals.referral;

import static io.referrals.referral.Fixtures.as;
import static io.referrals.referral.Fixtures.knownPartner;
import static io.referrals.referral.Fixtures.referralBody;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.referral.rest.ReferralResource;
import io.referrals.testing.PlatformTestResource;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What one {@code POST /api/referrals} costs the database (issue 31): statements and round trips of a request with an
 * Idempotency-Key from a known partner, counted at the driver once the connection has prepared its statements.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class IntakeRoundTripsTest {
    private final String tenant = "practice-" + UUID.randomUUID();

    @Test
    void aReferralWithAnIdempotencyKeyCostsFewRoundTrips() {
        UUID partnerId = knownPartner(tenant, "Dana Lee");
        try (DatabaseRoundTrips database = DatabaseRoundTrips.during(ReferralResource.class)) {
            post(partnerId, 0);
            System.out.println("[round-trips] first request: " + database.statements() + " statements, "
                    + database.roundTrips() + " round trips");
            database.parsed().forEach(sql -> System.out.println("[round-trips]   " + sql));
            for (int i = 1; i <= 20; i++) {
                post(partnerId, i);
            }
            database.reset();
            post(partnerId, 21);
            System.out.println("[round-trips] steady: " + database.statements() + " statements, "
                    + database.roundTrips() + " round trips");
            database.lines().stream()
                    .filter(line -> line.startsWith("<=BE CommandStatus"))
                    .forEach(line -> System.out.println("[round-trips]   " + line));
            // Before issue 31: 15 statements in 16 round trips. Now: the key's claim (with BEGIN), the partner, one
            // read for settings, booking integration, duplicate and campaign asks, the outbox event, the key's answer,
            // the three inserts of the referral and its histories, COMMIT.
            assertTrue(
                    database.statements() <= 9,
                    "at most 9 statements per referral, not " + database.statements() + ": " + database.lines());
            assertTrue(
                    database.roundTrips() <= 10,
                    "at most 10 round trips per referral, not " + database.roundTrips() + ": " + database.lines());
        }
    }

    private void post(UUID partnerId, int i) {
        as(tenant, "member")
                .header("Idempotency-Key", "round-trips-" + i)
                .body(referralBody(partnerId, "Person " + i, "person" + i + "@example.com"))
                .post("/api/referrals")
                .then()
                .statusCode(201);
    }
}
