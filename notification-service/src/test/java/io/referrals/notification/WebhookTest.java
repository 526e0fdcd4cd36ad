package io.referrals.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.Consent;
import io.referrals.events.ReferralStatus;
import io.referrals.notification.entity.WebhookSubscriptionRepository;
import io.referrals.testing.DevTokens;
import io.referrals.testing.PlatformTestResource;
import io.referrals.testing.TestClock;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Outbound webhooks against a real HTTP endpoint in the test JVM, which checks the signatures with its own code:
 * subscriptions, the SSRF guard at subscribe and delivery time, retries on the injected clock, 410 Gone, isolation
 * of a dead endpoint, rotation, consent, and the 3-day disable.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(GreenMailResource.class)
class WebhookTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Events events = new Events();

    @Inject
    TestClock clock;

    @Inject
    WebhookSubscriptionRepository subscriptions;

    @AfterEach
    void restore() {
        clock.reset();
    }

    private JsonPath subscribe(String url, String... eventNames) {
        StringBuilder list = new StringBuilder();
        for (String name : eventNames) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(name).append('"');
        }
        return events.as("member")
                .body("{\"url\":\"" + url + "\",\"events\":[" + list + "],\"description\":\"CRM\"}")
                .post("/api/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private JsonPath deliveries(String webhookId) {
        return events.as("viewer")
                .get("/api/webhooks/" + webhookId + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aSubscriptionShowsItsSecretOnceStoresItEncryptedAndBelongsToItsPractice() {
        try (Receiver receiver = new Receiver()) {
            JsonPath created = subscribe(receiver.url(), "referral.received", "referral.converted");
            String id = created.getString("id");
            String secret = created.getString("secret");
            assertTrue(secret.startsWith("whsec_"), secret);
            assertEquals(List.of("referral.received", "referral.converted"), created.getList("events"));

            events.as("viewer")
                    .get("/api/webhooks/" + id)
                    .then()
                    .statusCode(200)
                    .body("secret", nullValue())
                    .body("enabled", equalTo(true))
                    .body("kind", equalTo("webhook"));
            events.as("viewer")
                    .get("/api/webhooks")
                    .then()
                    .body("items.id", hasItem(id))
                    .body("items.secret", not(hasItem(secret)));
            String stored = subscriptions.findById(UUID.fromString(id)).secret;
            assertFalse(stored.contains(secret.substring(6)), "stored in plain text");
            assertTrue(stored.startsWith("gcm1:"), stored);

            // Viewers read only; another practice sees nothing.
            events.as("viewer")
                    .body("{\"url\":\"" + receiver.url() + "\",\"events\":[\"referral.received\"]}")
                    .post("/api/webhooks")
                    .then()
                    .statusCode(403);
            Events other = new Events();
            other.as("owner").get("/api/webhooks/" + id).then().statusCode(404);
            other.as("owner")
                    .body("{\"enabled\":false}")
                    .patch("/api/webhooks/" + id)
                    .then()
                    .statusCode(404);
            other.as("owner")
                    .post("/api/webhooks/" + id + "/rotate-secret")
                    .then()
                    .statusCode(404);
            other.as("owner").get("/api/webhooks/" + id + "/deliveries").then().statusCode(404);
            other.as("owner").delete("/api/webhooks/" + id).then().statusCode(404);
            other.as("owner").get("/api/webhooks").then().body("total", equalTo(0));

            // An unknown event is a 400 naming it, and changes nothing.
            events.as("member")
                    .body("{\"events\":[\"referral.received\",\"referral.exploded\"]}")
                    .patch("/api/webhooks/" + id)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("events[1]"));
            events.as("member")
                    .body("{\"events\":[\"partner.created\"],\"description\":\"Spreadsheet\"}")
                    .patch("/api/webhooks/" + id)
                    .then()
                    .statusCode(200)
                    .body("events", equalTo(List.of("partner.created")))
                    .body("description", equalTo("Spreadsheet"));

            events.as("viewer")
                    .get("/api/webhooks/event-types")
                    .then()
                    .statusCode(200)
                    .body("name", hasItem("partner.reactivated"))
                    .body(
                            "find { it.name == 'referral.received' }.schema.properties.referredName.type",
                            hasItem("null"))
                    .body(
                            "find { it.name == 'referral.converted' }.sample.data.programValue.amount",
                            equalTo("1500.00"));

            events.as("member").delete("/api/webhooks/" + id).then().statusCode(204);
            events.as("viewer").get("/api/webhooks/" + id).then().statusCode(404);
        }
    }

    @Test
    void internalTargetsAreRefusedAtSubscribeTimeWithTheReason() {
        String[][] refused = {
            {"http://127.0.0.1/hook", "loopback"},
            {"http://[::1]/hook", "loopback"},
            {"http://169.254.169.254/latest", "link-local"},
            {"http://10.0.0.1/hook", "private"},
            {"http://192.168.1.10/hook", "private"},
            {"http://[::ffff:127.0.0.1]/hook", "loopback"},
            {"http://[::ffff:a00:1]/hook", "private"},
            {"http://[fd12:3456::1]/hook", "unique-local"},
            {"http://[fe80::1]/hook", "link-local"},
            {"http://0.0.0.0/hook", "unspecified"},
            {"http://224.0.0.1/hook", "multicast"},
            {"http://private.test/hook", "private"},
            {"http://nowhere.test/hook", "does not resolve"},
        };
        for (String[] row : refused) {
            String webhook = events.as("owner")
                    .body("{\"url\":\"" + row[0] + "\",\"events\":[\"referral.received\"]}")
                    .post("/api/webhooks")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", containsString("unsafe-webhook-target"))
                    .body("reason", containsString(row[1]))
                    .extract()
                    .asString();
            String hook = events.as("owner")
                    .body("{\"target_url\":\"" + row[0] + "\",\"event\":\"referral.received\"}")
                    .post("/api/hooks")
                    .then()
                    .statusCode(422)
                    .extract()
                    .asString();
            // A name is answered with why it is refused, never with the internal address it resolved to: the
            // refusal must not turn the API into a probe of the cluster's DNS.
            assertFalse(webhook.contains("10.1.2.3") || hook.contains("10.1.2.3"), webhook + hook);
        }
        events.as("owner")
                .body("{\"url\":\"ftp://files.example/x\",\"events\":[\"referral.received\"]}")
                .post("/api/webhooks")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("url"));
        events.as("owner")
                .body("{\"url\":\"https://user:pw@hooks.example/x\",\"events\":[\"referral.received\"]}")
                .post("/api/webhooks")
                .then()
                .statusCode(400);
        events.as("viewer").get("/api/webhooks").then().body("total", equalTo(0));
    }

    @Test
    void aHostThatResolvesInternallyAtDeliveryTimeIsRefusedThenAndNothingIsSent() {
        String[] internal = {"127.0.0.1", "::1", "169.254.169.254", "10.0.0.1", "fd00::1"};
        try (Receiver receiver = new Receiver()) {
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < internal.length; i++) {
                String host = "rebind" + i + "-" + events.tenant.substring(9, 17) + ".test";
                TestHostResolver.point(host, "93.184.215.14"); // public when subscribed
                String port = receiver.url().replaceAll(".*:(\\d+)/hook", "$1");
                ids.add(subscribe("http://" + host + ":" + port + "/hook", "referral.received")
                        .getString("id"));
                TestHostResolver.point(host, internal[i]); // internal when delivered (DNS rebinding)
            }
            for (String id : ids) {
                events.as("member").post("/api/webhooks/" + id + "/test").then().statusCode(202);
            }
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                await().atMost(WAIT)
                        .untilAsserted(() -> assertFalse(
                                deliveries(id).getList("items[0].attempts").isEmpty(),
                                deliveries(id).prettify()));
                JsonPath log = deliveries(id);
                assertNull(log.get("items[0].attempts[0].statusCode"));
                assertTrue(log.getString("items[0].attempts[0].error").startsWith("refused"), log.prettify());
                assertFalse(
                        log.getString("items[0].attempts[0].error").contains(internal[i]),
                        "the delivery log names the reason, not the internal address: " + log.prettify());
                assertEquals("pending", log.getString("items[0].status"), "retried later, checked again");
            }
            assertEquals(0, receiver.requests().size(), "nothing reached the internal address");
        }
    }

    @Test
    void anEndpointAnswering500TwiceGetsTheEventOnTheThirdAttemptUnderOneWebhookId() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(start);
        try (Receiver receiver = new Receiver().answering(500, 500)) {
            JsonPath created = subscribe(receiver.url(), "referral.received");
            String id = created.getString("id");
            String secret = created.getString("secret");
            UUID referral = events.received("Sam Rivera", Consent.OUTCOME);

            await().atMost(WAIT).until(() -> receiver.requests().size() == 1);
            await().atMost(WAIT)
                    .untilAsserted(() -> assertEquals(1, deliveries(id).getInt("items[0].attempts.size()")));
            assertEquals(500, deliveries(id).getInt("items[0].attempts[0].statusCode"));
            // The next attempt is 5 s (± 10 %) later on the service's clock: nothing is sent before.
            Instant next = Instant.parse(deliveries(id).getString("items[0].nextAttemptAt"));
            assertTrue(
                    !next.isBefore(start.plusMillis(4500)) && !next.isAfter(start.plusMillis(5500)), next.toString());
            clock.advance(Duration.ofSeconds(6));
            await().atMost(WAIT).until(() -> receiver.requests().size() == 2);
            await().atMost(WAIT)
                    .untilAsserted(() -> assertEquals(2, deliveries(id).getInt("items[0].attempts.size()")));
            Instant third = Instant.parse(deliveries(id).getString("items[0].nextAttemptAt"));
            Instant second = start.plusSeconds(6);
            assertTrue(
                    !third.isBefore(second.plusSeconds(270)) && !third.isAfter(second.plusSeconds(330)),
                    "5 minutes ± 10 %: " + third);
            clock.advance(Duration.ofMinutes(6));
            await().atMost(WAIT)
                    .untilAsserted(
                            () -> assertEquals("delivered", deliveries(id).getString("items[0].status")));

            List<Receiver.Request> got = receiver.requests();
            assertEquals(3, got.size());
            for (Receiver.Request request : got) {
                assertEquals(got.get(0).id(), request.id(), "one webhook-id across retries");
                assertTrue(Receiver.verifies(request, secret), "signature: " + request);
                assertTrue(request.body().contains("\"referralId\":\"" + referral + "\""), request.body());
                assertTrue(request.body().contains("\"referredName\":\"Sam Rivera\""), "consent outcome: the name");
                assertTrue(request.body().contains("\"specversion\":\"1.0\""), request.body());
            }
            JsonPath log = deliveries(id);
            assertEquals(List.of(500, 500, 200), log.getList("items[0].attempts.statusCode"));
            assertTrue(log.getString("items[0].attempts[2].responseBody").contains("\"received\":true"));
            assertEquals(got.get(0).id(), log.getString("items[0].webhookId"));

            // Redelivered on request: the same webhook-id again.
            events.as("member")
                    .post("/api/webhooks/" + id + "/deliveries/" + log.getString("items[0].id") + "/redeliver")
                    .then()
                    .statusCode(202);
            await().atMost(WAIT).until(() -> receiver.requests().size() == 4);
            assertEquals(got.get(0).id(), receiver.requests().get(3).id());
            new Events()
                    .as("owner")
                    .post("/api/webhooks/" + id + "/deliveries/" + log.getString("items[0].id") + "/redeliver")
                    .then()
                    .statusCode(404);
        }
    }

    @Test
    void aPayloadNamesThePersonOnlyUnderConsentOutcomeAndNeverCarriesContactDetails() {
        try (Receiver receiver = new Receiver()) {
            String secret = subscribe(receiver.url(), "referral.received", "referral.converted")
                    .getString("secret");
            UUID contactOnly = events.received("Alex Kim", Consent.CONTACT_MADE);
            UUID outcome = events.received("Riley Moss", Consent.OUTCOME);
            events.converted(outcome, ReferralStatus.RECEIVED, Consent.OUTCOME);
            await().atMost(WAIT).until(() -> receiver.requests().size() == 3);
            for (Receiver.Request request : receiver.requests()) {
                assertTrue(Receiver.verifies(request, secret));
                assertFalse(request.body().contains(events.referrerEmail), "no addresses: " + request.body());
                if (request.body().contains(contactOnly.toString())) {
                    assertFalse(request.body().contains("Alex"), request.body());
                    assertTrue(request.body().contains("\"referredName\":null"), request.body());
                }
            }
            assertTrue(receiver.requests("referral.received").stream()
                    .anyMatch(r -> r.body().contains("\"referredName\":\"Riley Moss\"")));
            assertEquals(1, receiver.requests("referral.converted").size());
        }
    }

    @Test
    void aZapierHookIsSubscribedByTheIntegrationAndUnsubscribedByA410() {
        events.as("viewer")
                .get("/api/hooks/samples/referral.converted")
                .then()
                .statusCode(200)
                .body("[0].type", equalTo("referral.converted"))
                .body("[0].data.programValue.currency", equalTo("USD"));
        events.as("viewer").get("/api/hooks/samples/referral.exploded").then().statusCode(404);
        try (Receiver receiver = new Receiver().answering(410)) {
            String id = events.as("member")
                    .body("{\"target_url\":\"" + receiver.url() + "\",\"event\":\"referral.received\"}")
                    .post("/api/hooks")
                    .then()
                    .statusCode(201)
                    .body("event", equalTo("referral.received"))
                    .extract()
                    .path("id");
            events.as("viewer")
                    .get("/api/webhooks/" + id)
                    .then()
                    .statusCode(200)
                    .body("kind", equalTo("zapier"));
            events.received("Pat Doe", Consent.NONE);
            await().atMost(WAIT).until(() -> receiver.requests().size() == 1);
            await().atMost(WAIT)
                    .untilAsserted(() -> events.as("viewer")
                            .get("/api/webhooks/" + id)
                            .then()
                            .statusCode(404));
            events.as("member").delete("/api/hooks/" + id).then().statusCode(404);
            events.received("Pat Doe", Consent.NONE);
            // Nothing more goes to a target that said it is gone.
            events.received("Marker", Consent.NONE);
            await().during(Duration.ofSeconds(1))
                    .atMost(WAIT)
                    .until(() -> receiver.requests().size() == 1);
        }
        try (Receiver receiver = new Receiver()) {
            String id = events.as("member")
                    .body("{\"target_url\":\"" + receiver.url() + "\",\"event\":\"partner.created\"}")
                    .post("/api/hooks")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            events.as("member").delete("/api/hooks/" + id).then().statusCode(204);
            events.as("viewer").get("/api/webhooks/" + id).then().statusCode(404);
        }
    }

    @Test
    void aDeadEndpointDoesNotDelayAHealthyOne() {
        try (Receiver dead = new Receiver().hanging();
                Receiver healthy = new Receiver()) {
            subscribe(dead.url("dead.test"), "referral.received");
            subscribe(healthy.url(), "referral.received");
            long started = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                events.received("Person " + i, Consent.NONE);
            }
            await().atMost(WAIT).until(() -> healthy.requests().size() == 3);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertEquals(1, dead.requests().size(), "the dead endpoint holds its one delivery, no more");
            assertTrue(took.toSeconds() < 10, "the healthy endpoint waited for the dead one: " + took);
        }
    }

    @Test
    void aRotatedSecretSignsBesideTheNewOneFor24Hours() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(start);
        try (Receiver receiver = new Receiver()) {
            JsonPath created = subscribe(receiver.url(), "referral.received");
            String id = created.getString("id");
            String oldSecret = created.getString("secret");
            String newSecret = events.as("member")
                    .post("/api/webhooks/" + id + "/rotate-secret")
                    .then()
                    .statusCode(200)
                    .body(
                            "previousSecretExpiresAt",
                            equalTo(start.plus(Duration.ofHours(24)).toString()))
                    .extract()
                    .path("secret");
            events.as("member").post("/api/webhooks/" + id + "/test").then().statusCode(202);
            await().atMost(WAIT).until(() -> receiver.requests().size() == 1);
            Receiver.Request during = receiver.requests().get(0);
            assertEquals(2, during.signature().split(" ").length, during.signature());
            assertTrue(Receiver.verifies(during, oldSecret));
            assertTrue(Receiver.verifies(during, newSecret));
            assertTrue(during.body().contains("\"type\":\"webhook.test\""));

            clock.advance(Duration.ofHours(25));
            events.as("member").post("/api/webhooks/" + id + "/test").then().statusCode(202);
            await().atMost(WAIT).until(() -> receiver.requests().size() == 2);
            Receiver.Request after = receiver.requests().get(1);
            assertEquals(1, after.signature().split(" ").length);
            assertTrue(Receiver.verifies(after, newSecret));
            assertFalse(Receiver.verifies(after, oldSecret));
        }
    }

    @Test
    void anEndpointFailingForThreeDaysIsDisabledAndThePracticeGetsATask() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(start);
        try (Receiver receiver = new Receiver().answering(503, 503, 503, 503)) {
            String id = subscribe(receiver.url(), "referral.received").getString("id");
            events.received("Sam Rivera", Consent.NONE);
            await().atMost(WAIT).until(() -> receiver.requests().size() == 1);
            await().atMost(WAIT)
                    .untilAsserted(() -> assertEquals(1, deliveries(id).getInt("items[0].attempts.size()")));
            clock.advance(Duration.ofDays(3).plusHours(1));
            await().atMost(WAIT)
                    .untilAsserted(() -> events.as("viewer")
                            .get("/api/webhooks/" + id)
                            .then()
                            .body("enabled", equalTo(false))
                            .body("disabledReason", startsWith("every attempt failed for 3 days")));
            assertEquals("failed", deliveries(id).getString("items[0].status"));
            events.as("viewer")
                    .get("/api/tasks?kind=webhook_disabled")
                    .then()
                    .body("total", equalTo(1))
                    .body("items[0].title", containsString("receiver.test"));
            events.as("member").post("/api/webhooks/" + id + "/test").then().statusCode(409);
            events.as("member")
                    .body("{\"enabled\":true}")
                    .patch("/api/webhooks/" + id)
                    .then()
                    .statusCode(200)
                    .body("enabled", equalTo(true))
                    .body("failingSince", nullValue());
            events.as("viewer")
                    .get("/api/tasks?kind=webhook_disabled&status=open")
                    .then()
                    .body("total", equalTo(0));
        }
    }

    @Test
    void writesNeedAToken() {
        given().contentType(ContentType.JSON)
                .body("{\"target_url\":\"https://hooks.example/x\",\"event\":\"referral.received\"}")
                .post("/api/hooks")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(DevTokens.token(events.tenant, "viewer"))
                .delete("/api/hooks/" + UUID.randomUUID())
                .then()
                .statusCode(403);
    }
}
