package io.referrals.partner;

import static io.referrals.partner.CampaignResourceTest.TWO_VARIANTS;
import static io.referrals.partner.CampaignResourceTest.inDays;
import static io.referrals.partner.CampaignResourceTest.partner;
import static io.referrals.partner.CampaignResourceTest.request;
import static io.referrals.testing.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.Consent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.Topics;
import io.referrals.events.campaign.CampaignAskAssigned;
import io.referrals.events.campaign.CampaignEnded;
import io.referrals.events.campaign.CampaignStarted;
import io.referrals.events.campaign.ReferralPleasedCheckInAnswered;
import io.referrals.events.referral.ReferralAttributed;
import io.referrals.events.referral.ReferralReceived;
import io.referrals.events.referral.Referrer;
import io.referrals.partner.service.CampaignScheduler;
import io.referrals.partner.service.VariantAssignment;
import io.referrals.testing.KafkaTestClient;
import io.referrals.testing.PlatformTestResource;
import io.referrals.testing.TestClock;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What moves campaigns without a request: the scheduler by the clock, pleased check-ins, referrals seen. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CampaignTriggersTest {
    private final String tenant = "practice-" + UUID.randomUUID();
    private final KafkaTestClient kafka = new KafkaTestClient(PlatformTestResource.bootstrapServers());

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestClock clock;

    @Inject
    CampaignScheduler scheduler;

    private String createCampaign(String body) {
        return as(tenant, "owner")
                .body(body)
                .post("/api/campaigns")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private List<UUID> column(String sql, Object... parameters) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<UUID> values = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getObject(1, UUID.class));
                }
            }
            return values;
        }
    }

    private boolean processed(String eventId) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select count(*) from partner.processed_event where event_id = ?")) {
            select.setString(1, eventId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1) == 1;
            }
        }
    }

    private CloudEvent pleased(UUID referralId, String partnerId, boolean pleased) {
        return EventCodec.wrap(
                EventTypes.REFERRAL_PLEASED_CHECK_IN_ANSWERED,
                "/referral-service",
                tenant,
                referralId.toString(),
                new ReferralPleasedCheckInAnswered(referralId, UUID.fromString(partnerId), pleased, Instant.now()));
    }

    @Test
    void aPleasedCheckInAsksItsPartnerOncePerReferralWithTheirStickyVariant() throws Exception {
        String happy = partner(tenant, "Hana Happy", "hana@example.com", "trusted", "");
        String outside = partner(tenant, "Otto Outside", "otto@example.com", "reached_out", "");
        String busy = partner(tenant, "Bea Busy", "bea@example.com", "trusted", "");
        String busyCampaign = createCampaign(request(
                "Busy",
                inDays(0).minusSeconds(60),
                inDays(30),
                "start",
                "{\"partnerIds\":[\"" + busy + "\"]}",
                TWO_VARIANTS));
        as(tenant, "owner")
                .post("/api/campaigns/" + busyCampaign + "/start")
                .then()
                .statusCode(200);

        String id = createCampaign(request(
                "Strike while hot",
                inDays(0).minusSeconds(60),
                inDays(30),
                "pleased_check_in",
                "{\"stages\":[\"trusted\"]}",
                TWO_VARIANTS));
        String seedHex = as(tenant, "owner")
                .post("/api/campaigns/" + id + "/start")
                .then()
                .statusCode(200)
                .body("assigned", equalTo(0))
                .extract()
                .path("seed");

        UUID first = UUID.randomUUID();
        CloudEvent firstAnswer = pleased(first, happy, true);
        kafka.send(Topics.REFERRAL_EVENTS, firstAnswer);
        kafka.send(Topics.REFERRAL_EVENTS, firstAnswer); // delivered twice
        kafka.send(Topics.REFERRAL_EVENTS, pleased(first, happy, true)); // answered again: the same referral
        kafka.send(Topics.REFERRAL_EVENTS, pleased(UUID.randomUUID(), happy, false));
        kafka.send(Topics.REFERRAL_EVENTS, pleased(UUID.randomUUID(), outside, true));
        kafka.send(Topics.REFERRAL_EVENTS, pleased(UUID.randomUUID(), busy, true));
        UUID second = UUID.randomUUID();
        CloudEvent last = pleased(second, happy, true);
        kafka.send(Topics.REFERRAL_EVENTS, last);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(last.id()));

        assertEquals(
                Set.of(first, second),
                Set.copyOf(column(
                        "select trigger_referral_id from partner.campaign_assignment where campaign_id = ?",
                        UUID.fromString(id))),
                "one ask per pleased referral: none for the duplicate, the unpleased, the outsider or the busy partner");
        assertEquals(
                2,
                column("select campaign_id from partner.campaign_assignment where campaign_id = ?", UUID.fromString(id))
                        .size());
        List<CloudEvent> events = kafka.eventsFor(Topics.PARTNER_EVENTS, id, 3, Duration.ofSeconds(30));
        assertEquals(3, events.size(), "CampaignStarted and two asks: " + events);
        String sticky = VariantAssignment.variantFor(
                HexFormat.of().parseHex(seedHex),
                UUID.fromString(happy),
                List.of(new VariantAssignment.Weighted("a", 50), new VariantAssignment.Weighted("b", 50)));
        for (CloudEvent event : events.subList(1, 3)) {
            CampaignAskAssigned ask = EventCodec.data(event, EventTypes.CAMPAIGN_ASK_ASSIGNED);
            assertEquals(UUID.fromString(happy), ask.partnerId());
            assertEquals(sticky, ask.variant());
        }
        assertEquals(
                Set.of(first, second),
                events.subList(1, 3).stream()
                        .map(e -> EventCodec.data(e, EventTypes.CAMPAIGN_ASK_ASSIGNED)
                                .triggerReferralId())
                        .collect(Collectors.toSet()));
        as(tenant, "viewer").get("/api/campaigns/" + id).then().body("assigned", equalTo(2));
        as(tenant, "viewer")
                .get("/api/campaigns/" + id + "/audience")
                .then()
                .body("total", equalTo(1))
                .body("partners.partnerId", contains(happy))
                .body("partners[0].variant", equalTo(sticky));
    }

    @Test
    void theSchedulerStartsAndEndsCampaignsByTheClock() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(now);
        try {
            String partnerId = partner(tenant, "Sam Scheduled", "sam@example.com", "trusted", "");
            Instant startsAt = now.plus(Duration.ofHours(1));
            Instant endsAt = now.plus(Duration.ofHours(3));
            String id = createCampaign(request(
                    "On time", startsAt, endsAt, "start", "{\"partnerIds\":[\"" + partnerId + "\"]}", TWO_VARIANTS));
            as(tenant, "owner")
                    .post("/api/campaigns/" + id + "/schedule")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("scheduled"));

            clock.set(startsAt.minusSeconds(1));
            scheduler.run();
            as(tenant, "viewer").get("/api/campaigns/" + id).then().body("status", equalTo("scheduled"));

            clock.set(startsAt.plusSeconds(20));
            scheduler.run();
            as(tenant, "viewer")
                    .get("/api/campaigns/" + id)
                    .then()
                    .body("status", equalTo("running"))
                    .body("startedAt", equalTo(startsAt.plusSeconds(20).toString()))
                    .body("startsAt", equalTo(startsAt.toString()))
                    .body("assigned", equalTo(1));

            clock.set(endsAt.minusSeconds(1));
            scheduler.run();
            as(tenant, "viewer").get("/api/campaigns/" + id).then().body("status", equalTo("running"));

            clock.set(endsAt.plusSeconds(25));
            scheduler.run();
            as(tenant, "viewer")
                    .get("/api/campaigns/" + id)
                    .then()
                    .body("status", equalTo("ended"))
                    .body("endedAt", equalTo(endsAt.toString()));

            List<CloudEvent> events = kafka.eventsFor(Topics.PARTNER_EVENTS, id, 3, Duration.ofSeconds(30));
            assertEquals(
                    List.of(
                            EventTypes.CAMPAIGN_STARTED.cloudEventType(),
                            EventTypes.CAMPAIGN_ASK_ASSIGNED.cloudEventType(),
                            EventTypes.CAMPAIGN_ENDED.cloudEventType()),
                    events.stream().map(CloudEvent::type).toList());
            CampaignStarted started = EventCodec.data(events.get(0), EventTypes.CAMPAIGN_STARTED);
            assertEquals(startsAt, started.startsAt());
            assertEquals(startsAt.plusSeconds(20), started.startedAt());
            CampaignEnded ended = EventCodec.data(events.get(2), EventTypes.CAMPAIGN_ENDED);
            assertEquals(endsAt, ended.endedAt());
        } finally {
            clock.reset();
        }
    }

    @Test
    void aScheduledCampaignCalledOffIsADraftAgainThatTheSchedulerLeavesAlone() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(now);
        try {
            Instant startsAt = now.plus(Duration.ofHours(1));
            String id = createCampaign(
                    request("Called off", startsAt, now.plus(Duration.ofHours(3)), "start", "{}", TWO_VARIANTS));
            as(tenant, "owner")
                    .post("/api/campaigns/" + id + "/unschedule")
                    .then()
                    .statusCode(409);
            as(tenant, "owner")
                    .post("/api/campaigns/" + id + "/schedule")
                    .then()
                    .statusCode(200);
            as(tenant, "viewer")
                    .post("/api/campaigns/" + id + "/unschedule")
                    .then()
                    .statusCode(403);
            as(tenant, "owner")
                    .post("/api/campaigns/" + id + "/unschedule")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("draft"));

            clock.set(startsAt.plusSeconds(20));
            scheduler.run();
            as(tenant, "viewer").get("/api/campaigns/" + id).then().body("status", equalTo("draft"));
            as(tenant, "owner").delete("/api/campaigns/" + id).then().statusCode(204);
        } finally {
            clock.reset();
        }
    }

    @Test
    void aScheduledCampaignWhoseStartHasPassedIsRefusedAndStaysADraft() {
        String id =
                createCampaign(request("Too late", inDays(0).minusSeconds(60), inDays(3), "start", "{}", TWO_VARIANTS));
        as(tenant, "owner")
                .post("/api/campaigns/" + id + "/schedule")
                .then()
                .statusCode(422)
                .body("detail", org.hamcrest.Matchers.containsString("start the campaign now"));
        as(tenant, "viewer").get("/api/campaigns/" + id).then().body("status", equalTo("draft"));
    }

    @Test
    void referralsSeenMoveThePartnersLastReferralForTheAudienceFilters() throws Exception {
        String quiet = partner(tenant, "Quinn Quiet", "quinn@example.com", "trusted", "");
        String referring = partner(tenant, "Rae Referring", "rae@example.com", "trusted", "");
        String confirmed = partner(tenant, "Cy Confirmed", "cy@example.com", "trusted", "");
        Instant receivedAt = Instant.parse("2026-11-02T10:15:30Z");
        UUID referralId = UUID.randomUUID();
        kafka.send(
                Topics.REFERRAL_EVENTS,
                EventCodec.wrap(
                        EventTypes.REFERRAL_RECEIVED,
                        "/referral-service",
                        tenant,
                        referralId.toString(),
                        new ReferralReceived(
                                referralId,
                                new Referrer(UUID.fromString(referring), "Rae Referring", "rae@example.com"),
                                null,
                                Consent.NONE,
                                receivedAt)));
        UUID attributedId = UUID.randomUUID();
        Instant attributedAt = Instant.parse("2026-11-20T08:00:00Z");
        CloudEvent attribution = EventCodec.wrap(
                EventTypes.REFERRAL_ATTRIBUTED,
                "/referral-service",
                tenant,
                attributedId.toString(),
                new ReferralAttributed(
                        attributedId,
                        new Referrer(UUID.fromString(confirmed), "Cy Confirmed", "cy@example.com"),
                        attributedAt));
        kafka.send(Topics.REFERRAL_EVENTS, attribution);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(attribution.id()));

        as(tenant, "viewer")
                .body("{\"neverReferred\":true}")
                .post("/api/campaigns/audience-preview")
                .then()
                .statusCode(200)
                .body("partners.partnerId", contains(quiet));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as(tenant, "viewer")
                        .body("{\"neverReferred\":false}")
                        .post("/api/campaigns/audience-preview")
                        .then()
                        .statusCode(200)
                        .body("partners.partnerId", contains(confirmed, referring))
                        .body("partners.lastReferralAt", contains(attributedAt.toString(), receivedAt.toString())));
        as(tenant, "viewer")
                .body("{\"lastReferralAfter\":\"2026-11-10T00:00:00Z\"}")
                .post("/api/campaigns/audience-preview")
                .then()
                .body("partners.partnerId", contains(confirmed));
        as(tenant, "viewer")
                .body("{\"lastReferralBefore\":\"2026-11-10T00:00:00Z\"}")
                .post("/api/campaigns/audience-preview")
                .then()
                .body("partners.partnerId", contains(quiet, referring))
                .body("partners.partnerId", not(hasItem(confirmed)));
    }
}
