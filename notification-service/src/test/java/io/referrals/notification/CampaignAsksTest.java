package io.referrals.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.Consent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.ReferralStatus;
import io.referrals.events.Topics;
import io.referrals.events.campaign.CampaignAskSent;
import io.referrals.events.campaign.CampaignEnded;
import io.referrals.events.campaign.CampaignLinkIssued;
import io.referrals.events.campaign.ReferralPleasedCheckInAnswered;
import io.referrals.notification.entity.Notification;
import io.referrals.notification.entity.NotificationKind;
import io.referrals.notification.entity.NotificationRepository;
import io.referrals.notification.entity.NotificationStatus;
import io.referrals.notification.service.CampaignConfig;
import io.referrals.notification.service.mail.Unsubscribes;
import io.referrals.testing.PlatformTestResource;
import io.referrals.testing.PortalTokens;
import io.referrals.testing.TestClock;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Campaign asks (issue 29): a CampaignLinkIssued becomes the partner's ask, rendered from the variant with the
 * campaign's placeholders, drafted or queued as the campaign says, paced per practice, never to a partner who
 * unsubscribed or turned the practice's news off, once per ask, none after the campaign ended; a sent ask is announced
 * as CampaignAskSent. And a pleased check-in's answer closes its task.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(GreenMailResource.class)
class CampaignAsksTest {
    private static final String SUBJECT = "{partnerFirstName}, who do you know?";
    private static final String BODY_A = """
            Dear {partnerFirstName},

            {practiceName} is asking its partners: who do you know who is struggling with work-life balance?
            Refer them here: {campaignLink}
            {#if incentive}As a thank-you: {incentive}.{/if}
            The offer runs until {campaignEnds}.
            """;

    private final Events events = new Events();
    private final UUID campaignId = UUID.randomUUID();

    @Inject
    NotificationRepository notifications;

    @Inject
    Unsubscribes unsubscribes;

    @Inject
    CampaignConfig campaigns;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String link() {
        return "https://referrals.example/refer/#cmp"
                + UUID.randomUUID().toString().replace("-", "");
    }

    /** What referral-service publishes for one partner's ask. */
    private CampaignLinkIssued issued(
            Events partner, UUID askId, String variant, boolean autoSend, Instant endsAt, String link, String body) {
        CampaignLinkIssued issued = new CampaignLinkIssued(
                askId,
                campaignId,
                "Spring ask",
                partner.partnerId,
                variant,
                SUBJECT,
                body,
                variant.equals("b") ? "a free coaching session" : null,
                autoSend,
                endsAt,
                link);
        partner.send(EventTypes.CAMPAIGN_LINK_ISSUED, campaignId, issued);
        return issued;
    }

    private CampaignLinkIssued issued(Events partner, boolean autoSend, String link) {
        return issued(partner, UUID.randomUUID(), "a", autoSend, Instant.now().plus(Duration.ofDays(30)), link, BODY_A);
    }

    /** Another partner of the same practice, known here from partner.events (with an address) before it is asked. */
    private Events partner(String name) {
        Events partner = new Events(events.tenant, UUID.randomUUID());
        PortalMessagesTest.partnerKnown(partner, name);
        return partner;
    }

