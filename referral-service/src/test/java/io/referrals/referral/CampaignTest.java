package io.referrals.referral;

import static io.referrals.referral.Fixtures.as;
import static io.referrals.referral.Fixtures.kafka;
import static io.referrals.referral.Fixtures.knownPartner;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventType;
import io.referrals.events.EventTypes;
import io.referrals.events.Money;
import io.referrals.events.RewardType;
import io.referrals.events.Topics;
import io.referrals.events.campaign.CampaignAskAssigned;
import io.referrals.events.campaign.CampaignAskSent;
import io.referrals.events.campaign.CampaignAttribution;
import io.referrals.events.campaign.CampaignEnded;
import io.referrals.events.campaign.CampaignGoal;
import io.referrals.events.campaign.CampaignIncentive;
import io.referrals.events.campaign.CampaignLinkIssued;
import io.referrals.events.campaign.CampaignStarted;
import io.referrals.events.campaign.CampaignTrigger;
import io.referrals.events.campaign.CampaignVariant;
import io.referrals.events.campaign.IncentiveEarnedOn;
import io.referrals.events.campaign.ReferralAttributedToCampaign;
import io.referrals.events.campaign.ReferralPleasedCheckInAnswered;
import io.referrals.events.referral.RewardEarned;
import io.referrals.testing.PortalTokens;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Campaigns on referral-service's side (issue 29): each ask's campaign link (an intake link of the partner's, announced
 * on referral.campaign-links), attribution through it or, for a partner who was asked, by any other channel inside the
 * window; the variant's incentive as the partner's reward; the pleased check-in.
 */
