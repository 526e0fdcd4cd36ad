package io.referrals.notification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.Consent;
import io.referrals.events.EventTypes;
import io.referrals.events.ReferralStatus;
import io.referrals.events.referral.PersonErased;
import io.referrals.testing.PlatformTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** notification-service's part of a referred person's export, and their erasure on PersonErased. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(GreenMailResource.class)
class PeopleTest {
    private final Events events = new Events();
    private final String first = "Zelda" + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    EntityManager entityManager;

    @Test
    void theOwnerSeesTheMessagesThatNamedAPersonAndPersonErasedRemovesTheNameEverywhere() {
        UUID referralId = events.received(first + " Brightwater", Consent.OUTCOME);
        events.converted(referralId, ReferralStatus.RECEIVED, Consent.OUTCOME);
        UUID other = events.received("Other Person", Consent.OUTCOME);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> events.as("owner")
                        .get("/api/people?referralId=" + referralId)
                        .then()
                        .statusCode(200)
                        .body("service", equalTo("notification-service"))
                        .body("referrals[0].referredFirstName", equalTo(first))
                        .body("messages.kind", hasItem("referral_thank_you"))
                        .body("messages.kind", hasItem("outcome_update"))
                        .body("tasks.kind", hasItem("pleased_check_in")));
        events.as("owner")
                .get("/api/people?referralId=" + referralId)
                .then()
                .body("messages.find { it.kind == 'referral_thank_you' }.body", containsString(first));
        events.as("member").get("/api/people?referralId=" + referralId).then().statusCode(403);
        events.as("owner").get("/api/people").then().statusCode(400).contentType("application/problem+json");
        new Events()
                .as("owner")
                .get("/api/people?referralId=" + referralId)
                .then()
                .statusCode(200)
                .body("referrals", hasSize(0))
                .body("messages", hasSize(0));
        assertTrue(tracesInSchema(first).size() > 0, "the name is held before the erasure");

        events.send(
                EventTypes.PERSON_ERASED,
                referralId,
                new PersonErased(UUID.randomUUID(), List.of(referralId), Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> events.as("owner")
                        .get("/api/people?referralId=" + referralId)
                        .then()
                        .body("referrals[0].referredFirstName", equalTo(""))
                        .body("messages.find { it.kind == 'referral_thank_you' }.body", not(containsString(first)))
                        .body(
                                "messages.find { it.kind == 'referral_thank_you' }.body",
                                containsString("your recent referral")));
        assertEquals(List.of(), tracesInSchema(first));
        // The other referral's messages are untouched.
        events.as("owner")
                .get("/api/people?referralId=" + other)
                .then()
                .body("referrals[0].referredFirstName", equalTo("Other"));
    }

    /** Every "table.column" of the service's schema with a text value containing the needle. */
    @SuppressWarnings("unchecked")
    private List<String> tracesInSchema(String needle) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> columns = entityManager.createNativeQuery("""
                            select table_name, column_name from information_schema.columns
                            where table_schema = current_schema()
                              and data_type in ('character varying', 'text', 'character')""").getResultList();
            assertTrue(columns.size() > 10, "the schema's text columns were found: " + columns.size());
            List<String> found = new ArrayList<>();
            for (Object[] column : columns) {
                long hits = ((Number) entityManager
                                .createNativeQuery("select count(*) from \"" + column[0] + "\" where \"" + column[1]
                                        + "\" ilike ?1")
                                .setParameter(1, "%" + needle + "%")
                                .getSingleResult())
                        .longValue();
                if (hits > 0) {
                    found.add(column[0] + "." + column[1]);
                }
            }
            return found;
        });
    }
}