    private List<Notification> asksOf(UUID partnerId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> notifications
                        .find(
                                "tenantId = ?1 and partnerId = ?2 and kind = ?3 order by createdAt, id",
                                events.tenant,
                                partnerId,
                                NotificationKind.CAMPAIGN_ASK)
                        .list());
    }

    private Notification awaitAsk(UUID partnerId, NotificationStatus status) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> asksOf(partnerId).stream().anyMatch(n -> n.status == status));
        return asksOf(partnerId).get(0);
    }

    private List<CampaignAskSent> askSent(int count) {
        return Events.kafka()
                .eventsFor(Topics.NOTIFICATION_EVENTS, campaignId.toString(), count, Duration.ofSeconds(30))
                .stream()
                .filter(e -> e.type().equals(EventTypes.CAMPAIGN_ASK_SENT.cloudEventType()))
                .map(e -> EventCodec.data(e, EventTypes.CAMPAIGN_ASK_SENT))
                .toList();
    }

    @Test
    void anAutoSentAskArrivesWithItsCampaignLinkAndIsAnnouncedAsSent() {
        events.settings();
        Events dana = partner("Dana Lee");
        String link = link();
        CampaignLinkIssued issued =
                issued(dana, UUID.randomUUID(), "b", true, Instant.parse("2027-04-01T12:00:00Z"), link, BODY_A);

        dana.awaitMail(dana.referrerEmail, 1);
        MimeMessage mail = Mailbox.to(dana.referrerEmail).get(0);
        assertEquals("Dana, who do you know?", Mailbox.subject(mail));
        String text = Mailbox.part(mail, "text/plain");
        assertTrue(text.contains("Dear Dana,"), text);
        assertTrue(text.contains("Blake Coaching is asking its partners"), text);
        assertTrue(text.contains("Refer them here: " + link), text);
        assertTrue(text.contains("As a thank-you: a free coaching session."), text);
        assertTrue(text.contains("The offer runs until April 1, 2027."), text);
        assertTrue(Mailbox.part(mail, "text/html").contains(link), "the link is in the HTML part too");
        assertNotNull(Mailbox.header(mail, "List-Unsubscribe"));

        // Listed like any message, with its campaign and variant; shown to the partner in the portal.
        String id = events.as("viewer")
                .get("/api/notifications?kind=campaign_ask&partnerId=" + dana.partnerId)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].status", equalTo("sent"))
                .body("items[0].campaignId", equalTo(campaignId.toString()))
                .body("items[0].variant", equalTo("b"))
                .extract()
                .path("items[0].id");
        given().auth()
                .oauth2(PortalTokens.session(events.tenant, dana.partnerId))
                .get("/api/portal/messages")
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo(id))
                .body("items[0].kind", equalTo("ask"))
                .body("items[0].subject", equalTo("Dana, who do you know?"));

        List<CampaignAskSent> sent = askSent(1);
        assertEquals(1, sent.size());
        CampaignAskSent ask = sent.get(0);
        assertEquals(issued.askId(), ask.askId());
        assertEquals(campaignId, ask.campaignId());
        assertEquals(dana.partnerId, ask.partnerId());
        assertEquals("b", ask.variant());
        assertEquals(UUID.fromString(id), ask.notificationId());
        // NotificationSent too, as for every message.
        CloudEvent notificationSent = Events.kafka()
                .eventsFor(Topics.NOTIFICATION_EVENTS, id, 1, Duration.ofSeconds(30))
                .get(0);
        assertEquals(
                "campaign_ask",
                EventCodec.data(notificationSent, EventTypes.NOTIFICATION_SENT).kind());
    }

    @Test
    void anAskTheCampaignDoesNotAutoSendIsADraftUntilApproved() {
        events.settings("partner_outreach");
        Events dana = partner("Dana Lee");
        String link = link();
        issued(dana, false, link);

        Notification draft = awaitAsk(dana.partnerId, NotificationStatus.DRAFTED);
        assertTrue(draft.body.contains(link), "the draft holds the link the partner will get");
        events.as("viewer")
                .get("/api/tasks?kind=review_draft&status=open&partnerId=" + dana.partnerId)
                .then()
                .body("total", equalTo(1))
                .body("items[0].notificationId", equalTo(draft.id.toString()));
        assertEquals(0, Mailbox.to(dana.referrerEmail).size(), "a draft is not sent");
        assertEquals(null, draft.sendAfter, "a draft has no place in the paced queue");

        events.as("member")
                .post("/api/notifications/" + draft.id + "/send")
                .then()
                .statusCode(200)
                .body("status", equalTo("queued"));
        dana.awaitMail(dana.referrerEmail, 1);
        assertTrue(Mailbox.part(Mailbox.to(dana.referrerEmail).get(0), "text/plain")
                .contains(link));
        assertNotNull(asksOf(dana.partnerId).get(0).sendAfter, "an approved ask is paced like an auto-sent one");
        assertEquals(draft.id, askSent(1).get(0).notificationId());
        events.as("viewer")
                .get("/api/tasks?kind=review_draft&partnerId=" + dana.partnerId)
                .then()
                .body("items[0].status", equalTo("closed"));
    }

    @Test
    void aPartnerWhoUnsubscribedOrTurnedNewsOffIsNotAsked() {
        events.settings();
        Events unsubscribed = partner("Uma Unsubscribed");
        Events newsOff = partner("Nico Newsoff");
        Events asked = partner("Dana Lee");
        given().contentType("application/x-www-form-urlencoded")
                .formParam("List-Unsubscribe", "One-Click")
                .post("/api/unsubscribe/" + unsubscribes.token(events.tenant, unsubscribed.partnerId))
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(PortalTokens.session(events.tenant, newsOff.partnerId))
                .contentType("application/json")
                .body("{\"thankYous\":true,\"referralUpdates\":true,\"checkIns\":true,\"news\":false}")
                .put("/api/portal/email-preferences")
                .then()
                .statusCode(200);

        issued(unsubscribed, true, link());
        issued(newsOff, true, link());
        // One key (the campaign), one partition, in order: the third ask sent proves the first two were consumed.
        issued(asked, true, link());
        asked.awaitMail(asked.referrerEmail, 1);

        Notification refusedUnsubscribed = awaitAsk(unsubscribed.partnerId, NotificationStatus.SUPPRESSED);
        assertEquals("The partner unsubscribed from email", refusedUnsubscribed.lastError);
        Notification refusedNews = awaitAsk(newsOff.partnerId, NotificationStatus.SUPPRESSED);
        assertEquals("The partner turned off news in their portal email preferences", refusedNews.lastError);
        assertEquals(0, Mailbox.to(unsubscribed.referrerEmail).size());
        assertEquals(0, Mailbox.to(newsOff.referrerEmail).size());
        for (Events refused : List.of(unsubscribed, newsOff)) {
            // The reason is on the message; a campaign asks many at once, so no "say it in person" task for each.
            events.as("viewer")
                    .get("/api/tasks?kind=personal_follow_up&partnerId=" + refused.partnerId)
                    .then()
                    .body("total", equalTo(0));
        }
        List<CampaignAskSent> sent = askSent(1);
        assertEquals(
                List.of(asked.partnerId),
                sent.stream().map(CampaignAskSent::partnerId).toList(),
                "only the partner asked is announced");
    }

    @Test
    void theQueuedAsksOfAPracticeAreSpacedAndItsOtherMessagesAreNotHeldBack() {
        Duration spacing = Duration.ofMillis(60_000L / campaigns.asksPerMinute());
        assertEquals(Duration.ofSeconds(2), spacing, "the test profile sets asks-per-minute to 30");
        events.settings("referral_thank_you");
        Events first = partner("Ana First");
        Events second = partner("Ben Second");
        Events third = partner("Cy Third");
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        clock.set(start);

        Instant endsAt = start.plus(Duration.ofDays(30));
        issued(first, UUID.randomUUID(), "a", true, endsAt, link(), BODY_A);
        issued(second, UUID.randomUUID(), "a", true, endsAt, link(), BODY_A);
        issued(third, UUID.randomUUID(), "a", true, endsAt, link(), BODY_A);
        awaitAsk(third.partnerId, NotificationStatus.QUEUED);
        assertEquals(start, awaitAsk(first.partnerId, NotificationStatus.SENT).sendAfter);
        assertEquals(start.plus(spacing), asksOf(second.partnerId).get(0).sendAfter);
        assertEquals(
                start.plus(spacing.multipliedBy(2)), asksOf(third.partnerId).get(0).sendAfter);

        // While the clock stands still the later asks wait; a thank-you of the same practice does not.
        events.received("Sam Rivera", Consent.NONE);
        events.awaitMail(events.referrerEmail, 1);
        assertEquals(NotificationStatus.QUEUED, asksOf(second.partnerId).get(0).status);
        assertEquals(NotificationStatus.QUEUED, asksOf(third.partnerId).get(0).status);
        assertEquals(0, Mailbox.to(third.referrerEmail).size());

        clock.advance(spacing);
        second.awaitMail(second.referrerEmail, 1);
        assertEquals(NotificationStatus.QUEUED, asksOf(third.partnerId).get(0).status);
        clock.advance(spacing);
        third.awaitMail(third.referrerEmail, 1);
        List<Notification> asks = List.of(
                asksOf(first.partnerId).get(0),
                asksOf(second.partnerId).get(0),
                asksOf(third.partnerId).get(0));
        for (Notification ask : asks) {
            assertFalse(ask.sentAt.isBefore(ask.sendAfter), "sent before its time: " + ask.id);
        }
        assertEquals(
                asks,
                asks.stream().sorted(Comparator.comparing(n -> n.sentAt)).toList(),
                "sent in the order they were queued");
    }

    @Test
    void aRedeliveredAskIsWrittenOnce() {
        events.settings();
        Events dana = partner("Dana Lee");
        Events marker = partner("Mark Marker");
        UUID askId = UUID.randomUUID();
        Instant endsAt = Instant.now().plus(Duration.ofDays(30));
        String link = link();
        // The same ask under two event ids (a producer retry), then another ask of the campaign behind them.
        issued(dana, askId, "a", true, endsAt, link, BODY_A);
        issued(dana, askId, "a", true, endsAt, link, BODY_A);
        issued(marker, false, link());
        awaitAsk(marker.partnerId, NotificationStatus.DRAFTED);

        dana.awaitMail(dana.referrerEmail, 1);
        assertEquals(1, asksOf(dana.partnerId).size());
    }

    @Test
    void noAskOnceTheCampaignHasEnded() {
        events.settings();
        Events late = partner("Lee Late");
        Events marker = partner("Mark Marker");
        issued(late, UUID.randomUUID(), "a", true, Instant.now().minusSeconds(1), link(), BODY_A);
        issued(marker, false, link());
        awaitAsk(marker.partnerId, NotificationStatus.DRAFTED);

        assertEquals(List.of(), asksOf(late.partnerId));
        assertEquals(0, Mailbox.to(late.referrerEmail).size());
    }

    @Test
    void theCampaignsEndWithdrawsItsUnsentAsks() {
        events.settings();
        Events drafted = partner("Dee Drafted");
        Events first = partner("Ana First");
        Events waiting = partner("Wes Waiting");
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        clock.set(start);
        Instant endsAt = start.plus(Duration.ofDays(30));
        issued(drafted, UUID.randomUUID(), "a", false, endsAt, link(), BODY_A);
        issued(first, UUID.randomUUID(), "a", true, endsAt, link(), BODY_A);
        issued(waiting, UUID.randomUUID(), "a", true, endsAt, link(), BODY_A);
        Notification draft = awaitAsk(drafted.partnerId, NotificationStatus.DRAFTED);
        awaitAsk(first.partnerId, NotificationStatus.SENT);
        awaitAsk(waiting.partnerId, NotificationStatus.QUEUED);

        // Ended early by the practice, as partner-service announces it (partner.events, key the campaign id).
        events.send(EventTypes.CAMPAIGN_ENDED, campaignId, new CampaignEnded(campaignId, start));
        Notification withdrawn = awaitAsk(waiting.partnerId, NotificationStatus.WITHDRAWN);
        assertEquals("The campaign ended before the ask was sent", withdrawn.lastError);
        assertEquals(NotificationStatus.WITHDRAWN, asksOf(drafted.partnerId).get(0).status);
        assertEquals(NotificationStatus.SENT, asksOf(first.partnerId).get(0).status, "what was sent stays sent");

        // A link of the ended campaign read after its end (it travels on another topic) writes no ask. The marker, of
        // another campaign but on the same key and so behind it, shows the late link was read.
        Events late = partner("Lou Late");
        issued(late, UUID.randomUUID(), "a", true, endsAt, link(), BODY_A);
        Events marker = partner("Mo Marker");
        marker.send(
                EventTypes.CAMPAIGN_LINK_ISSUED,
                campaignId,
                new CampaignLinkIssued(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "Another campaign",
                        marker.partnerId,
                        "a",
                        SUBJECT,
                        BODY_A,
                        null,
                        false,
                        endsAt,
                        link()));
        awaitAsk(marker.partnerId, NotificationStatus.DRAFTED);
        assertEquals(List.of(), asksOf(late.partnerId), "no ask from a link of an ended campaign");
        events.as("viewer")
                .get("/api/tasks?kind=review_draft&partnerId=" + drafted.partnerId)
                .then()
                .body("items[0].status", equalTo("closed"));
        events.as("member")
                .post("/api/notifications/" + draft.id + "/send")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        clock.advance(Duration.ofMinutes(5));
        // A message sent now proves the sender ran past the withdrawn ask's time.
        events.settings("referral_thank_you");
        events.received("Sam Rivera", Consent.NONE);
        events.awaitMail(events.referrerEmail, 1);
        assertEquals(0, Mailbox.to(waiting.referrerEmail).size());
        assertEquals(0, Mailbox.to(drafted.referrerEmail).size());
    }

    @Test
    void aDraftWhoseCampaignEndedIsNotSentAndAQueuedAskIsWithdrawnAtItsTurn() {
        events.settings();
        Events drafted = partner("Dee Drafted");
        Events first = partner("Ana First");
        Events waiting = partner("Wes Waiting");
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        clock.set(start);
        // The campaign ends between the first ask's turn and the second's (2 s later in the test profile).
        Instant endsAt = start.plusMillis(1500);
        issued(drafted, UUID.randomUUID(), "a", false, endsAt, link(), BODY_A);
        issued(first, UUID.randomUUID(), "a", true, endsAt, link(), BODY_A);
        issued(waiting, UUID.randomUUID(), "a", true, endsAt, link(), BODY_A);
        Notification draft = awaitAsk(drafted.partnerId, NotificationStatus.DRAFTED);
        awaitAsk(first.partnerId, NotificationStatus.SENT);
        awaitAsk(waiting.partnerId, NotificationStatus.QUEUED);

        clock.advance(Duration.ofSeconds(2));
        events.as("member")
                .post("/api/notifications/" + draft.id + "/send")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("campaign-ended"));
        Notification withdrawn = awaitAsk(waiting.partnerId, NotificationStatus.WITHDRAWN);
        assertEquals("The campaign ended before the ask was sent", withdrawn.lastError);
        assertEquals(0, Mailbox.to(waiting.referrerEmail).size());
        assertEquals(1, askSent(1).size(), "only the ask sent in time is announced");
    }

    @Test
    void anAskThatBreaksTheTemplateRulesIsNotMailedAndThePracticeIsTold() {
        events.settings();
        Events dana = partner("Dana Lee");
        issued(
                dana,
                UUID.randomUUID(),
                "a",
                true,
                Instant.now().plus(Duration.ofDays(30)),
                link(),
                "Hi {partnerFirstName}, {config:quarkus.datasource.password} {campaignLink}");

        Notification failed = awaitAsk(dana.partnerId, NotificationStatus.FAILED);
        assertTrue(failed.lastError.startsWith("The campaign's ask is not a valid template"), failed.lastError);
        events.as("viewer")
                .get("/api/tasks?kind=personal_follow_up&status=open&partnerId=" + dana.partnerId)
                .then()
                .body("total", equalTo(1))
                .body("items[0].notificationId", equalTo(failed.id.toString()));
        assertEquals(0, Mailbox.to(dana.referrerEmail).size());
    }

    @Test
    void aMalformedLinkIsDeadLetteredAndTheAsksBehindItAreWritten() {
        events.settings();
        Events marker = partner("Mark Marker");
        String key = campaignId.toString();
        Events.kafka().send(Topics.CAMPAIGN_LINKS, key, "{not a cloud event");
        issued(marker, false, link());
        awaitAsk(marker.partnerId, NotificationStatus.DRAFTED);

        var parked = Events.kafka()
                .readUntil(
                        Topics.deadLetter("notification-service"),
                        Duration.ofSeconds(30),
                        seen -> seen.stream().anyMatch(r -> key.equals(r.key())))
                .stream()
                .filter(r -> key.equals(r.key()))
                .toList();
        assertEquals(1, parked.size());
        assertEquals("{not a cloud event", parked.get(0).value());
    }

    @Test
    void thePleasedCheckInsAnswerClosesItsTask() {
        UUID referralId = events.received("Sam Rivera", Consent.OUTCOME);
        events.converted(referralId, ReferralStatus.RECEIVED, Consent.OUTCOME);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> events.as("viewer")
                        .get("/api/tasks?kind=pleased_check_in&status=open&partnerId=" + events.partnerId)
                        .then()
                        .body("total", equalTo(1))
                        .body("items[0].referralId", equalTo(referralId.toString())));

        events.send(
                EventTypes.REFERRAL_PLEASED_CHECK_IN_ANSWERED,
                referralId,
                new ReferralPleasedCheckInAnswered(referralId, events.partnerId, true, Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> events.as("viewer")
                        .get("/api/tasks?kind=pleased_check_in&partnerId=" + events.partnerId)
                        .then()
                        .body("total", equalTo(1))
                        .body("items[0].status", equalTo("closed")));
    }
}
