package io.referrals.metrics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.EventTypes;
import io.referrals.events.PartnerCategory;
import io.referrals.events.PartnerStage;
import io.referrals.events.ReferralChannel;
import io.referrals.events.Topics;
import io.referrals.metrics.service.projection.Dormancy;
import io.referrals.testing.DevTokens;
import io.referrals.testing.KafkaTestClient;
import io.referrals.testing.PlatformTestResource;
import io.referrals.testing.TestClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DormancyTest {
    private final Events events = new Events("practice-" + UUID.randomUUID());
    private final UUID partnerId = UUID.randomUUID();
    private final Instant lastReferral = Instant.parse("2026-01-05T10:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    Dormancy dormancy;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aSilentPartnerGoesDormantOnceAndActivityReactivatesIt() {
        clock.set(lastReferral.plus(Duration.ofDays(1)));
        Events.send(List.of(
                events.partnerCreated(
                        partnerId,
                        "Quiet Partner",
                        PartnerCategory.PROFESSIONAL,
                        null,
                        PartnerStage.TRUSTED,
                        lastReferral),
                events.partnerUpdated(partnerId, "Quiet Partner", PartnerCategory.PROFESSIONAL, null, 10, lastReferral),
                events.received(UUID.randomUUID(), partnerId, ReferralChannel.API, lastReferral, null)));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> viewer().get("/api/metrics/partners/" + partnerId)
                        .then()
                        .statusCode(200)
                        .body("referralsReceived", equalTo(1)));

        clock.set(lastReferral.plus(Duration.ofDays(21)));
        assertEquals(1, scanUntilItRuns());
        assertEquals(0, dormancy.scan());
        viewer().get("/api/metrics/dormant")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].partnerId", equalTo(partnerId.toString()))
                .body("items[0].silentDays", equalTo(21));

        Events.send(events.touchpoint(partnerId, lastReferral.plus(Duration.ofDays(21))));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> viewer().get("/api/metrics/dormant")
                        .then()
                        .statusCode(200)
                        .body("total", equalTo(0)));
        dormancy.scan();

        List<CloudEvent> published = new KafkaTestClient(PlatformTestResource.bootstrapServers())
                .eventsFor(Topics.METRICS_EVENTS, partnerId.toString(), 2, Duration.ofSeconds(30));
        assertEquals(
                List.of(
                        EventTypes.PARTNER_WENT_DORMANT.cloudEventType(),
                        EventTypes.PARTNER_REACTIVATED.cloudEventType()),
                published.stream().map(CloudEvent::type).toList());
    }

    /**
     * A practice with more silent partners than a scan takes in one transaction: one scan marks them all, chunk after
     * chunk, each once.
     */
    @Test
    void oneScanMarksEverySilentPartnerAChunkAtATime() {
        int count = 2 * 200 + 50;
        List<CloudEvent> history = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID partner = UUID.randomUUID();
            history.add(events.partnerCreated(
                    partner, "Partner " + i, PartnerCategory.PROFESSIONAL, null, PartnerStage.TRUSTED, lastReferral));
            history.add(events.received(UUID.randomUUID(), partner, ReferralChannel.API, lastReferral, null));
        }
        clock.set(lastReferral.plus(Duration.ofDays(1)));
        Events.send(history);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> viewer().get("/api/metrics/summary?from=2026-01-01&to=2026-01-31")
                        .then()
                        .statusCode(200)
                        .body("received", equalTo(count))
                        .body("partners.active", equalTo(count)));

        clock.set(lastReferral.plus(Duration.ofDays(365)));
        assertTrue(scanUntilItRuns() >= count); // other tests' partners are silent by then too
        viewer().get("/api/metrics/dormant").then().statusCode(200).body("total", equalTo(count));
        viewer().get("/api/metrics/summary?from=2026-01-01&to=2026-01-31")
                .then()
                .body("partners.dormant", equalTo(count))
                .body("partners.active", equalTo(0));
        assertEquals(0, dormancy.scan());
    }

    /** The scheduled scan may hold the lock for a moment: scan again until this one ran. */
    private int scanUntilItRuns() {
        int[] marked = new int[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> (marked[0] = dormancy.scan()) > 0);
        return marked[0];
    }

    private io.restassured.specification.RequestSpecification viewer() {
        return given().auth().oauth2(DevTokens.token(events.tenant, "viewer"));
    }
}
