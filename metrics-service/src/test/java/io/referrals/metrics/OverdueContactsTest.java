package io.referrals.metrics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.PartnerCategory;
import io.referrals.events.PartnerStage;
import io.referrals.events.ReferralChannel;
import io.referrals.events.ReferralStatus;
import io.referrals.testing.DevTokens;
import io.referrals.testing.PlatformTestResource;
import io.referrals.testing.TestClock;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * "Overdue first contacts now": open referrals past their deadline without a contact. Days before today (in the
 * practice's zone) come from buckets, today's from the facts; the count must be the same as a straight look at each
 * referral, whatever the order its events arrive in and as the clock moves over midnight.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class OverdueContactsTest {
    // 10:00 in New York on 10 March 2026: the practice's day started at 05:00Z and ends at 04:00Z (DST from the 8th).
    private static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");

    private final Events events = new Events("practice-" + UUID.randomUUID());
    private final UUID partnerId = UUID.randomUUID();

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void countsOpenReferralsPastTheirDeadlineAcrossDaysAndToday() {
        clock.set(NOW);
        UUID lastWeek = UUID.randomUUID();
        UUID contacted = UUID.randomUUID();
        UUID contactedFirst = UUID.randomUUID();
        UUID closed = UUID.randomUUID();
        Instant received = Instant.parse("2026-02-27T14:00:00Z");
        Events.send(List.of(
                events.profile("America/New_York", 10, 30, received),
                events.partnerCreated(
                        partnerId, "Partner", PartnerCategory.PROFESSIONAL, null, PartnerStage.TRUSTED, received),
                events.received(
                        lastWeek, partnerId, ReferralChannel.API, received, Instant.parse("2026-03-01T14:00:00Z")),
                received(Instant.parse("2026-03-10T12:00:00Z")), // due this morning: overdue
                received(Instant.parse("2026-03-10T20:00:00Z")), // due this afternoon
                received(Instant.parse("2026-03-12T14:00:00Z")), // due in two days
                events.received(
                        contacted, partnerId, ReferralChannel.API, received, Instant.parse("2026-03-02T14:00:00Z")),
                events.statusChanged(
                        contacted,
                        partnerId,
                        ReferralStatus.RECEIVED,
                        ReferralStatus.CONTACTED,
                        received.plusSeconds(60)),
                // its contact arrives before its receipt
                events.statusChanged(
                        contactedFirst,
                        partnerId,
                        ReferralStatus.RECEIVED,
                        ReferralStatus.CONTACTED,
                        received.plusSeconds(60)),
                events.received(
                        contactedFirst,
                        partnerId,
                        ReferralChannel.API,
                        received,
                        Instant.parse("2026-03-03T14:00:00Z")),
                events.received(
                        closed, partnerId, ReferralChannel.API, received, Instant.parse("2026-03-04T14:00:00Z")),
                events.closed(closed, partnerId, ReferralStatus.NOT_A_FIT, received, received.plusSeconds(120))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> summary().body("received", equalTo(7)));
        summary().body("firstContacts.overdueNow", equalTo(2));

        clock.set(Instant.parse("2026-03-11T01:00:00Z")); // 21:00 in New York: the afternoon deadline has passed
        summary().body("firstContacts.overdueNow", equalTo(3));

        clock.set(Instant.parse("2026-03-11T15:00:00Z")); // the next day: yesterday's deadlines come from buckets
        summary().body("firstContacts.overdueNow", equalTo(3));

        Events.send(events.statusChanged(
                lastWeek, partnerId, ReferralStatus.RECEIVED, ReferralStatus.CONTACTED, NOW.plusSeconds(60)));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> summary().body("firstContacts.overdueNow", equalTo(2)));
    }

    private io.referrals.events.CloudEvent received(Instant dueAt) {
        return events.received(
                UUID.randomUUID(), partnerId, ReferralChannel.API, Instant.parse("2026-02-27T14:00:00Z"), dueAt);
    }

    private ValidatableResponse summary() {
        return given().auth()
                .oauth2(DevTokens.token(events.tenant, "viewer"))
                .get("/api/metrics/summary?from=2026-01-01&to=2026-03-31")
                .then()
                .statusCode(200);
    }
}
