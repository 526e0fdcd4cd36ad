package io.referrals.partner;

import static io.referrals.testing.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.Topics;
import io.referrals.events.campaign.CampaignAskAssigned;
import io.referrals.events.campaign.CampaignStarted;
import io.referrals.partner.service.VariantAssignment;
import io.referrals.testing.KafkaTestClient;
import io.referrals.testing.PlatformTestResource;
import io.restassured.response.ValidatableResponse;
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
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Campaigns through the API, against the real database and broker: CRUD, the rules, tenancy and starting. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CampaignResourceTest {
    static final String TWO_VARIANTS = """
            [{"key":"a","name":"Thank-you note","weight":50,"askSubject":"Who do you know, {partnerFirstName}?",
              "askBody":"Hi {partnerFirstName}, {practiceName} asks: who is struggling? {campaignLink} (until {campaignEnds})",
              "incentive":null},
             {"key":"b","name":"Session credit","weight":50,"askSubject":"A thank-you for {partnerName}",
              "askBody":"Refer someone through {campaignLink} and get {incentive}.",
              "incentive":{"type":"session_credit","value":{"amount":"80.00","currency":"USD"},
                           "description":"a free coaching session","earnedOn":"conversion"}}]""";

    final String tenant = "practice-" + UUID.randomUUID();
    private final KafkaTestClient kafka = new KafkaTestClient(PlatformTestResource.bootstrapServers());

    @Inject
    AgroalDataSource dataSource;

    static Instant inDays(int days) {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(days));
    }

    static String request(
            String name, Instant startsAt, Instant endsAt, String trigger, String audience, String variants) {
        return """
                {"name":"%s","startsAt":"%s","endsAt":"%s","trigger":"%s","goal":"partners_referring",
                 "autoSend":true,"audience":%s,"variants":%s,"differenceWorthKnowing":0.1}""".formatted(name, startsAt, endsAt, trigger, audience, variants);
    }

    String validRequest(String name) {
        return request(name, inDays(10), inDays(40), "start", "{\"stages\":[\"trusted\"]}", TWO_VARIANTS);
    }

    static String partner(String tenantId, String name, String email, String stage, String extra) {
        return as(tenantId, "owner")
                .body("{\"name\":\"%s\",%s\"category\":\"professional\",\"stage\":\"%s\"%s}"
                        .formatted(name, email == null ? "" : "\"email\":\"" + email + "\",", stage, extra))
                .post("/api/partners")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    String createCampaign(String body) {
        return as(tenant, "member")
                .body(body)
                .post("/api/campaigns")
                .then()
                .statusCode(201)
                .body("status", equalTo("draft"))
                .extract()
                .path("id");
    }

    ValidatableResponse get(String id) {
        return as(tenant, "viewer").get("/api/campaigns/" + id).then();
    }

    long count(String sql, Object... parameters) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void aCampaignIsCreatedReadListedRewrittenAndDeletedAsADraft() {
        var created = as(tenant, "owner")
                .body(validRequest("Spring ask"))
                .post("/api/campaigns")
                .then()
                .statusCode(201)
                .body("status", equalTo("draft"))
                .body("seed", nullValue())
                .body("assigned", equalTo(0))
                .body("autoSend", equalTo(true))
                .body("trigger", equalTo("start"))
                .body("audience.stages", contains("trusted"))
                .body("audience.partnerIds", nullValue())
                .body("variants.key", contains("a", "b"))
                .body("variants[1].incentive.type", equalTo("session_credit"))
                .body("variants[1].incentive.value.amount", equalTo("80.0000"))
                .body("differenceWorthKnowing", equalTo(0.1f))
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/campaigns/" + id), created.header("Location"));
        get(id).statusCode(200).body("name", equalTo("Spring ask"));
        as(tenant, "viewer")
                .get("/api/campaigns?status=draft")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items.id", contains(id));
        as(tenant, "viewer").get("/api/campaigns?status=running").then().body("total", equalTo(0));

        String rewritten = request(
                "Autumn ask",
                inDays(20),
                inDays(50),
                "pleased_check_in",
                "{\"categories\":[\"professional\"],\"fitAtLeast\":60}",
                TWO_VARIANTS.replace("\"weight\":50,\"askSubject\":\"Who", "\"weight\":80,\"askSubject\":\"Who"));
        as(tenant, "member")
                .body(rewritten)
                .put("/api/campaigns/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Autumn ask"))
                .body("trigger", equalTo("pleased_check_in"))
                .body("audience.fitAtLeast", equalTo(60))
                .body("audience.stages", empty())
                .body("variants.weight", contains(80, 50));

        as(tenant, "viewer").delete("/api/campaigns/" + id).then().statusCode(403);
        as(tenant, "member").delete("/api/campaigns/" + id).then().statusCode(204);
        get(id).statusCode(404);
        as(tenant, "viewer").get("/api/campaigns").then().body("total", equalTo(0));
    }

    @Test
    void aViewerReadsButNeverWrites() {
        as(tenant, "viewer")
                .body(validRequest("Not mine to make"))
                .post("/api/campaigns")
                .then()
                .statusCode(403);
        String id = createCampaign(validRequest("Spring ask"));
        as(tenant, "viewer").post("/api/campaigns/" + id + "/start").then().statusCode(403);
        as(tenant, "viewer").post("/api/campaigns/" + id + "/schedule").then().statusCode(403);
        get(id).statusCode(200).body("status", equalTo("draft"));
    }

    @Test
    void badRequestsAreRefusedWithAClearProblemAndChangeNothing() {
        Instant start = inDays(10);
        String filtersAndList = "{\"stages\":[\"trusted\"],\"partnerIds\":[\"" + UUID.randomUUID() + "\"]}";
        Map<String, String> unprocessable = Map.of(
                request("Backwards", start, start.minusSeconds(1), "start", "{}", TWO_VARIANTS),
                "endsAt must be after startsAt",
                request("Too long", start, start.plus(Duration.ofDays(367)), "start", "{}", TWO_VARIANTS),
                "at most 366 days",
                request("Both", start, inDays(20), "start", filtersAndList, TWO_VARIANTS),
                "either by filters or by partnerIds",
                request("Empty list", start, inDays(20), "start", "{\"partnerIds\":[]}", TWO_VARIANTS),
                "names nobody",
                request(
                        "Twice a",
                        start,
                        inDays(20),
                        "start",
                        "{}",
                        TWO_VARIANTS.replace("\"key\":\"b\"", "\"key\":\"a\"")),
                "\"a\" is used twice",
                request(
                        "No link",
                        start,
                        inDays(20),
                        "start",
                        "{}",
                        TWO_VARIANTS.replace("through {campaignLink}", "")),
                "askBody must contain {campaignLink}",
                request(
                        "Unknown placeholder",
                        start,
                        inDays(20),
                        "start",
                        "{}",
                        TWO_VARIANTS.replace("{partnerName}", "{partnername}")),
                "unknown placeholder {partnername}",
                request(
                        "Client reward",
                        start,
                        inDays(20),
                        "start",
                        "{}",
                        TWO_VARIANTS.replace("session_credit", "client_discount")),
                "not client_discount");
        unprocessable.forEach((body, detail) -> as(tenant, "owner")
                .body(body)
                .post("/api/campaigns")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString(detail)));

        Map<String, String> invalidShape = Map.of(
                request(
                        "Five",
                        start,
                        inDays(20),
                        "start",
                        "{}",
                        "["
                                + String.join(
                                        ",",
                                        List.of(variant("a"), variant("b"), variant("c"), variant("d"), variant("e")))
                                + "]"),
                "variants",
                request("None", start, inDays(20), "start", "{}", "[]"),
                "variants",
                request("Bad key", start, inDays(20), "start", "{}", "[" + variant("A b") + "]"),
                "key",
                request(
                        "Heavy",
                        start,
                        inDays(20),
                        "start",
                        "{}",
                        TWO_VARIANTS.replace("\"weight\":50", "\"weight\":101")),
                "weight",
                request("Fit", start, inDays(20), "start", "{\"fitAtLeast\":101}", TWO_VARIANTS),
                "fitAtLeast",
                request("", start, inDays(20), "start", "{}", TWO_VARIANTS),
                "name",
                validRequest("Small difference")
                        .replace("\"differenceWorthKnowing\":0.1", "\"differenceWorthKnowing\":0.01"),
                "differenceWorthKnowing");
        invalidShape.forEach((body, field) -> as(tenant, "owner")
                .body(body)
                .post("/api/campaigns")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(containsString(field))));
        as(tenant, "owner")
                .body("{\"name\":\"Unknown trigger\",\"trigger\":\"whenever\"}")
                .post("/api/campaigns")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as(tenant, "viewer").get("/api/campaigns").then().statusCode(200).body("total", equalTo(0));

        String id = createCampaign(validRequest("Kept as it was"));
        as(tenant, "owner")
                .body(request("Changed", start, start.minusSeconds(1), "start", "{}", TWO_VARIANTS))
                .put("/api/campaigns/" + id)
                .then()
                .statusCode(422);
        as(tenant, "owner")
                .get("/api/campaigns/" + id + "/asks/preview?variant=zz")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem(containsString("variant")));
        get(id).statusCode(200).body("name", equalTo("Kept as it was")).body("audience.stages", contains("trusted"));
    }

    static String variant(String key) {
        return """
                {"key":"%s","name":"Variant","weight":10,"askSubject":"Hello","askBody":"{campaignLink}"}""".formatted(key);
    }

    @Test
    void anotherPracticesCampaignIsNotFound() {
        String id = createCampaign(validRequest("Ours"));
        String other = "practice-" + UUID.randomUUID();
        as(other, "owner").get("/api/campaigns/" + id).then().statusCode(404).contentType("application/problem+json");
        as(other, "owner")
                .body(validRequest("Theirs"))
                .put("/api/campaigns/" + id)
                .then()
                .statusCode(404);
        as(other, "owner").delete("/api/campaigns/" + id).then().statusCode(404);
        as(other, "owner").post("/api/campaigns/" + id + "/start").then().statusCode(404);
        as(other, "owner").post("/api/campaigns/" + id + "/schedule").then().statusCode(404);
        as(other, "owner").post("/api/campaigns/" + id + "/end").then().statusCode(404);
        as(other, "owner").get("/api/campaigns/" + id + "/audience").then().statusCode(404);
        as(other, "owner").get("/api/campaigns/" + id + "/asks/preview").then().statusCode(404);
        as(other, "owner").get("/api/campaigns").then().body("total", equalTo(0));
        get(id).statusCode(200).body("name", equalTo("Ours")).body("status", equalTo("draft"));
    }

    @Test
    void startingAssignsEachAudiencePartnerTheirHashedVariantAndAnnouncesItInOrder() throws Exception {
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            asked.add(partner(tenant, "Partner " + i, "p" + i + "@example.com", "trusted", ""));
        }
        String noEmail = partner(tenant, "No Email", null, "trusted", "");
        String otherStage = partner(tenant, "Reached Out", "reached@example.com", "reached_out", "");
        String archived = partner(tenant, "Archived", "archived@example.com", "trusted", "");
        as(tenant, "owner").delete("/api/partners/" + archived).then().statusCode(200);
        String ended = partner(tenant, "Ended", "ended@example.com", "trusted", "");
        as(tenant, "owner")
                .body("{\"to\":\"ended\",\"reason\":\"Retired\"}")
                .post("/api/partners/" + ended + "/stage-transitions")
                .then()
                .statusCode(200);

        String id = createCampaign(
                request("Now", inDays(5), inDays(30), "start", "{\"stages\":[\"trusted\"]}", TWO_VARIANTS));
        as(tenant, "viewer")
                .get("/api/campaigns/" + id + "/audience?size=5")
                .then()
                .statusCode(200)
                .body("total", equalTo(12))
                .body("partners", hasSize(5))
                .body("partners[0].variant", nullValue())
                .body("excluded", empty());

        var started = as(tenant, "member")
                .post("/api/campaigns/" + id + "/start")
                .then()
                .statusCode(200)
                .body("status", equalTo("running"))
                .body("assigned", equalTo(12))
                .body("startedAt", notNullValue())
                .extract();
        String seedHex = started.path("seed");
        assertEquals(64, seedHex.length());
        Instant startedAt = Instant.parse(started.path("startedAt"));
        assertEquals(startedAt, Instant.parse(started.path("startsAt")), "a later startsAt becomes now");
        byte[] seed = HexFormat.of().parseHex(seedHex);
        List<VariantAssignment.Weighted> weights =
                List.of(new VariantAssignment.Weighted("a", 50), new VariantAssignment.Weighted("b", 50));

        List<CloudEvent> events = kafka.eventsFor(Topics.PARTNER_EVENTS, id, 13, Duration.ofSeconds(30));
        assertEquals(13, events.size(), "CampaignStarted and 12 asks: " + events);
        assertEquals(EventTypes.CAMPAIGN_STARTED.cloudEventType(), events.get(0).type());
        CampaignStarted announced = EventCodec.data(events.get(0), EventTypes.CAMPAIGN_STARTED);
        assertEquals(
                List.of("a", "b"),
                announced.variants().stream().map(v -> v.key()).toList());
        assertEquals(50, announced.variants().get(0).weight());
        assertEquals(
                "a free coaching session",
                announced.variants().get(1).incentive().description());
        Map<UUID, String> variants = new java.util.HashMap<>();
        for (CloudEvent event : events.subList(1, 13)) {
            assertEquals(EventTypes.CAMPAIGN_ASK_ASSIGNED.cloudEventType(), event.type());
            CampaignAskAssigned ask = EventCodec.data(event, EventTypes.CAMPAIGN_ASK_ASSIGNED);
            assertEquals(UUID.fromString(id), ask.campaignId());
            assertEquals(null, ask.triggerReferralId());
            assertEquals(VariantAssignment.variantFor(seed, ask.partnerId(), weights), ask.variant(), "hashed variant");
            variants.put(ask.partnerId(), ask.variant());
        }
        assertEquals(
                asked.stream().map(UUID::fromString).collect(Collectors.toSet()),
                variants.keySet(),
                "the audience exactly: not the partner without email, another stage, archived or ended ("
                        + List.of(noEmail, otherStage, archived, ended) + ")");
        assertEquals(
                12,
                count("select count(*) from partner.campaign_assignment where campaign_id = ?", UUID.fromString(id)));
        assertEquals(
                13,
                count(
                        "select count(*) from partner.outbox_event where event_key = ? and event_type like 'io.referrals.partner.campaign-%'",
                        id));

        as(tenant, "viewer")
                .get("/api/campaigns/" + id + "/audience?size=200")
                .then()
                .statusCode(200)
                .body("total", equalTo(12))
                .body("partners.variant", not(hasItem(nullValue())))
                .body(
                        "partners.find { it.partnerId == '" + asked.get(0) + "' }.variant",
                        equalTo(variants.get(UUID.fromString(asked.get(0)))));
        as(tenant, "viewer")
                .get("/api/campaigns/" + id + "/asks/preview?variant=b")
                .then()
                .statusCode(200)
                .body("variant", equalTo("b"))
                .body("subject", startsWithThankYou())
                .body("body", containsString("/refer/#example"))
                .body("body", containsString("a free coaching session"))
                .body("body", not(containsString("{")));
    }

    private static org.hamcrest.Matcher<String> startsWithThankYou() {
        return org.hamcrest.Matchers.startsWith("A thank-you for Partner ");
    }

    /** 2,000 partners start in one transaction: assignments go in 1,000-row statements, every ask is announced. */
    @Test
    void twoThousandPartnersAreAssignedInOneStart() throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into partner.partner (id, tenant_id, name, email, category, stage, created_at, updated_at)
                        select gen_random_uuid(), ?, 'Bulk ' || g, 'bulk' || g || '@example.com', 'PROFESSIONAL',
                               'TRUSTED', now(), now()
                        from generate_series(1, 2000) g""")) {
            insert.setString(1, tenant);
            assertEquals(2000, insert.executeUpdate());
        }
        String id = createCampaign(request("Everyone", inDays(1), inDays(30), "start", "{}", TWO_VARIANTS));
        as(tenant, "owner")
                .post("/api/campaigns/" + id + "/start")
                .then()
                .statusCode(200)
                .body("assigned", equalTo(2000));
        UUID campaignId = UUID.fromString(id);
        assertEquals(
                2000,
                count(
                        "select count(distinct partner_id) from partner.campaign_assignment where campaign_id = ?",
                        campaignId));
        assertEquals(
                2001,
                count(
                        "select count(*) from partner.outbox_event where event_key = ? and event_type like 'io.referrals.partner.campaign-%'",
                        id));
        // Each variant's share of 2,000 at 50/50 has a standard deviation of 1.1 points: 40 to 60 % is 9 of them.
        long a = count(
                "select count(*) from partner.campaign_assignment where campaign_id = ? and variant = 'a'", campaignId);
        assertTrue(a > 800 && a < 1200, "variant a: " + a + " of 2000");
    }

    @Test
    void aRunningCampaignNeverChangesItsWeightsOrAudience() throws Exception {
        partner(tenant, "Dana Lee", "dana@example.com", "trusted", "");
        String id = createCampaign(validRequest("Frozen"));
        as(tenant, "owner").post("/api/campaigns/" + id + "/start").then().statusCode(200);
        String before = get(id).statusCode(200).extract().asString();

        String reweighted = validRequest("Frozen")
                .replace("\"weight\":50,\"askSubject\":\"Who", "\"weight\":90,\"askSubject\":\"Who");
        as(tenant, "owner")
                .body(reweighted)
                .put("/api/campaigns/" + id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/campaign-started"))
                .body("detail", containsString("never changes"));
        as(tenant, "owner").delete("/api/campaigns/" + id).then().statusCode(409);
        as(tenant, "owner").post("/api/campaigns/" + id + "/schedule").then().statusCode(409);
        as(tenant, "owner")
                .post("/api/campaigns/" + id + "/start")
                .then()
                .statusCode(409)
                .body("campaignStatus", equalTo("running"))
                .body("allowed", contains("ended"));
        assertEquals(before, get(id).statusCode(200).extract().asString());
        assertEquals(
                1,
                count("select count(*) from partner.campaign_assignment where campaign_id = ?", UUID.fromString(id)));

        as(tenant, "owner")
                .post("/api/campaigns/" + id + "/end")
                .then()
                .statusCode(200)
                .body("status", equalTo("ended"))
                .body("endedAt", notNullValue());
        as(tenant, "owner").post("/api/campaigns/" + id + "/end").then().statusCode(409);
        as(tenant, "owner").body(reweighted).put("/api/campaigns/" + id).then().statusCode(409);
        List<CloudEvent> events = kafka.eventsFor(Topics.PARTNER_EVENTS, id, 3, Duration.ofSeconds(30));
        assertEquals(
                EventTypes.CAMPAIGN_ENDED.cloudEventType(),
                events.get(events.size() - 1).type());
        get(id).body("variants.weight", contains(50, 50));
    }

    @Test
    void aPartnerAssignedInAnOverlappingCampaignIsExcludedWithTheReason() throws Exception {
        String shared = partner(tenant, "Ana Shared", "ana@example.com", "trusted", "");
        String free = partner(tenant, "Ben Free", "ben@example.com", "trusted", "");
        String first = createCampaign(request(
                "First",
                inDays(0).minusSeconds(60),
                inDays(30),
                "start",
                "{\"partnerIds\":[\"" + shared + "\"]}",
                TWO_VARIANTS));
        as(tenant, "owner")
                .post("/api/campaigns/" + first + "/start")
                .then()
                .statusCode(200)
                .body("assigned", equalTo(1));

        String overlapping = createCampaign(
                request("Overlapping", inDays(20), inDays(60), "start", "{\"stages\":[\"trusted\"]}", TWO_VARIANTS));
        as(tenant, "viewer")
                .get("/api/campaigns/" + overlapping + "/audience")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("partners.partnerId", contains(free))
                .body("excluded.partnerId", contains(shared))
                .body("excluded[0].reason", equalTo("in_campaign"))
                .body("excluded[0].campaignId", equalTo(first))
                .body("excluded[0].campaignName", equalTo("First"));
        // Before saving: the same answer for the same window; a window after the first campaign's excludes nobody.
        as(tenant, "member")
                .body("{\"stages\":[\"trusted\"]}")
                .queryParam("startsAt", inDays(20).toString())
                .queryParam("endsAt", inDays(60).toString())
                .post("/api/campaigns/audience-preview")
                .then()
                .statusCode(200)
                .body("excluded.partnerId", contains(shared));
        as(tenant, "member")
                .body("{\"stages\":[\"trusted\"]}")
                .queryParam("startsAt", inDays(31).toString())
                .queryParam("endsAt", inDays(60).toString())
                .post("/api/campaigns/audience-preview")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("excluded", empty());
        as(tenant, "member")
                .body("{\"stages\":[\"trusted\"],\"partnerIds\":[\"" + free + "\"]}")
                .post("/api/campaigns/audience-preview")
                .then()
                .statusCode(422);

        as(tenant, "owner")
                .post("/api/campaigns/" + overlapping + "/start")
                .then()
                .statusCode(200)
                .body("assigned", equalTo(1));
        as(tenant, "viewer")
                .get("/api/campaigns/" + overlapping + "/audience")
                .then()
                .body("partners.partnerId", contains(free));
        assertEquals(
                0,
                count(
                        "select count(*) from partner.campaign_assignment where campaign_id = ? and partner_id = ?",
                        UUID.fromString(overlapping),
                        UUID.fromString(shared)));

        String later = createCampaign(
                request("Later", inDays(31), inDays(60), "start", "{\"stages\":[\"trusted\"]}", TWO_VARIANTS));
        // Later: after First ends (Ana is free again), inside Overlapping's window (Ben is not).
        as(tenant, "viewer")
                .get("/api/campaigns/" + later + "/audience")
                .then()
                .body("partners.partnerId", contains(shared))
                .body("excluded.partnerId", contains(free))
                .body("excluded[0].campaignId", equalTo(overlapping));
    }
}