@QuarkusTest
@WithTestResource(io.referrals.testing.PlatformTestResource.class)
class CampaignTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String tenant = "practice-" + UUID.randomUUID();
    private UUID partner;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void partnerKnownFromEvents() {
        partner = knownPartner(tenant, "Jordan Blake");
    }

    // --- the events partner-service and notification-service would send

    private static <T> void send(EventType<T> type, String tenantId, UUID key, T data) {
        String source = Topics.source(type.topic()).orElseThrow();
        kafka().send(type.topic(), EventCodec.wrap(type, source, tenantId, key.toString(), data));
    }

    private static CampaignVariant variant(String key, CampaignIncentive incentive) {
        return new CampaignVariant(
                key,
                "Variant " + key,
                50,
                "A favour, {partnerFirstName}? (" + key + ")",
                "Who do you know who is struggling with work-life balance? {campaignLink}",
                incentive);
    }

    private UUID started(Instant startsAt, Instant endsAt, CampaignVariant... variants) {
        UUID campaign = UUID.randomUUID();
        send(
                EventTypes.CAMPAIGN_STARTED,
                tenant,
                campaign,
                new CampaignStarted(
                        campaign,
                        "Spring ask",
                        startsAt,
                        endsAt,
                        CampaignTrigger.START,
                        CampaignGoal.PARTNERS_REFERRING,
                        true,
                        List.of(variants),
                        startsAt));
        return campaign;
    }

    private UUID running(CampaignVariant... variants) {
        Instant now = Instant.now();
        return started(now.minus(1, ChronoUnit.HOURS), now.plus(30, ChronoUnit.DAYS), variants);
    }

    private UUID assign(UUID campaign, UUID partnerId, String variant) {
        UUID ask = UUID.randomUUID();
        send(
                EventTypes.CAMPAIGN_ASK_ASSIGNED,
                tenant,
                campaign,
                new CampaignAskAssigned(ask, campaign, partnerId, variant, Instant.now(), null));
        return ask;
    }

    private void sent(UUID campaign, UUID ask, UUID partnerId, String variant) {
        send(
                EventTypes.CAMPAIGN_ASK_SENT,
                tenant,
                campaign,
                new CampaignAskSent(ask, campaign, partnerId, variant, UUID.randomUUID(), Instant.now()));
        await().atMost(WAIT)
                .until(() -> count("select count(*) from campaign_ask_sent where ask_id = '" + ask + "'") == 1);
    }

    /** The campaign links issued for the campaign so far, once the one for {@code ask} is among them. */
    private List<CampaignLinkIssued> linksUntil(UUID campaign, UUID ask) {
        List<CampaignLinkIssued> links = kafka()
                .readUntil(
                        Topics.CAMPAIGN_LINKS,
                        WAIT,
                        seen -> seen.stream()
                                .filter(r -> r.key().equals(campaign.toString()))
                                .map(r ->
                                        EventCodec.data(EventCodec.decode(r.value()), EventTypes.CAMPAIGN_LINK_ISSUED))
                                .anyMatch(link -> link.askId().equals(ask)))
                .stream()
                .filter(r -> r.key().equals(campaign.toString()))
                .map(r -> EventCodec.data(EventCodec.decode(r.value()), EventTypes.CAMPAIGN_LINK_ISSUED))
                .toList();
        assertTrue(links.stream().anyMatch(link -> link.askId().equals(ask)), "a link for ask " + ask);
        return links;
    }

    private CampaignLinkIssued linkFor(UUID campaign, UUID ask) {
        return linksUntil(campaign, ask).stream()
                .filter(link -> link.askId().equals(ask))
                .findFirst()
                .orElseThrow();
    }

    private static String tokenOf(CampaignLinkIssued link) {
        return link.campaignLink().substring(link.campaignLink().indexOf('#') + 1);
    }

    private static String throughLink(String token, String name) {
        return given().contentType("application/json")
                .body("{\"referred\":{\"name\":\"%s\",\"email\":\"%s@example.com\"},\"consent\":\"outcome\"}"
                        .formatted(name, name.toLowerCase().replace(' ', '.')))
                .post("/api/intake/" + token)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private String byApi(UUID partnerId, String name) {
        return as(tenant, "member")
                .body(Fixtures.referralBody(partnerId, name, name.toLowerCase().replace(' ', '.') + "@example.com"))
                .post("/api/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private JsonPath referral(String id) {
        return as(tenant, "viewer")
                .get("/api/referrals/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private void convert(String referral) {
        as(tenant, "member")
                .body("{\"status\":\"converted\",\"programValue\":\"900.00\",\"currency\":\"USD\"}")
                .post("/api/referrals/" + referral + "/status")
                .then()
                .statusCode(200);
    }

    // --- the tests

    @Test
    void anAssignedAskGetsAWorkingCampaignLinkAndItsReferralsAreAttributedRightAfterTheirReceipt() {
        CampaignIncentive gift = new CampaignIncentive(
                RewardType.THANK_YOU_GIFT,
                new Money(new BigDecimal("25.00"), "USD"),
                "a bookshop voucher",
                IncentiveEarnedOn.REFERRAL);
        UUID campaign = running(variant("a", null), variant("b", gift));
        UUID ask = assign(campaign, partner, "b");

        CampaignLinkIssued link = linkFor(campaign, ask);
        assertEquals(partner, link.partnerId());
        assertEquals("b", link.variant());
        assertEquals("Spring ask", link.campaignName());
        assertEquals("A favour, {partnerFirstName}? (b)", link.askSubject());
        assertEquals("a bookshop voucher", link.incentiveDescription());
        assertTrue(link.autoSend());
        assertTrue(link.campaignLink().startsWith("https://referrals.test/refer/#il_"), link.campaignLink());
        assertFalse(link.toString().contains(tokenOf(link)), "the record's text never holds the link");

        // Stored like a partner's own link: hashed, and the token kept only encrypted.
        String kept = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select partner_token from intake_link where campaign_ask_id = ?1")
                .setParameter(1, ask)
                .getSingleResult());
        assertTrue(kept.startsWith("gcm1:") && !kept.contains(tokenOf(link).substring(3)), "kept encrypted");
        // The ask's link is not the partner's own link in the portal.
        given().auth()
                .oauth2(PortalTokens.session(tenant, partner))
                .get("/api/portal/intake-link")
                .then()
                .statusCode(404);

        // The practice sees it among its intake links, as the campaign's; never its token.
        String listed = as(tenant, "viewer")
                .get("/api/intake-links")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonPath links = JsonPath.from(listed);
        assertEquals(campaign.toString(), links.getString("items.find { it.partnerId != null }.campaignId"));
        assertEquals("b", links.getString("items.find { it.partnerId != null }.campaignVariant"));
        assertFalse(listed.contains(tokenOf(link)), listed);

        String id = throughLink(tokenOf(link), "Sam Rivera");
        JsonPath view = referral(id);
        assertEquals(partner.toString(), view.getString("partnerId"));
        assertEquals(campaign.toString(), view.getString("campaign.campaignId"));
        assertEquals("b", view.getString("campaign.variant"));
        assertEquals("campaign_link", view.getString("campaign.via"));

        List<CloudEvent> events = kafka().eventsFor(Topics.REFERRAL_EVENTS, id, 3, WAIT);
        assertEquals(
                List.of(
                        EventTypes.REFERRAL_RECEIVED.cloudEventType(),
                        EventTypes.REFERRAL_ATTRIBUTED_TO_CAMPAIGN.cloudEventType(),
                        EventTypes.REWARD_EARNED.cloudEventType()),
                events.stream().map(CloudEvent::type).toList());
        ReferralAttributedToCampaign attributed =
                EventCodec.data(events.get(1), EventTypes.REFERRAL_ATTRIBUTED_TO_CAMPAIGN);
        assertEquals(ask, attributed.askId());
        assertEquals(CampaignAttribution.CAMPAIGN_LINK, attributed.via());
        RewardEarned reward = EventCodec.data(events.get(2), EventTypes.REWARD_EARNED);
        assertEquals(RewardType.THANK_YOU_GIFT, reward.type());
        assertEquals(partner, reward.partnerId());

        as(tenant, "viewer")
                .get("/api/rewards?referralId=" + id)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].type", equalTo("thank_you_gift"))
                .body("items[0].beneficiary", equalTo("partner"))
                .body("items[0].amount", equalTo("25.00"))
                .body("items[0].description", equalTo("a bookshop voucher"));
    }

    @Test
    void anAskedPartnersReferralByAnotherChannelInTheWindowCountsAndAPartnerNeverAskedDoesNot() {
        UUID notAsked = knownPartner(tenant, "Morgan Ellis");
        UUID campaign = running(variant("a", null), variant("b", null));
        UUID ask = assign(campaign, partner, "a");
        UUID unsent = assign(campaign, notAsked, "b");
        linksUntil(campaign, unsent);
        linksUntil(campaign, ask);
        sent(campaign, ask, partner, "a");

        String asked = byApi(partner, "Avery Quinn");
        JsonPath view = referral(asked);
        assertEquals(campaign.toString(), view.getString("campaign.campaignId"));
        assertEquals("a", view.getString("campaign.variant"));
        assertEquals("other_channel", view.getString("campaign.via"));
        List<CloudEvent> events = kafka().eventsFor(Topics.REFERRAL_EVENTS, asked, 2, WAIT);
        assertEquals(
                EventTypes.REFERRAL_RECEIVED.cloudEventType(), events.get(0).type());
        assertEquals(
                CampaignAttribution.OTHER_CHANNEL,
                EventCodec.data(events.get(1), EventTypes.REFERRAL_ATTRIBUTED_TO_CAMPAIGN)
                        .via());

        // The portal is another channel too.
        String portal = given().auth()
                .oauth2(PortalTokens.session(tenant, partner))
                .contentType("application/json")
                .body("{\"firstName\":\"Drew\",\"email\":\"drew.park@example.com\",\"consent\":\"outcome\"}")
                .post("/api/portal/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertEquals("other_channel", referral(portal).getString("campaign.via"));

        // Assigned, even given a link, but the ask never went out: not asked, not attributed.
        as(tenant, "viewer")
                .get("/api/referrals/" + byApi(notAsked, "Casey Morgan"))
                .then()
                .statusCode(200)
                .body("campaign", nullValue());
    }

    @Test
    void aConfirmedUnverifiedAttributionOfAnAskedPartnerCountsAsOtherChannel() {
        UUID campaign = running(variant("a", null));
        UUID ask = assign(campaign, partner, "a");
        linksUntil(campaign, ask);
        sent(campaign, ask, partner, "a");
        String token = as(tenant, "owner")
                .body("{\"name\":\"Website form\"}")
                .post("/api/intake-links")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        String id = given().contentType("application/json")
                .body("""
                        {"referrer":{"name":"Jordan Blake","email":"jordan.blake@example.com"},
                         "referred":{"name":"Riley Moss","email":"riley.moss@example.com"},"consent":"outcome"}""")
                .post("/api/intake/" + token)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        JsonPath claimed = referral(id);
        assertEquals("unverified", claimed.getString("attribution"));
        assertNull(claimed.get("campaign"), "a claim credits nobody until confirmed");

        as(tenant, "member")
                .body("{\"decision\":\"confirmed\"}")
                .put("/api/referrals/" + id + "/attribution")
                .then()
                .statusCode(200)
                .body("campaign.via", equalTo("other_channel"))
                .body("campaign.campaignId", equalTo(campaign.toString()));
        List<CloudEvent> events = kafka().eventsFor(Topics.REFERRAL_EVENTS, id, 3, WAIT);
        assertEquals(
                List.of(
                        EventTypes.REFERRAL_RECEIVED.cloudEventType(),
                        EventTypes.REFERRAL_ATTRIBUTED.cloudEventType(),
                        EventTypes.REFERRAL_ATTRIBUTED_TO_CAMPAIGN.cloudEventType()),
                events.stream().map(CloudEvent::type).toList());
    }

    @Test
    void afterItsEndTheLinkStillWorksButNothingIsAttributed() {
        UUID campaign = running(variant("a", null));
        UUID ask = assign(campaign, partner, "a");
        CampaignLinkIssued link = linkFor(campaign, ask);
        sent(campaign, ask, partner, "a");
        send(EventTypes.CAMPAIGN_ENDED, tenant, campaign, new CampaignEnded(campaign, Instant.now()));
        await().atMost(WAIT)
                .until(() ->
                        count("select count(*) from campaign where ended_at is not null and id = '" + campaign + "'")
                                == 1);

        String through = throughLink(tokenOf(link), "Sam Rivera");
        assertNull(referral(through).get("campaign"));
        assertEquals(partner.toString(), referral(through).getString("partnerId"));
        assertNull(referral(byApi(partner, "Avery Quinn")).get("campaign"));
        // Nothing about the campaign follows the receipt (the next event on the key is the status change).
        convert(through);
        List<CloudEvent> events = kafka().eventsFor(Topics.REFERRAL_EVENTS, through, 3, WAIT);
        assertFalse(events.stream()
                .anyMatch(e -> e.type().equals(EventTypes.REFERRAL_ATTRIBUTED_TO_CAMPAIGN.cloudEventType())));
    }

    @Test
    void aReferralBeforeTheWindowIsNotAttributed() {
        Instant now = Instant.now();
        UUID campaign = started(now.plus(1, ChronoUnit.DAYS), now.plus(30, ChronoUnit.DAYS), variant("a", null));
        UUID ask = assign(campaign, partner, "a");
        CampaignLinkIssued link = linkFor(campaign, ask);
        assertNull(referral(throughLink(tokenOf(link), "Sam Rivera")).get("campaign"));
    }

    @Test
    void anIncentiveEarnedOnConversionIsThePartnersRewardWhenTheReferralConverts() {
        CampaignIncentive bump = new CampaignIncentive(
                RewardType.FEE_BUMP,
                new Money(new BigDecimal("50.00"), "USD"),
                "50 USD on top of your fee",
                IncentiveEarnedOn.CONVERSION);
        UUID campaign = running(variant("a", bump));
        UUID ask = assign(campaign, partner, "a");
        String id = throughLink(tokenOf(linkFor(campaign, ask)), "Sam Rivera");
        assertEquals("campaign_link", referral(id).getString("campaign.via"));
        as(tenant, "viewer")
                .get("/api/rewards?referralId=" + id)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));

        convert(id);
        await().atMost(WAIT)
                .until(() -> as(tenant, "viewer")
                                .get("/api/rewards?referralId=" + id)
                                .jsonPath()
                                .getList("items")
                                .size()
                        == 1);
        as(tenant, "viewer")
                .get("/api/rewards?referralId=" + id)
                .then()
                .body("items[0].type", equalTo("fee_bump"))
                .body("items[0].beneficiary", equalTo("partner"))
                .body("items[0].amount", equalTo("50.00"))
                .body("items[0].currency", equalTo("USD"))
                .body("items[0].status", equalTo("owed"));
        // Owed to the partner: on the portal's balance like a fee.
        String owed = given().auth()
                .oauth2(PortalTokens.session(tenant, partner))
                .get("/api/portal/balance")
                .then()
                .statusCode(200)
                .extract()
                .path("owed.find { it.currency == 'USD' }.amount");
        assertEquals(0, new BigDecimal("50.00").compareTo(new BigDecimal(owed)), owed);
    }

    @Test
    void thePleasedCheckInIsForAConvertedReferralOfAPartnerAndIsAnnounced() {
        String id = byApi(partner, "Avery Quinn");
        as(tenant, "member")
                .body("{\"pleased\":true}")
                .post("/api/referrals/" + id + "/pleased-check-in")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("currentStatus", equalTo("received"));
        assertNull(referral(id).get("pleased"), "a refused answer changes nothing");
        as(tenant, "member")
                .body("{}")
                .post("/api/referrals/" + id + "/pleased-check-in")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        convert(id);
        as(tenant, "viewer")
                .body("{\"pleased\":true}")
                .post("/api/referrals/" + id + "/pleased-check-in")
                .then()
                .statusCode(403);
        as("practice-" + UUID.randomUUID(), "member")
                .body("{\"pleased\":true}")
                .post("/api/referrals/" + id + "/pleased-check-in")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");

        as(tenant, "member")
                .body("{\"pleased\":true}")
                .post("/api/referrals/" + id + "/pleased-check-in")
                .then()
                .statusCode(200)
                .body("pleased", equalTo(true));
        // received, status changed, converted, then the answer
        List<CloudEvent> events = kafka().eventsFor(Topics.REFERRAL_EVENTS, id, 4, WAIT);
        CloudEvent last = events.get(3);
        assertEquals(EventTypes.REFERRAL_PLEASED_CHECK_IN_ANSWERED.cloudEventType(), last.type());
        ReferralPleasedCheckInAnswered answered = EventCodec.data(last, EventTypes.REFERRAL_PLEASED_CHECK_IN_ANSWERED);
        assertEquals(partner, answered.partnerId());
        assertTrue(answered.pleased());
    }

    @Test
    void anotherPracticesCampaignIsNeitherSeenNorUsed() {
        UUID campaign = running(variant("a", null));
        UUID ask = assign(campaign, partner, "a");
        String id = throughLink(tokenOf(linkFor(campaign, ask)), "Sam Rivera");
        as("practice-" + UUID.randomUUID(), "viewer")
                .get("/api/referrals/" + id)
                .then()
                .statusCode(404);
        // Another practice's partner with the same id, asked by "this" campaign from there: never attributed here.
        String other = "practice-" + UUID.randomUUID();
        send(
                EventTypes.CAMPAIGN_ASK_SENT,
                other,
                campaign,
                new CampaignAskSent(UUID.randomUUID(), campaign, partner, "a", UUID.randomUUID(), Instant.now()));
        await().atMost(WAIT)
                .until(() -> count("select count(*) from campaign_ask_sent where tenant_id = '" + other + "'") == 1);
        assertNull(referral(byApi(partner, "Avery Quinn")).get("campaign"));
    }

    @Test
    void theOpenApiDocumentHasThePleasedCheckInAndTheReferralsCampaign() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/api/referrals/{id}/pleased-check-in'.post.operationId",
                        equalTo("answerReferralPleasedCheckIn"))
                .body(
                        "paths.'/api/referrals/{id}/pleased-check-in'.post.responses.'409'.content"
                                + ".'application/problem+json'",
                        org.hamcrest.Matchers.notNullValue())
                .body(
                        "paths.'/api/referrals/{id}/pleased-check-in'.post.responses.'404'.content"
                                + ".'application/problem+json'",
                        org.hamcrest.Matchers.notNullValue())
                .body("components.schemas.PleasedCheckIn.properties.pleased.type", equalTo("boolean"))
                .body("components.schemas.Referral.properties.campaign", org.hamcrest.Matchers.notNullValue())
                .body(
                        "components.schemas.CampaignAttribution.enum",
                        org.hamcrest.Matchers.hasItems("campaign_link", "other_channel"));
    }

    @Test
    void repeatedEventsAreAppliedOnce() {
        UUID campaign = running(variant("a", null));
        UUID ask = UUID.randomUUID();
        CampaignAskAssigned assigned = new CampaignAskAssigned(ask, campaign, partner, "a", Instant.now(), null);
        CloudEvent event = EventCodec.wrap(
                EventTypes.CAMPAIGN_ASK_ASSIGNED, "/partner-service", tenant, campaign.toString(), assigned);
        kafka().send(Topics.PARTNER_EVENTS, event); // the same event twice
        kafka().send(Topics.PARTNER_EVENTS, event);
        send(EventTypes.CAMPAIGN_ASK_ASSIGNED, tenant, campaign, assigned); // the same ask in another event
        UUID after = assign(campaign, partner, "a"); // the same key: read after the repeats
        List<CampaignLinkIssued> links = linksUntil(campaign, after);
        assertEquals(1, links.stream().filter(l -> l.askId().equals(ask)).count(), "one link per ask");
        assertEquals(1, count("select count(*) from intake_link where campaign_ask_id = '" + ask + "'"));

        CampaignAskSent sentAsk = new CampaignAskSent(ask, campaign, partner, "a", UUID.randomUUID(), Instant.now());
        send(EventTypes.CAMPAIGN_ASK_SENT, tenant, campaign, sentAsk);
        send(EventTypes.CAMPAIGN_ASK_SENT, tenant, campaign, sentAsk);
        sent(campaign, after, partner, "a"); // on the same key, after both
        assertEquals(1, count("select count(*) from campaign_ask_sent where ask_id = '" + ask + "'"));

        // One attribution per referral, even with two asks sent.
        String id = byApi(partner, "Avery Quinn");
        List<CloudEvent> events = kafka().eventsFor(Topics.REFERRAL_EVENTS, id, 2, WAIT);
        convert(id);
        events = kafka().eventsFor(Topics.REFERRAL_EVENTS, id, 4, WAIT);
        assertEquals(
                1,
                events.stream()
                        .filter(e -> e.type().equals(EventTypes.REFERRAL_ATTRIBUTED_TO_CAMPAIGN.cloudEventType()))
                        .count());
    }
}
