package io.referrals.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.Consent;
import io.referrals.testing.PlatformTestResource;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** RFC 8058 one-click unsubscribe: the signed link stops all further email from the practice to that partner. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(GreenMailResource.class)
class UnsubscribeTest {
    private static final Pattern LINK = Pattern.compile("<https?://[^/]+(/api/unsubscribe/([^>]+))>");
    private final Events events = new Events();

    @Test
    void aPartnerWhoUnsubscribesGetsNoFurtherEmailAndTheMessageBecomesATask() {
        events.settings("referral_thank_you");
        events.received("Ann One", Consent.OUTCOME);
        events.awaitMail(events.referrerEmail, 1);
        Matcher link =
                LINK.matcher(Mailbox.header(Mailbox.to(events.referrerEmail).get(0), "List-Unsubscribe"));
        org.junit.jupiter.api.Assertions.assertTrue(link.find());
        String path = link.group(1);

        given().get(path)
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("Blake Coaching"))
                .body(containsString("<form method=\"post\">"));
        // A mail client's one-click request: no token of ours, just the signed link.
        given().contentType("application/x-www-form-urlencoded")
                .formParam("List-Unsubscribe", "One-Click")
                .post(path)
                .then()
                .statusCode(200)
                .body(containsString("no more email from Blake Coaching"));
        given().contentType("application/x-www-form-urlencoded")
                .formParam("List-Unsubscribe", "One-Click")
                .post(path)
                .then()
                .statusCode(200);

        UUID later = events.received("Ben Two", Consent.OUTCOME);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> events.as("viewer")
                        .get("/api/notifications?partnerId=" + events.partnerId)
                        .then()
                        .body("items.find { it.referralId == '" + later + "' }.status", equalTo("suppressed")));
        events.as("viewer")
                .get("/api/tasks?kind=personal_follow_up&partnerId=" + events.partnerId)
                .then()
                .body("total", equalTo(1))
                .body("items[0].title", containsString("unsubscribed"));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> Mailbox.to(events.referrerEmail).size() == 1);
        assertEquals(1, Mailbox.to(events.referrerEmail).size());
    }

    @Test
    void aTamperedOrForeignTokenUnsubscribesNobody() {
        events.settings("referral_thank_you");
        events.received("Ann One", Consent.OUTCOME);
        events.awaitMail(events.referrerEmail, 1);
        Matcher link =
                LINK.matcher(Mailbox.header(Mailbox.to(events.referrerEmail).get(0), "List-Unsubscribe"));
        link.find();
        String token = link.group(2);
        String otherPartner = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((events.tenant + "\n" + UUID.randomUUID()).getBytes());
        String forged = otherPartner + token.substring(token.indexOf('.'));
        given().post("/api/unsubscribe/" + forged).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/unsubscribe/garbage").then().statusCode(404);

        events.received("Ben Two", Consent.OUTCOME);
        events.awaitMail(events.referrerEmail, 2);
    }
}
