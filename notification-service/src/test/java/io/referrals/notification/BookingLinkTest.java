package io.referrals.notification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.Consent;
import io.referrals.events.ReferralStatus;
import io.referrals.testing.PlatformTestResource;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 30: {@code {bookingLink}} (the practice's booking page with the referral's code, from
 * ReferralReceived.bookingLink) in the messages about one referral; the default thank-you offers it to pass on.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(GreenMailResource.class)
class BookingLinkTest {
    private static final String LINK = "https://cal.com/blake-coaching/consultation?metadata%5Bref%5D=K3M8P2Q7RW";

    private final Events events = new Events();

    private String body(UUID referralId, String kind) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> events.as("viewer")
                        .get("/api/notifications?size=100&partnerId=" + events.partnerId)
                        .then()
                        .statusCode(200)
                        .body(
                                "items.findAll { it.kind == '" + kind + "' }.referralId",
                                hasItem(referralId.toString())));
        return events.as("viewer")
                .get("/api/notifications?size=100&partnerId=" + events.partnerId)
                .then()
                .extract()
                .path("items.find { it.kind == '" + kind + "' && it.referralId == '" + referralId + "' }.body");
    }

    @Test
    void theThankYouOffersTheBookingLinkToPassOnAndSaysNothingOfItWithoutOne() throws Exception {
        events.settings("referral_thank_you");
        UUID withLink = events.receivedWithBookingLink("Sam Rivera", Consent.CONTACT_MADE, LINK);
        events.awaitMail(events.referrerEmail, 1);
        MimeMessage mail = Mailbox.to(events.referrerEmail).get(0);
        String text = Mailbox.part(mail, "text/plain");
        assertTrue(
                text.contains("you are welcome to pass on this link, where Sam can book a first consultation with us"
                        + " directly: " + LINK),
                text);
        String html = Mailbox.part(mail, "text/html");
        assertTrue(html.contains(LINK), html);
        assertTrue(
                text.contains("we do not take your trust for granted.\r\n\r\nShould it help")
                        || text.contains("we do not take your trust for granted.\n\nShould it help"),
                text);
        assertTrue(body(withLink, "referral_thank_you").contains(LINK));

        // Unnamed (consent none): "the person you referred" can book.
        UUID unnamed = events.receivedWithBookingLink(null, Consent.NONE, LINK);
        assertTrue(body(unnamed, "referral_thank_you").contains("where the person you referred can book"));

        UUID without = events.receivedWithBookingLink("Alex Kim", Consent.CONTACT_MADE, null);
        String plain = body(without, "referral_thank_you");
        assertFalse(plain.contains("book"), plain);
        assertFalse(plain.contains("\n\n\n"), plain);
        assertTrue(plain.contains("we do not take your trust for granted.\n\nWith gratitude,"), plain);
    }

    @Test
    void aStatusUpdateMayNameTheBookingLinkAndThePreviewShowsASample() {
        events.as("owner")
                .body("{\"subject\":\"News of your referral\",\"body\":\"Dear {referrerFirstName},\\n\\nWe spoke with"
                        + " {referredFirstName}.{#if bookingLink} Booking: {bookingLink}{#else} No link.{/if}\\n\"}")
                .put("/api/templates/contact_made_update")
                .then()
                .statusCode(200);
        UUID withLink = events.receivedWithBookingLink("Sam Rivera", Consent.CONTACT_MADE, LINK);
        UUID without = events.receivedWithBookingLink("Alex Kim", Consent.CONTACT_MADE, null);
        events.status(withLink, ReferralStatus.RECEIVED, ReferralStatus.CONTACTED, Consent.CONTACT_MADE);
        events.status(without, ReferralStatus.RECEIVED, ReferralStatus.CONTACTED, Consent.CONTACT_MADE);
        assertTrue(body(withLink, "contact_made_update").contains("We spoke with Sam. Booking: " + LINK));
        assertTrue(body(without, "contact_made_update").contains("We spoke with Alex. No link."));

        events.as("viewer")
                .get("/api/templates/referral_thank_you")
                .then()
                .statusCode(200)
                .body("placeholders", hasItem("bookingLink"))
                .body("body", containsString("{#if bookingLink}"));
        events.as("member")
                .post("/api/templates/referral_thank_you/preview")
                .then()
                .statusCode(200)
                .body(
                        "text",
                        containsString("where Sam can book a first consultation with us directly:"
                                + " https://cal.com/your-practice/consultation?metadata%5Bref%5D=R7K2M9Q4TX"));
        events.as("member")
                .body("{\"values\":{\"bookingLink\":\"\"}}")
                .post("/api/templates/referral_thank_you/preview")
                .then()
                .statusCode(200)
                .body("text", not(containsString("cal.com")));
    }
}
