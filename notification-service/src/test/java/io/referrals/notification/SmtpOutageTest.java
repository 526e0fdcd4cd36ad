package io.referrals.notification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.Consent;
import io.referrals.testing.PlatformTestResource;
import io.referrals.testing.TestClock;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SMTP server goes away: messages wait, are retried after growing pauses, and arrive exactly once. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(GreenMailResource.class)
class SmtpOutageTest {
    private final Events events = new Events();

    @Inject
    TestClock clock;

    @AfterEach
    void restore() {
        clock.reset();
    }

    @Test
    void messagesQueueWhileTheServerIsDownAndEachIsDeliveredOnceWhenItIsBack() {
        events.settings("referral_thank_you");
        GreenMailResource.stopServer();
        try {
            events.received("Ann One", Consent.OUTCOME);
            events.received("Ben Two", Consent.CONTACT_MADE);
            events.received("Cy Three", Consent.NONE);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> events.as("viewer")
                            .get("/api/notifications?partnerId=" + events.partnerId)
                            .then()
                            .body("total", equalTo(3))
                            .body("items.status", everyItem(equalTo("queued")))
                            .body("items.attempts", everyItem(greaterThanOrEqualTo(1)))
                            .body("items.lastError", everyItem(notNullValue()))
                            .body("items.nextAttemptAt", everyItem(notNullValue())));
        } finally {
            GreenMailResource.startServer();
        }
        // The first pause is a minute: nothing is retried before it is over.
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> Mailbox.to(events.referrerEmail).isEmpty());
        clock.advance(Duration.ofMinutes(2));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> Mailbox.to(events.referrerEmail).size() >= 3);
        // The sender keeps running; nothing arrives twice.
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> Mailbox.to(events.referrerEmail).size() == 3);
        List<MimeMessage> mail = Mailbox.to(events.referrerEmail);
        var ids = new HashSet<>(
                mail.stream().map(m -> Mailbox.header(m, "Message-ID")).toList());
        assertEquals(3, ids.size());
        List<String> stored = events.as("viewer")
                .get("/api/notifications?partnerId=" + events.partnerId)
                .then()
                .body("items.status", everyItem(equalTo("sent")))
                .extract()
                .jsonPath()
                .getList("items.messageId", String.class);
        assertEquals(ids, new HashSet<>(stored));
    }

    @Test
    void aMessageNotAcceptedWithin24HoursFailsWithItsReasonAndATaskIsRaised() {
        events.settings("referral_thank_you");
        GreenMailResource.stopServer();
        try {
            events.received("Dee Four", Consent.OUTCOME);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> events.as("viewer")
                            .get("/api/notifications?partnerId=" + events.partnerId)
                            .then()
                            .body("items[0].attempts", greaterThanOrEqualTo(1)));
            clock.advance(Duration.ofHours(25));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> events.as("viewer")
                            .get("/api/notifications?partnerId=" + events.partnerId)
                            .then()
                            .body("items[0].status", equalTo("failed"))
                            .body("items[0].lastError", notNullValue()));
        } finally {
            GreenMailResource.startServer();
        }
        events.as("viewer")
                .get("/api/tasks?kind=personal_follow_up&partnerId=" + events.partnerId)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].status", equalTo("open"));
    }
}
