package io.referrals.partner;

import static io.referrals.testing.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.Topics;
import io.referrals.events.partner.PracticeProfileUpdated;
import io.referrals.testing.KafkaTestClient;
import io.referrals.testing.PlatformTestResource;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class PartnerRelationshipTest {
    private final String tenant = "practice-" + UUID.randomUUID();

    private String create(String json) {
        return as(tenant, "owner")
                .body(json)
                .post("/api/partners")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private void moveTo(String id, String stage) {
        as(tenant, "member")
                .body("{\"to\":\"" + stage + "\"}")
                .post("/api/partners/" + id + "/stage-transitions")
                .then()
                .statusCode(200)
                .body("stage", equalTo(stage));
    }

    @Test
    void theFullPartnerRecordRoundTrips() {
        String id = create("""
                {"name":"Dana Lee","email":"dana@example.com","category":"professional","organization":"Lee Counseling",
                 "role":"Licensed therapist","licensed":true,"phone":"+1 555 0100","website":"https://lee.example",
                 "notes":"Met at the chamber breakfast","tags":["bni","warm"],"niches":["couples","career change"],
                 "allianceTypes":["referral","collaboration"],"owner":"ana@practice","checkInCadenceDays":14}""");
        as(tenant, "viewer")
                .get("/api/partners/" + id)
                .then()
                .statusCode(200)
                .body("organization", equalTo("Lee Counseling"))
                .body("licensed", equalTo(true))
                .body("tags", contains("bni", "warm"))
                .body("allianceTypes", contains("referral", "collaboration"))
                .body("relationship", equalTo("source"))
                .body("stage", equalTo("identified"))
                .body("checkInCadenceDays", equalTo(14))
                .body("nextCheckInDue", notNullValue())
                .body("fit.score", nullValue())
                .body("fit.reasons[0]", containsString("practice profile"));

        as(tenant, "member")
                .body("{\"tags\":[],\"organization\":\"\",\"checkInCadenceDays\":0}")
                .patch("/api/partners/" + id)
                .then()
                .statusCode(200)
                .body("tags.size()", equalTo(0))
                .body("organization", nullValue())
                .body("checkInCadenceDays", nullValue())
                .body("name", equalTo("Dana Lee"));
        as(tenant, "member")
                .body("{\"website\":\"ftp://nope\",\"checkInCadenceDays\":400,\"allianceTypes\":[\"spy\"]}")
                .patch("/api/partners/" + id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theLifecycleAllowsOnlyItsStepsAndKeepsADatedHistory() {
        String id = create("{\"name\":\"Sam\",\"category\":\"client\"}");
        as(tenant, "member")
                .body("{\"to\":\"trusted\"}")
                .post("/api/partners/" + id + "/stage-transitions")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("currentStage", equalTo("identified"))
                .body("allowed", contains("reached_out", "dormant", "ended"));
        moveTo(id, "reached_out");
        moveTo(id, "building_rapport");
        as(tenant, "member")
                .body("{\"to\":\"ended\"}")
                .post("/api/partners/" + id + "/stage-transitions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        as(tenant, "member")
                .body("{\"to\":\"ended\",\"reason\":\"Moved away\",\"note\":\"Farewell call\"}")
                .post("/api/partners/" + id + "/stage-transitions")
                .then()
                .statusCode(200)
                .body("nextCheckInDue", nullValue());
        moveTo(id, "reached_out");

        as(tenant, "viewer")
                .get("/api/partners/" + id + "/history")
                .then()
                .statusCode(200)
                .body("to", contains("identified", "reached_out", "building_rapport", "ended", "reached_out"))
                .body("[0].from", nullValue())
                .body("[3].reason", equalTo("Moved away"))
                .body("[3].note", equalTo("Farewell call"))
                .body("changedAt", hasItem(notNullValue()));

        List<CloudEvent> events = new KafkaTestClient(PlatformTestResource.bootstrapServers())
                .eventsFor(Topics.PARTNER_EVENTS, id, 5, Duration.ofSeconds(30));
        assertEquals(
                4,
                events.stream()
                        .filter(e -> e.type().equals(EventTypes.PARTNER_STAGE_CHANGED.cloudEventType()))
                        .count());
    }

    @Test
    void fitFollowsThePracticeProfileAndSortsTheList() {
        String strong =
                create("{\"name\":\"Strong\",\"category\":\"professional\",\"niches\":[\"couples\",\"grief\"]}");
        String weak = create("{\"name\":\"Weak\",\"category\":\"professional\",\"niches\":[\"teens\"]}");
        String rival = create("{\"name\":\"Rival\",\"category\":\"competitor\",\"niches\":[\"couples\",\"grief\"]}");
        as(tenant, "viewer").get("/api/practice").then().statusCode(200).body("defaultCheckInCadenceDays", equalTo(30));
        as(tenant, "owner")
                .body("""
                {"services":["couples therapy"],"idealReferral":{"demographics":"30-50","psychographics":"committed",
                 "situation":"relationship at a crossroads","readiness":"this month"},"niches":["couples","grief"],
                 "defaultCheckInCadenceDays":21,"monthlyReferralGoal":6}""")
                .put("/api/practice")
                .then()
                .statusCode(200)
                .body("monthlyReferralGoal", equalTo(6))
                .body("updatedAt", notNullValue());

        as(tenant, "viewer")
                .get("/api/partners?sort=-fitScore")
                .then()
                .statusCode(200)
                .body("items.id", contains(strong, rival, weak))
                .body("items[0].fit.score", equalTo(100))
                .body("items[1].fit.score", equalTo(33))
                .body("items[2].fit.score", equalTo(0));
        as(tenant, "viewer")
                .get("/api/partners?sort=sideways")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sort"));
        as(tenant, "owner")
                .body("{\"idealReferral\":{},\"defaultCheckInCadenceDays\":0}")
                .put("/api/practice")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("defaultCheckInCadenceDays"));
    }

    @Test
    void thePracticeTimeZoneIsKeptValidatedAndAnnounced() {
        as(tenant, "viewer").get("/api/practice").then().statusCode(200).body("timeZone", equalTo("UTC"));
        as(tenant, "owner")
                .body("{\"idealReferral\":{},\"timeZone\":\"Mars/Olympus_Mons\"}")
                .put("/api/practice")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("timeZone"));
        as(tenant, "owner")
                .body("{\"idealReferral\":{},\"timeZone\":\"America/New_York\",\"monthlyReferralGoal\":5}")
                .put("/api/practice")
                .then()
                .statusCode(200)
                .body("timeZone", equalTo("America/New_York"));

        var events = new KafkaTestClient(PlatformTestResource.bootstrapServers())
                .eventsFor(
                        Topics.PARTNER_EVENTS,
                        PracticeProfileUpdated.practiceKey(tenant).toString(),
                        1,
                        Duration.ofSeconds(30));
        var profile = EventCodec.data(events.get(0), EventTypes.PRACTICE_PROFILE_UPDATED);
        assertEquals("America/New_York", profile.timeZone());
        assertEquals(5, profile.monthlyReferralGoal());
        assertEquals(30, profile.defaultCheckInCadenceDays());
    }

    @Test
    void listsFilterPageAndCount() {
        create("{\"name\":\"Alex Adams\",\"email\":\"alex@firm.example\",\"category\":\"professional\","
                + "\"organization\":\"Northside HR\",\"tags\":[\"hr\"],\"allianceTypes\":[\"promotional\"]}");
        String second = create("{\"name\":\"Blair Brown\",\"category\":\"client\",\"tags\":[\"alumni\"]}");
        create("{\"name\":\"Casey Cole\",\"category\":\"client\",\"tags\":[\"alumni\",\"hr\"]}");
        moveTo(second, "reached_out");

        as(tenant, "viewer").get("/api/partners?category=client").then().body("total", equalTo(2));
        as(tenant, "viewer").get("/api/partners?tag=hr").then().body("total", equalTo(2));
        as(tenant, "viewer")
                .get("/api/partners?allianceType=promotional")
                .then()
                .body("items.name", contains("Alex Adams"));
        as(tenant, "viewer").get("/api/partners?stage=reached_out").then().body("items.id", contains(second));
        as(tenant, "viewer").get("/api/partners?q=northside").then().body("items.name", contains("Alex Adams"));
        as(tenant, "viewer").get("/api/partners?q=FIRM.example").then().body("total", equalTo(1));
        as(tenant, "viewer").get("/api/partners?q=100%25").then().body("total", equalTo(0));
        as(tenant, "viewer")
                .get("/api/partners?sort=-name&size=2&page=0")
                .then()
                .body("items.name", contains("Casey Cole", "Blair Brown"))
                .body("total", equalTo(3));
        as(tenant, "viewer")
                .get("/api/partners?sort=-name&size=2&page=1")
                .then()
                .body("items.name", contains("Alex Adams"));
        as(tenant, "viewer")
                .get("/api/partners?category=astrologer")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("category"))
                .body("errors[0].message", containsString("center_of_influence"));
    }

    @Test
    void archivingHidesAndRestoringBringsBack() {
        String id = create("{\"name\":\"Old Friend\",\"category\":\"colleague\"}");
        as(tenant, "member")
                .delete("/api/partners/" + id)
                .then()
                .statusCode(200)
                .body("archivedAt", notNullValue());
        as(tenant, "viewer").get("/api/partners").then().body("total", equalTo(0));
        as(tenant, "viewer").get("/api/partners?archived=true").then().body("items.id", contains(id));
        as(tenant, "member")
                .body("{\"name\":\"Changed\"}")
                .patch("/api/partners/" + id)
                .then()
                .statusCode(409)
                .body("type", endsWith("partner-archived"));
        as(tenant, "member")
                .post("/api/partners/" + id + "/restore")
                .then()
                .statusCode(200)
                .body("archivedAt", nullValue());
        as(tenant, "viewer").get("/api/partners").then().body("items.id", contains(id));
        List<CloudEvent> events = new KafkaTestClient(PlatformTestResource.bootstrapServers())
                .eventsFor(Topics.PARTNER_EVENTS, id, 3, Duration.ofSeconds(30));
        assertEquals(
                2,
                events.stream()
                        .filter(e -> e.type().equals(EventTypes.PARTNER_ARCHIVED.cloudEventType()))
                        .count());
    }

    @Test
    void anotherPracticeGetsNotFoundOnEveryPath() {
        String id = create("{\"name\":\"Mine\",\"category\":\"client\"}");
        var stranger = as("practice-" + UUID.randomUUID(), "owner");
        stranger.get("/api/partners/" + id).then().statusCode(404);
        as("practice-" + UUID.randomUUID(), "owner")
                .body("{\"name\":\"X\"}")
                .patch("/api/partners/" + id)
                .then()
                .statusCode(404);
        as("practice-" + UUID.randomUUID(), "owner")
                .delete("/api/partners/" + id)
                .then()
                .statusCode(404);
        as("practice-" + UUID.randomUUID(), "owner")
                .post("/api/partners/" + id + "/restore")
                .then()
                .statusCode(404);
        as("practice-" + UUID.randomUUID(), "owner")
                .body("{\"to\":\"reached_out\"}")
                .post("/api/partners/" + id + "/stage-transitions")
                .then()
                .statusCode(404);
        as("practice-" + UUID.randomUUID(), "owner")
                .get("/api/partners/" + id + "/history")
                .then()
                .statusCode(404);
        as("practice-" + UUID.randomUUID(), "owner")
                .get("/api/partners/check-ins-due?before=2100-01-01T00:00:00Z")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        as(tenant, "viewer").get("/api/partners/" + id).then().statusCode(200).body("stage", equalTo("identified"));
    }

    @Test
    void thePartnerSaysWhichStagesItMayMoveTo() {
        String id = create("{\"name\":\"Moves\",\"category\":\"professional\"}");
        as(tenant, "viewer")
                .get("/api/partners/" + id)
                .then()
                .statusCode(200)
                .body("allowedStages", contains("reached_out", "dormant", "ended"));
        as(tenant, "viewer")
                .get("/api/partners")
                .then()
                .statusCode(200)
                .body(
                        "items.find { it.id == '" + id + "' }.allowedStages",
                        contains("reached_out", "dormant", "ended"));

        moveTo(id, "reached_out");
        moveTo(id, "building_rapport");
        moveTo(id, "mutual_benefit_agreed");
        as(tenant, "member")
                .body("{\"to\":\"trusted\"}")
                .post("/api/partners/" + id + "/stage-transitions")
                .then()
                .statusCode(200)
                .body("allowedStages", contains("dormant", "ended"));
        as(tenant, "member")
                .body("{\"to\":\"ended\",\"reason\":\"Retired\"}")
                .post("/api/partners/" + id + "/stage-transitions")
                .then()
                .statusCode(200)
                .body("allowedStages", contains("identified", "reached_out"));
        as(tenant, "viewer")
                .get("/api/partners/" + id)
                .then()
                .body("stage", equalTo("ended"))
                .body("allowedStages", contains("identified", "reached_out"));
    }
}
