package io.referrals.metrics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.Money;
import io.referrals.events.PartnerCategory;
import io.referrals.events.PartnerStage;
import io.referrals.events.ReferralChannel;
import io.referrals.events.ReferralStatus;
import io.referrals.events.RewardType;
import io.referrals.events.Topics;
import io.referrals.metrics.entity.PracticeRepository;
import io.referrals.metrics.service.projection.Dormancy;
import io.referrals.testing.Api;
import io.referrals.testing.DevTokens;
import io.referrals.testing.KafkaTestClient;
import io.referrals.testing.PlatformTestResource;
import io.referrals.testing.TestClock;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class RebuildTest {
    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    private static final String RANGE = "from=2025-12-01&to=2026-04-30";
    private final Events events = new Events("practice-" + UUID.randomUUID());
    private final List<UUID> partners = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

    @Inject
    TestClock clock;

    @Inject
    Dormancy dormancy;

    @Inject
    PracticeRepository practices;

    @Inject
    EntityManager entityManager;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aRebuildGivesExactlyTheNumbersTheLiveProjectionHad() {
        clock.set(Instant.parse("2026-04-20T12:00:00Z"));
        List<CloudEvent> history = history();
        Events.send(history);
        Events.send(history.subList(0, 10));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> as("viewer")
                        .get("/api/metrics/summary?" + RANGE)
                        .then()
                        .statusCode(200)
                        .body("received", equalTo(24))
                        .body("converted", equalTo(8))
                        .body("given", equalTo(3))
                        .body("feesPaid[0].amount", equalTo("50.00")));
        // By April all three are silent for twice their cadence: the dormancy episodes are part of the snapshot.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> dormancy.scan() >= 0
                        && Integer.valueOf(3)
                                .equals(as("viewer")
                                        .get("/api/metrics/dormant")
                                        .then()
                                        .extract()
                                        .path("total")));
        Map<String, String> before = settledSnapshot();

        String location = as("owner")
                .post("/api/metrics/rebuild")
                .then()
                .statusCode(202)
                .body("state", equalTo("running"))
                .extract()
                .header("Location");
        awaitDone(location);

        assertEquals(before, snapshot());
    }

    @Test
    void eventsArrivingDuringARebuildAreKept() {
        UUID partner = partners.get(0);
        Events.send(
                events.partnerCreated(partner, "Live", PartnerCategory.CLIENT, null, PartnerStage.TRUSTED, START),
                events.received(UUID.randomUUID(), partner, ReferralChannel.API, START, null));
        awaitReceived(1);
        String location = as("owner")
                .post("/api/metrics/rebuild")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        List<CloudEvent> live = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            live.add(events.received(UUID.randomUUID(), partner, ReferralChannel.API, START.plusSeconds(i), null));
        }
        Events.send(live);
        awaitDone(location);
        awaitReceived(21);
        as("viewer")
                .get("/api/metrics/partners/" + partner)
                .then()
                .statusCode(200)
                .body("referralsReceived", equalTo(21));
    }

    @Test
    void onlyOwnersRebuildOnePerPracticeAtATimeAndOnlyTheirOwn() {
        Events.send(
                events.partnerCreated(partners.get(0), "P", PartnerCategory.CLIENT, null, PartnerStage.TRUSTED, START));
        as("member").post("/api/metrics/rebuild").then().statusCode(403);
        given().post("/api/metrics/rebuild").then().statusCode(401);
        String[] first = new String[1];
        // Holding the practice row in share mode (as a projection does) keeps the rebuild from swapping: running.
        QuarkusTransaction.requiringNew().run(() -> {
            practices.lockShared(events.tenant);
            first[0] = as("owner")
                    .post("/api/metrics/rebuild")
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("id");
            as("owner")
                    .post("/api/metrics/rebuild")
                    .then()
                    .statusCode(409)
                    .contentType(startsWith("application/problem+json"))
                    .body("rebuildId", equalTo(first[0]));
        });
        awaitDone("/api/metrics/rebuild/" + first[0]);
        as("viewer")
                .get("/api/metrics/rebuild/" + first[0])
                .then()
                .statusCode(200)
                .body("id", equalTo(first[0]));
        given().auth()
                .oauth2(DevTokens.token("practice-" + UUID.randomUUID(), "owner"))
                .get("/api/metrics/rebuild/" + first[0])
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"));
        as("owner")
                .get("/api/metrics/rebuild/not-an-id")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("id"));
        awaitDone(as("owner")
                .post("/api/metrics/rebuild")
                .then()
                .statusCode(202)
                .extract()
                .header("Location"));
    }

    /**
     * A rebuild stages its copy under the practice's staging id, {@code rebuild:<practice>} (issue 26): a token whose
     * practice claim is that id must not read the copy of a rebuild in progress, start a rebuild over it or write
     * anything as that practice.
     */
    @Test
    void aTokenNamingTheStagingIdReachesNothingOfARebuildInProgress() {
        UUID partner = partners.get(0);
        sendAndAwaitProcessed(List.of(
                events.partnerCreated(partner, "Staged", PartnerCategory.CLIENT, null, PartnerStage.TRUSTED, START),
                events.received(UUID.randomUUID(), partner, ReferralChannel.API, START, null),
                events.received(UUID.randomUUID(), partner, ReferralChannel.API, START.plusSeconds(1), null),
                events.received(UUID.randomUUID(), partner, ReferralChannel.API, START.plusSeconds(2), null)));
        String stagingId = "rebuild:" + events.tenant;
        String[] rebuild = new String[1];
        QuarkusTransaction.requiringNew().run(() -> {
            rebuild[0] = rebuildWaitingAtItsSwap(4);
            for (String role : List.of("viewer", "owner")) {
                given().auth()
                        .oauth2(DevTokens.token(stagingId, role))
                        .get("/api/metrics/summary?from=2026-01-01&to=2026-01-31")
                        .then()
                        .statusCode(401)
                        .contentType(startsWith("application/problem+json"));
                given().auth()
                        .oauth2(DevTokens.token(stagingId, role))
                        .get("/api/metrics/partners/" + partner)
                        .then()
                        .statusCode(401);
            }
            given().auth()
                    .oauth2(DevTokens.token(stagingId, "owner"))
                    .post("/api/metrics/rebuild")
                    .then()
                    .statusCode(401)
                    .contentType(startsWith("application/problem+json"));
            given().auth()
                    .oauth2(DevTokens.token(stagingId, "owner"))
                    .contentType("application/json")
                    .body("{\"count\":40}")
                    .put("/api/metrics/new-clients/2026-01")
                    .then()
                    .statusCode(401);
        });
        awaitDone("/api/metrics/rebuild/" + rebuild[0]);
        as("viewer")
                .get("/api/metrics/partners/" + partner)
                .then()
                .statusCode(200)
                .body("referralsReceived", equalTo(3));
    }

    /**
     * The same staging id as an event's practice (a producer that let such a practice through): parked on the
     * dead-letter topic, never applied to the copy of the rebuild in progress, so the swap cannot carry it into the
     * practice's live numbers.
     */
    @Test
    void anEventUnderTheStagingIdNeverReachesTheCopy() {
        UUID partner = partners.get(0);
        sendAndAwaitProcessed(List.of(
                events.partnerCreated(partner, "Staged", PartnerCategory.CLIENT, null, PartnerStage.TRUSTED, START),
                events.received(UUID.randomUUID(), partner, ReferralChannel.API, START, null),
                events.received(UUID.randomUUID(), partner, ReferralChannel.API, START.plusSeconds(1), null)));
        CloudEvent intruding = new Events("rebuild:" + events.tenant)
                .received(UUID.randomUUID(), partner, ReferralChannel.API, START.plusSeconds(2), null);
        String[] rebuild = new String[1];
        QuarkusTransaction.requiringNew().run(() -> {
            rebuild[0] = rebuildWaitingAtItsSwap(3);
            Events.send(intruding);
            // Dealt with by the consumer, whichever way, before the swap may go on.
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> processed(intruding.id()) || parked(intruding.subject(), Duration.ofMillis(200)));
        });
        awaitDone("/api/metrics/rebuild/" + rebuild[0]);
        as("viewer")
                .get("/api/metrics/partners/" + partner)
                .then()
                .statusCode(200)
                .body("referralsReceived", equalTo(2));
        assertTrue(parked(intruding.subject(), Duration.ofSeconds(30)), "the event under the staging id is parked");
        assertFalse(processed(intruding.id()), "and never applied");
    }

    /**
     * Starts a rebuild inside the caller's transaction and returns its id once its copy holds {@code eventsReplayed}
     * events. Holding the practice row in share mode (as a projection does) keeps the rebuild from swapping until the
     * caller's transaction ends: its copy waits under the staging id.
     */
    private String rebuildWaitingAtItsSwap(int eventsReplayed) {
        practices.lockShared(events.tenant);
        String rebuild = as("owner")
                .post("/api/metrics/rebuild")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as("viewer")
                        .get("/api/metrics/rebuild/" + rebuild)
                        .then()
                        .statusCode(200)
                        .body("eventsReplayed", equalTo(eventsReplayed)));
        return rebuild;
    }

    /**
     * Every event applied live before the test holds the practice row: the consumers take it exclusively, so one
     * still waiting would stay out of the rebuild's copy until the swap.
     */
    private void sendAndAwaitProcessed(List<CloudEvent> history) {
        Events.send(history);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> history.stream().allMatch(event -> processed(event.id())));
    }

    private boolean processed(String eventId) {
        return QuarkusTransaction.requiringNew()
                        .call(() -> ((Number) entityManager
                                        .createNativeQuery("select count(*) from processed_event where event_id = ?1")
                                        .setParameter(1, eventId)
                                        .getSingleResult())
                                .intValue())
                == 1;
    }

    private static boolean parked(String key, Duration deadline) {
        return new KafkaTestClient(PlatformTestResource.bootstrapServers())
                        .readUntil(
                                Topics.deadLetter("metrics-service"),
                                deadline,
                                records -> records.stream().anyMatch(r -> key.equals(r.key())))
                        .stream()
                        .anyMatch(r -> key.equals(r.key()));
    }

    @Test
    void theRebuildOperationsAreDocumented() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths.'/api/metrics/rebuild'.post.operationId", equalTo("startRebuild"))
                .body(
                        "paths.'/api/metrics/rebuild'.post.responses.'409'.content.'application/problem+json'",
                        org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/metrics/rebuild/{id}'.get.operationId", equalTo("getRebuild"));
    }

    /** Three partners (one changes category, one goes silent), 24 referrals through the funnel, given, rewards. */
    private List<CloudEvent> history() {
        List<CloudEvent> history = new ArrayList<>(List.of(
                events.profile("Europe/Berlin", 12, 14, START),
                events.partnerCreated(
                        partners.get(0),
                        "Ana",
                        PartnerCategory.PROFESSIONAL,
                        List.of("referral"),
                        PartnerStage.TRUSTED,
                        START),
                events.partnerCreated(
                        partners.get(1),
                        "Ben",
                        PartnerCategory.CLIENT,
                        List.of("co_marketing"),
                        PartnerStage.BUILDING_RAPPORT,
                        START),
                events.partnerCreated(
                        partners.get(2),
                        "Cy",
                        PartnerCategory.CENTER_OF_INFLUENCE,
                        null,
                        PartnerStage.REACHED_OUT,
                        START),
                events.partnerUpdated(
                        partners.get(1),
                        "Ben",
                        PartnerCategory.PROFESSIONAL,
                        List.of("referral"),
                        7,
                        START.plus(Duration.ofDays(20))),
                events.touchpoint(partners.get(0), START.plus(Duration.ofDays(70)))));
        for (int i = 0; i < 24; i++) {
            UUID partner = partners.get(i % 2);
            referral(history, partner, i, START.plus(Duration.ofHours(71L * i)));
        }
        for (int i = 0; i < 3; i++) {
            history.add(events.given(
                    partners.get(i), LocalDate.of(2026, 2, 1 + i), new Money(new BigDecimal("100.00"), "EUR")));
        }
        UUID reward = UUID.randomUUID();
        history.add(events.rewardEarned(
                reward,
                UUID.randomUUID(),
                partners.get(0),
                RewardType.REFERRAL_FEE,
                new Money(new BigDecimal("50.00"), "EUR"),
                START.plus(Duration.ofDays(10))));
        history.add(events.rewardPaid(
                reward,
                UUID.randomUUID(),
                partners.get(0),
                new Money(new BigDecimal("50.00"), "EUR"),
                START.plus(Duration.ofDays(12))));
        return history;
    }

    private void referral(List<CloudEvent> history, UUID partner, int i, Instant at) {
        UUID id = UUID.randomUUID();
        ReferralChannel channel = i % 3 == 0 ? ReferralChannel.INTAKE_LINK : ReferralChannel.API;
        history.add(events.received(id, partner, channel, at, at.plus(Duration.ofDays(2))));
        history.add(events.statusChanged(
                id, partner, ReferralStatus.RECEIVED, ReferralStatus.CONTACTED, at.plus(Duration.ofHours(5L + i))));
        if (i % 3 == 0) {
            history.add(events.converted(id, partner, (100 + i) + ".00", "EUR", at, at.plus(Duration.ofDays(i))));
        } else if (i % 3 == 1) {
            history.add(events.closed(id, partner, ReferralStatus.NOT_A_FIT, at, at.plus(Duration.ofDays(1))));
        }
    }

    /** Every read of the practice as JSON, keyed by path. */
    private Map<String, String> snapshot() {
        List<String> paths = new ArrayList<>(List.of(
                "/summary?" + RANGE,
                "/partners?size=50",
                "/reciprocity",
                "/funnel?" + RANGE,
                "/goals?month=2026-02",
                "/goals?month=2026-04",
                "/dormant"));
        for (String metric : List.of("received", "converted", "revenue", "given", "fees")) {
            paths.add("/timeseries?interval=month&metric=" + metric + "&" + RANGE);
            paths.add("/timeseries?interval=week&metric=" + metric + "&" + RANGE);
        }
        for (String by : List.of("category", "allianceType", "channel", "stage")) {
            paths.add("/breakdown?by=" + by + "&" + RANGE);
        }
        partners.forEach(p -> paths.add("/partners/" + p));
        Map<String, String> snapshot = new LinkedHashMap<>();
        for (String path : paths) {
            Response response = as("viewer").get("/api/metrics" + path);
            assertEquals(200, response.statusCode(), path);
            snapshot.put(path, response.asString());
        }
        return snapshot;
    }

    /** Redelivered events may still be in flight: two equal snapshots a moment apart. */
    private Map<String, String> settledSnapshot() {
        Map<String, Map<String, String>> last = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    Map<String, String> now = snapshot();
                    boolean settled = now.equals(last.get("previous"));
                    last.put("previous", now);
                    return settled;
                });
        return last.get("previous");
    }

    private void awaitDone(String location) {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> as("owner")
                        .get(location)
                        .then()
                        .statusCode(200)
                        .body("state", equalTo("done"))
                        .body("finishedAt", org.hamcrest.Matchers.notNullValue()));
    }

    private void awaitReceived(int count) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as("viewer")
                        .get("/api/metrics/summary?from=2026-01-01&to=2026-01-31")
                        .then()
                        .statusCode(200)
                        .body("received", equalTo(count)));
    }

    private RequestSpecification as(String role) {
        return Api.as(events.tenant, role);
    }
}
