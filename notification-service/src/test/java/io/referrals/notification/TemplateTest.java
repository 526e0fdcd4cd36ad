package io.referrals.notification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.Consent;
import io.referrals.testing.PlatformTestResource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(GreenMailResource.class)
class TemplateTest {
    private final Events events = new Events();

    @Test
    void everyKindHasADefaultListingItsPlaceholders() {
        for (String kind : new String[] {
            "referral_thank_you",
            "contact_made_update",
            "outcome_update",
            "pleased_check_in",
            "partner_outreach",
            "partner_introduction"
        }) {
            events.as("viewer")
                    .get("/api/templates/" + kind)
                    .then()
                    .statusCode(200)
                    .body("kind", equalTo(kind))
                    .body("custom", equalTo(false))
                    .body("placeholders", hasItem("referredFirstName"));
            events.as("member")
                    .post("/api/templates/" + kind + "/preview")
                    .then()
                    .statusCode(200);
        }
        events.as("viewer")
                .get("/api/templates/daily_digest")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        events.as("viewer")
                .get("/api/templates/love_letter")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"));
    }

    @Test
    void aSyntaxErrorIsRefusedWithItsLineAndColumn() {
        events.as("owner")
                .body(
                        "{\"subject\":\"Thanks\",\"body\":\"Dear {referrerFirstName},\\n\\nThank you {#if referredFirstName}for"
                                + " {referredFirstName}.\\n\"}")
                .put("/api/templates/referral_thank_you")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", containsString("template-invalid"))
                .body("field", equalTo("body"))
                .body("line", equalTo(3))
                .body("column", org.hamcrest.Matchers.notNullValue());
        events.as("viewer").get("/api/templates/referral_thank_you").then().body("custom", equalTo(false));
    }

    @Test
    void anUnknownPlaceholderOrANamespaceIsRefused() {
        events.as("owner")
                .body(
                        "{\"subject\":\"Thanks\",\"body\":\"Dear {referrerFirstName},\\n\\nwe will call\\n{referredEmail} today\"}")
                .put("/api/templates/referral_thank_you")
                .then()
                .statusCode(400)
                .body("detail", containsString("{referredEmail}"))
                .body("line", equalTo(4))
                .body("column", equalTo(1))
                .body("errors[0].field", equalTo("body"));
        events.as("owner")
                .body("{\"subject\":\"{inject:mailer}\",\"body\":\"Hello\"}")
                .put("/api/templates/referral_thank_you")
                .then()
                .statusCode(400)
                .body("field", equalTo("subject"));
        events.as("owner")
                .body("{\"subject\":\"Hi\",\"body\":\"{referrerName.getClass}\"}")
                .put("/api/templates/referral_thank_you")
                .then()
                .statusCode(400);
        events.as("owner")
                .body("{\"subject\":\"\",\"body\":\"Hello\"}")
                .put("/api/templates/referral_thank_you")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("subject"));
        events.as("viewer")
                .body("{\"subject\":\"Hi\",\"body\":\"Hello\"}")
                .put("/api/templates/referral_thank_you")
                .then()
                .statusCode(403);
    }

    @Test
    void aPracticesTemplateWritesItsNextMessages() {
        events.as("owner")
                .body("{\"subject\":\"Thank you, {referrerFirstName}!\",\"body\":\"Dear {referrerFirstName},\\n\\n"
                        + "{#if referredFirstName}{referredFirstName} is in good hands.{#else}Your referral is in good"
                        + " hands.{/if}\\n\\n{signature}\"}")
                .put("/api/templates/referral_thank_you")
                .then()
                .statusCode(200)
                .body("custom", equalTo(true));
        events.settings();
        events.received("Robin Hart", Consent.CONTACT_MADE);
        events.received("Quinn Vale", Consent.NONE);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> events.as("viewer")
                        .get("/api/notifications?partnerId=" + events.partnerId)
                        .then()
                        .body("total", equalTo(2))
                        .body("items.subject", hasItem("Thank you, Dana!"))
                        .body("items.body", hasItem("Dear Dana,\n\nRobin is in good hands.\n\nJordan Blake"))
                        .body("items.body", hasItem("Dear Dana,\n\nYour referral is in good hands.\n\nJordan Blake")));
        // Another practice still writes with the default.
        new Events()
                .as("viewer")
                .get("/api/templates/referral_thank_you")
                .then()
                .body("custom", equalTo(false));
    }

    @Test
    void aPreviewEscapesValuesInTheHtmlPart() {
        events.as("member")
                .body("{\"values\":{\"referrerFirstName\":\"<b>Ana</b>\",\"referredFirstName\":\"Lee & co\"}}")
                .post("/api/templates/referral_thank_you/preview")
                .then()
                .statusCode(200)
                .body("subject", equalTo("Thank you for your referral"))
                .body("text", containsString("Dear <b>Ana</b>,"))
                .body("text", containsString("referring Lee & co to us"))
                .body("html", containsString("Dear &lt;b&gt;Ana&lt;/b&gt;,"))
                .body("html", containsString("referring Lee &amp; co to us"));
        events.as("member")
                .body("{\"subject\":\"Hi {otherPartnerName}\",\"body\":\"Meet {otherPartnerName}.\"}")
                .post("/api/templates/partner_introduction/preview")
                .then()
                .statusCode(200)
                .body("subject", equalTo("Hi Jordan Blake"));
        events.as("member")
                .body("{\"values\":{\"password\":\"x\"}}")
                .post("/api/templates/referral_thank_you/preview")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("values.password"));
    }
}
