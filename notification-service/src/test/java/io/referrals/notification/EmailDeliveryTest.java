package io.referrals.notification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.Consent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.ReferralStatus;
import io.referrals.events.Topics;
import io.referrals.testing.PlatformTestResource;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Messages travel through a real SMTP server; what each consent level lets the referrer learn. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(GreenMailResource.class)
class EmailDeliveryTest {
    private final Events events = new Events();

    private List<MimeMessage> awaitMail(int count) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Mailbox.to(events.referrerEmail).size() >= count);
        return Mailbox.to(events.referrerEmail);
    }

    private static MimeMessage withSubject(List<MimeMessage> messages, String subject) {
        return messages.stream()
                .filter(m -> Mailbox.subject(m).equals(subject))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No message '" + subject + "' in "
                        + messages.stream().map(Mailbox::subject).toList()));
    }

    @Test
    void aThankYouArrivesAsTextAndHtmlWithReplyToAndOneClickUnsubscribe() throws Exception {
        events.settings("referral_thank_you", "contact_made_update", "outcome_update");
        UUID referralId = events.received("O'Brien&Sons Rivera", Consent.OUTCOME);

        MimeMessage mail = awaitMail(1).get(0);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/sample-thank-you.eml"), Mailbox.raw(mail));

        assertEquals(List.of(events.referrerEmail), Mailbox.recipients(mail));
        assertEquals("Thank you for your referral", Mailbox.subject(mail));
        assertTrue(Mailbox.header(mail, "From").contains("Blake Coaching"), Mailbox.header(mail, "From"));
        assertTrue(Mailbox.header(mail, "From").contains("notifications@referrals.local"));
        assertEquals("jordan@blakecoaching.example", Mailbox.header(mail, "Reply-To"));
        assertTrue(Mailbox.contentType(mail).startsWith("multipart/alternative"), Mailbox.contentType(mail));

        String listUnsubscribe = Mailbox.header(mail, "List-Unsubscribe");
        assertTrue(
                listUnsubscribe.matches("<http://[^>]+/api/unsubscribe/[A-Za-z0-9_.-]+>, <mailto:unsubscribe@"
                        + "referrals.local\\?subject=unsubscribe%20[A-Za-z0-9_.-]+>"),
                listUnsubscribe);
        assertEquals("List-Unsubscribe=One-Click", Mailbox.header(mail, "List-Unsubscribe-Post"));

        String text = Mailbox.part(mail, "text/plain");
        String html = Mailbox.part(mail, "text/html");
        assertTrue(text.contains("Dear Dana,"), text);
        assertTrue(text.contains("referring O'Brien&Sons to us"), text);
        assertTrue(text.contains("Jordan Blake"), text);
        assertFalse(text.contains("Rivera"), "only the first name: " + text);
        assertTrue(html.contains("referring O&#39;Brien&amp;Sons to us"), html);
        assertTrue(html.contains("<p>Dear Dana,</p>"), html);

        // The stored message carries the Message-ID the server received, and its sending is announced once.
        var view = events.as("viewer")
                .get("/api/notifications?partnerId=" + events.partnerId)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].status", equalTo("sent"))
                .extract()
                .jsonPath();
        assertEquals(view.getString("items[0].messageId"), Mailbox.header(mail, "Message-ID"));
        String notificationId = view.getString("items[0].id");
        List<CloudEvent> sent =
                Events.kafka().eventsFor(Topics.NOTIFICATION_EVENTS, notificationId, 1, Duration.ofSeconds(30));
        var data = EventCodec.data(sent.get(0), EventTypes.NOTIFICATION_SENT);
        assertEquals("referral_thank_you", data.kind());
        assertEquals(events.partnerId, data.partnerId());
        assertEquals(referralId, data.referralId());
        assertNotNull(data.sentAt());
    }

    @Test
    void consentOutcomeTellsTheReferrerOfContactAndOutcome() {
        events.settings("referral_thank_you", "contact_made_update", "outcome_update");
        UUID referralId = events.received("Sam Rivera", Consent.OUTCOME);
        events.status(referralId, ReferralStatus.RECEIVED, ReferralStatus.CONTACTED, Consent.OUTCOME);
        events.converted(referralId, ReferralStatus.CONTACTED, Consent.OUTCOME);

        List<MimeMessage> mail = awaitMail(3);
        assertTrue(Mailbox.part(withSubject(mail, "Thank you for your referral"), "text/plain")
                .contains("referring Sam to us"));
        assertTrue(Mailbox.part(withSubject(mail, "An update on your referral"), "text/plain")
                .contains("we have been in touch with Sam"));
        String outcome = Mailbox.part(withSubject(mail, "How your referral turned out"), "text/plain");
        assertTrue(outcome.contains("Sam has decided to work with us in our coaching program"), outcome);
    }

    @Test
    void consentContactMadeTellsOfContactButNeverTheOutcome() {
        events.settings("referral_thank_you", "contact_made_update", "outcome_update");
        UUID referralId = events.received("Sam Rivera", Consent.CONTACT_MADE);
        events.status(referralId, ReferralStatus.RECEIVED, ReferralStatus.CONTACTED, Consent.CONTACT_MADE);
        events.converted(referralId, ReferralStatus.CONTACTED, Consent.CONTACT_MADE);
        UUID marker = events.received("Marker Person", Consent.NONE);

        // The marker's thank-you comes after everything about the first referral was applied (same partition).
        awaitMail(3);
        events.as("viewer")
                .get("/api/notifications?partnerId=" + events.partnerId + "&kind=referral_thank_you")
                .then()
                .body("total", equalTo(2));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> events.as("viewer")
                        .get("/api/notifications?partnerId=" + events.partnerId)
                        .then()
                        .body("items.find { it.referralId == '" + marker + "' }.status", equalTo("sent")));
        List<String> subjects =
                Mailbox.to(events.referrerEmail).stream().map(Mailbox::subject).toList();
        assertEquals(3, subjects.size(), subjects.toString());
        assertEquals(
                1,
                subjects.stream().filter("An update on your referral"::equals).count(),
                subjects.toString());
        assertFalse(subjects.contains("How your referral turned out"), subjects.toString());
    }

    @Test
    void consentNoneThanksWithoutNamingThePersonAndTellsNothingMore() {
        events.settings("referral_thank_you", "contact_made_update", "outcome_update");
        UUID referralId = events.received("Alex Kim", Consent.NONE);
        events.status(referralId, ReferralStatus.RECEIVED, ReferralStatus.CONTACTED, Consent.NONE);
        events.closed(referralId, ReferralStatus.CONTACTED, ReferralStatus.DECLINED, Consent.NONE);
        UUID marker = events.received("Marker Person", Consent.NONE);

        awaitMail(2);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> events.as("viewer")
                        .get("/api/notifications?partnerId=" + events.partnerId)
                        .then()
                        .body("items.find { it.referralId == '" + marker + "' }.status", equalTo("sent")));
        List<MimeMessage> mail = Mailbox.to(events.referrerEmail);
        assertEquals(2, mail.size(), "two thank-yous and nothing else");
        for (MimeMessage message : mail) {
            assertEquals("Thank you for your referral", Mailbox.subject(message));
            String raw = Mailbox.raw(message);
            assertFalse(raw.contains("Alex") || raw.contains("Marker"), raw);
            assertTrue(Mailbox.part(message, "text/plain").contains("Thank you for your recent referral."));
        }
        events.as("viewer")
                .get("/api/notifications?partnerId=" + events.partnerId)
                .then()
                .body("total", equalTo(2));
    }
}
