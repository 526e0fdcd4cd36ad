package io.referrals.metrics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.Money;
import io.referrals.events.ReferralChannel;
import io.referrals.events.RewardType;
import io.referrals.events.campaign.CampaignAttribution;
import io.referrals.events.campaign.CampaignGoal;
import io.referrals.events.campaign.CampaignIncentive;
import io.referrals.events.campaign.CampaignVariant;
import io.referrals.events.campaign.IncentiveEarnedOn;
import io.referrals.metrics.service.campaign.CampaignStatistics;
import io.referrals.testing.Api;
import io.referrals.testing.PlatformTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Campaign results from the events of partner-service, referral-service and notification-service on the real broker
 * and database: the numbers per variant equal a recount of the scenario's referrals; another practice's campaign is
 * not found; a bad difference is refused; a rebuild from the topics gives the same results.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CampaignResultsTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final Money CREDIT = new Money(new BigDecimal("80.00"), "USD");

    @Inject
    EntityManager entityManager;

    private final Events events = new Events("practice-" + UUID.randomUUID());
    private final UUID campaignId = UUID.randomUUID();

    /** One attributed referral of the scenario. */
    record Ref(UUID id, UUID partner, String variant, CampaignAttribution via, String value, boolean rewarded) {}

    /** Who was asked (per variant) and what they referred; the events are made from this, the recount too. */
    private final Map<String, List<UUID>> asked = new LinkedHashMap<>();

    private final Map<UUID, UUID> askIds = new LinkedHashMap<>();
    private final List<Ref> refs = new ArrayList<>();

    @Test
    void resultsPerVariantEqualARecountAndSurviveARebuild() {
        List<CloudEvent> history = scenario();
        Events.send(history);
        Events.send(history.subList(0, 12)); // redelivered: nothing counts twice
        String results = "/api/metrics/campaigns/" + campaignId;
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertRecount(as("viewer")
                        .get(results)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()));

        JsonPath body = as("viewer").get(results).then().extract().jsonPath();
        assertEquals("Spring ask", body.getString("name"));
        assertEquals("partners_referring", body.getString("goal"));
        assertEquals("ended", body.getString("status"));
        assertEquals("Beta(1, 1): every rate equally likely before any data", body.getString("prior"));
        assertEquals(null, (Object) body.get("variants[0].opened"));
        assertEquals("a free coaching session", body.getString("variants[1].incentive"));
        // 12 asked in a, 10 in b: far under what the campaign's own 15-point difference needs at the pooled rate.
        long referring = refs.stream().map(Ref::partner).distinct().count();
        long needed = CampaignStatistics.trialsPerVariant(referring / 22.0, 0.15);
        assertEquals("not_enough_data", body.getString("verdict.kind"));
        assertEquals(needed - 10, body.getLong("verdict.moreTrialsPerVariant"));
        assertEquals(
                "Not enough yet: about " + (needed - 10)
                        + " more partners asked per variant would tell a 15-point difference.",
                body.getString("verdict.text"));
        assertEquals(
                1.0, body.getDouble("variants[0].chanceToBeBest") + body.getDouble("variants[1].chanceToBeBest"), 2e-4);

        as("viewer")
                .get("/api/metrics/campaigns")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].campaignId", equalTo(campaignId.toString()))
                .body("items[0].status", equalTo("ended"))
                .body("items[0].goal", equalTo("partners_referring"))
                .body("items[0].variants", equalTo(2))
                .body("items[0].asked", equalTo(22))
                .body("items[0].referrals", equalTo(refs.size()))
                .body("items[0].conversions", equalTo((int)
                        refs.stream().filter(r -> r.value() != null).count()));

        String before = as("viewer").get(results).then().extract().asString();
        // The live campaign rows lost (as a faulty projection would): only a replay of all three topics restores them.
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : List.of("campaign_ask", "campaign_referral", "campaign_reward", "campaign_variant")) {
                entityManager
                        .createNativeQuery("delete from " + table + " where tenant_id = ?1")
                        .setParameter(1, events.tenant)
                        .executeUpdate();
            }
        });
        as("viewer").get(results).then().statusCode(200).body("variants", hasSize(0));
        String rebuild = as("owner")
                .post("/api/metrics/rebuild")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> as("owner").get(rebuild).then().statusCode(200).body("state", equalTo("done")));
        assertEquals(before, as("viewer").get(results).then().extract().asString());
    }

    @Test
    void theDifferenceDecidesHowMuchMoreAndIsChecked() {
        Events.send(scenario());
        String results = "/api/metrics/campaigns/" + campaignId;
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> as("viewer").get(results).then().statusCode(200).body("variants", hasSize(2)));
        as("member").get(results + "?difference=0.2").then().statusCode(200).body("verdict.difference", equalTo(0.2f));
        for (String bad : List.of("0.01", "0.51", "-1", "2")) {
            as("viewer")
                    .get(results + "?difference=" + bad)
                    .then()
                    .statusCode(422)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", org.hamcrest.Matchers.endsWith("difference-out-of-range"));
        }
        as("viewer")
                .get(results + "?difference=ten")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("difference"));
    }

    @Test
    void anotherPracticesCampaignIsNotFound() {
        Events.send(scenario());
        String results = "/api/metrics/campaigns/" + campaignId;
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> as("viewer").get(results).then().statusCode(200));
        Api.as("practice-" + UUID.randomUUID(), "owner")
                .get(results)
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"));
        Api.as("practice-" + UUID.randomUUID(), "viewer")
                .get("/api/metrics/campaigns")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        as("viewer").get("/api/metrics/campaigns/" + UUID.randomUUID()).then().statusCode(404);
        as("viewer").get("/api/metrics/campaigns/not-an-id").then().statusCode(400);
        given().get(results).then().statusCode(401);
    }

    @Test
    void theCampaignOperationsAreDocumented() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths.'/api/metrics/campaigns'.get.operationId", equalTo("listCampaignMetrics"))
                .body("paths.'/api/metrics/campaigns/{id}'.get.operationId", equalTo("getCampaignResults"))
                .body("paths.'/api/metrics/campaigns/{id}'.get.summary", notNullValue())
                .body(
                        "paths.'/api/metrics/campaigns/{id}'.get.responses.'200'.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/CampaignResults"))
                .body(
                        "paths.'/api/metrics/campaigns/{id}'.get.responses.'422'.content.'application/problem+json'",
                        notNullValue())
                .body(
                        "paths.'/api/metrics/campaigns/{id}'.get.responses.'404'.content.'application/problem+json'",
                        notNullValue())
                .body(
                        "paths.'/api/metrics/campaigns/{id}'.get.responses.'401'.content.'application/problem+json'",
                        notNullValue())
                .body(
                        "paths.'/api/metrics/campaigns/{id}'.get.responses.'403'.content.'application/problem+json'",
                        notNullValue())
                .body("components.schemas.VerdictKind.enum", hasSize(4))
                .body("components.schemas.CampaignVariantResults.properties.opened", notNullValue())
                .body("components.schemas.CampaignRate.properties.low", notNullValue())
                .body("paths.'/api/metrics/campaigns'.get.responses.'200'", notNullValue())
                .body("paths.'/api/metrics/campaigns/{id}'.get.responses.'500'", notNullValue())
                .body("paths.'/api/metrics/campaigns'.get.responses.'404'", nullValue());
    }

    /** Compares the API's numbers with the scenario counted here, variant by variant. */
    private void assertRecount(JsonPath body) {
        List<String> keys = List.of("a", "b");
        assertEquals(keys, body.getList("variants.key"));
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            String v = "variants[" + i + "].";
            List<Ref> mine = refs.stream().filter(r -> r.variant().equals(key)).toList();
            long askedHere = asked.get(key).size();
            long referring = mine.stream().map(Ref::partner).distinct().count();
            long conversions = mine.stream().filter(r -> r.value() != null).count();
            BigDecimal revenue = mine.stream()
                    .filter(r -> r.value() != null)
                    .map(r -> new BigDecimal(r.value()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal cost = CREDIT.amount()
                    .multiply(BigDecimal.valueOf(
                            mine.stream().filter(Ref::rewarded).count()));
            assertEquals(askedHere, body.getLong(v + "asked"), key);
            assertEquals(referring, body.getLong(v + "partnersReferring"), key);
            assertEquals(mine.size(), body.getInt(v + "referrals"), key);
            assertEquals(
                    mine.stream()
                            .filter(r -> r.via() == CampaignAttribution.CAMPAIGN_LINK)
                            .count(),
                    body.getLong(v + "referralsByLink"),
                    key);
            assertEquals(
                    mine.stream()
                            .filter(r -> r.via() == CampaignAttribution.OTHER_CHANNEL)
                            .count(),
                    body.getLong(v + "referralsByOtherChannel"),
                    key);
            assertEquals(conversions, body.getLong(v + "conversions"), key);
            assertEquals(revenue.setScale(2).toPlainString(), body.getString(v + "revenue.amount"), key);
            assertEquals("USD", body.getString(v + "revenue.currency"), key);
            assertEquals(cost.setScale(2).toPlainString(), body.getString(v + "incentiveCost.amount"), key);
            assertEquals(
                    revenue.subtract(cost)
                            .divide(BigDecimal.valueOf(askedHere), 2, RoundingMode.HALF_EVEN)
                            .toPlainString(),
                    body.getString(v + "netRevenuePerAskedPartner.amount"),
                    key);
            assertEquals(referring, body.getLong(v + "rate.successes"), key);
            assertEquals(askedHere, body.getLong(v + "rate.trials"), key);
            assertEquals((referring + 1.0) / (askedHere + 2), body.getDouble(v + "rate.mean"), 1e-4, key);
            assertEquals(conversions, body.getLong(v + "conversionRate.successes"), key);
            assertEquals(mine.size(), body.getLong(v + "conversionRate.trials"), key);
            assertEquals(body.getMap(v + "rate"), body.getMap(v + "partnersReferringRate"), key);
        }
    }

    /**
     * Two variants: a (a thank-you note, 12 asked) and b (a session credit of 80 USD on conversion, 10 asked of 12
     * assigned: two never got the ask). Referrals by link and by other channel, conversions, the incentive's rewards,
     * a reward of another type for a campaign referral and a credit for a referral outside the campaign (neither is
     * the campaign's cost), and the campaign's end.
     */
    private List<CloudEvent> scenario() {
        List<CampaignVariant> variants = List.of(
                new CampaignVariant("a", "Thank-you note", 50, "Thanks", "Know anyone? {campaignLink}", null),
                new CampaignVariant(
                        "b",
                        "Session credit",
                        50,
                        "A gift",
                        "Refer: {campaignLink}",
                        new CampaignIncentive(
                                RewardType.SESSION_CREDIT,
                                CREDIT,
                                "a free coaching session",
                                IncentiveEarnedOn.CONVERSION)));
        List<CloudEvent> history = new ArrayList<>();
        history.add(events.campaignStarted(
                campaignId,
                "Spring ask",
                CampaignGoal.PARTNERS_REFERRING,
                START,
                START.plus(Duration.ofDays(30)),
                variants));
        for (String key : List.of("a", "b")) {
            List<UUID> partners = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                UUID partner = UUID.randomUUID();
                UUID askId = UUID.randomUUID();
                askIds.put(partner, askId);
                partners.add(partner);
                if (key.equals("b") && i >= 10) {
                    continue; // unsubscribed: assigned, never asked
                }
                history.add(events.askSent(askId, campaignId, partner, key, START.plusSeconds(60L * i)));
            }
            asked.put(key, partners.subList(0, key.equals("b") ? 10 : 12));
        }
        List<UUID> a = asked.get("a");
        List<UUID> b = asked.get("b");
        refs.add(new Ref(UUID.randomUUID(), a.get(0), "a", CampaignAttribution.CAMPAIGN_LINK, "1000.00", false));
        refs.add(new Ref(UUID.randomUUID(), a.get(0), "a", CampaignAttribution.OTHER_CHANNEL, null, false));
        refs.add(new Ref(UUID.randomUUID(), a.get(1), "a", CampaignAttribution.CAMPAIGN_LINK, null, false));
        refs.add(new Ref(UUID.randomUUID(), a.get(2), "a", CampaignAttribution.OTHER_CHANNEL, "500.00", false));
        for (int i = 0; i < 5; i++) {
            refs.add(new Ref(
                    UUID.randomUUID(),
                    b.get(i),
                    "b",
                    i == 4 ? CampaignAttribution.OTHER_CHANNEL : CampaignAttribution.CAMPAIGN_LINK,
                    i < 3 ? "1500.00" : null,
                    i < 3));
        }
        refs.add(new Ref(UUID.randomUUID(), b.get(0), "b", CampaignAttribution.CAMPAIGN_LINK, "1500.00", true));
        Instant at = START.plus(Duration.ofDays(1));
        for (Ref ref : refs) {
            at = at.plus(Duration.ofHours(3));
            history.add(events.received(ref.id(), ref.partner(), ReferralChannel.INTAKE_LINK, at, null));
            history.add(events.attributedToCampaign(
                    ref.id(), ref.partner(), campaignId, ref.variant(), askIds.get(ref.partner()), ref.via(), at));
            if (ref.value() != null) {
                history.add(
                        events.converted(ref.id(), ref.partner(), ref.value(), "USD", at, at.plus(Duration.ofDays(2))));
            }
            if (ref.rewarded()) {
                history.add(events.rewardEarned(
                        UUID.randomUUID(),
                        ref.id(),
                        ref.partner(),
                        RewardType.SESSION_CREDIT,
                        CREDIT,
                        at.plus(Duration.ofDays(2))));
            }
        }
        // Not the campaign's cost: a fee on a campaign referral, and a credit for a referral outside the campaign.
        Ref first = refs.get(4);
        history.add(events.rewardEarned(
                UUID.randomUUID(),
                first.id(),
                first.partner(),
                RewardType.REFERRAL_FEE,
                new Money(new BigDecimal("150.00"), "USD"),
                at));
        UUID outside = UUID.randomUUID();
        history.add(events.received(outside, b.get(0), ReferralChannel.API, at, null));
        history.add(events.converted(outside, b.get(0), "900.00", "USD", at, at.plus(Duration.ofDays(1))));
        history.add(events.rewardEarned(UUID.randomUUID(), outside, b.get(0), RewardType.SESSION_CREDIT, CREDIT, at));
        history.add(events.campaignEnded(campaignId, START.plus(Duration.ofDays(30))));
        return history;
    }

    private RequestSpecification as(String role) {
        return Api.as(events.tenant, role);
    }
}
