package io.referrals.referral;

import static io.referrals.referral.Fixtures.as;
import static io.referrals.referral.Fixtures.kafka;
import static io.referrals.referral.Fixtures.knownPartner;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.Topics;
import io.referrals.testing.CapturedLog;
import io.referrals.testing.PlatformTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A referred person's right to see and to erase what the practice holds about them in referral-service. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class PeopleTest {
    private final String tenant = "practice-" + UUID.randomUUID();
    private final String unique = UUID.randomUUID().toString().substring(0, 8);
    private final String first = "Zora" + unique;
    private final String last = "Quillfeather";
    private final String email = "zora." + unique + "@example.com";
    private final String phone = "+1 555 " + (1000 + Math.abs(unique.hashCode() % 9000));

    @Inject
    EntityManager entityManager;

    @Test
    void theOwnerSeesEverythingHeldAboutAPersonAndErasesItLeavingTheNumbersAndNoTraceInLogs() {
        List<String> log;
        try (CapturedLog captured = CapturedLog.start()) {
            org.jboss.logging.Logger.getLogger(PeopleTest.class).info("people-test capture check");
            exportAndErase();
            log = captured.lines();
        }
        assertTrue(log.stream().anyMatch(l -> l.contains("people-test capture check")), "the log was captured");
        for (String line : log) {
            assertTrue(
                    !line.contains(first) && !line.contains(last) && !line.contains(email),
                    "personal data in the log: " + line);
        }
    }

    private void exportAndErase() {
        UUID partnerId = knownPartner(tenant, "Dana Lee");
        String referralId = as(tenant, "member")
                .header("Idempotency-Key", "people-" + unique)
                .body("""
                        {"partnerId":"%s","referred":{"name":"%s %s","email":"%s","phone":"%s"},
                         "note":"%s prefers evening calls","consent":"outcome"}""".formatted(partnerId, first, last, email, phone, first))
                .post("/api/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(tenant, "member")
                .body("{\"status\":\"contacted\",\"note\":\"Spoke with " + first + " on Tuesday\"}")
                .post("/api/referrals/" + referralId + "/status")
                .then()
                .statusCode(200);
        as(tenant, "member")
                .body("{\"consent\":\"contact_made\",\"note\":\"" + first + " asked us to say less\"}")
                .put("/api/referrals/" + referralId + "/consent")
                .then()
                .statusCode(200);
        as(tenant, "member")
                .body("""
                        {"partnerId":"%s","person":{"name":"%s %s","email":"%s"},"need":"%s needs a financial plan",
                         "note":"Told Dana about %s"}""".formatted(partnerId, first, last, email.toUpperCase(), first, first))
                .post("/api/referrals/given")
                .then()
                .statusCode(201);

        // Bad requests change nothing and say why; only the owner may ask; another practice finds nothing.
        as(tenant, "owner").get("/api/people").then().statusCode(400).contentType("application/problem+json");
        as(tenant, "owner")
                .get("/api/people?email=not-an-email")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as(tenant, "owner").body("{}").post("/api/people/erasure").then().statusCode(400);
        as(tenant, "member").get("/api/people?email=" + email).then().statusCode(403);
        as(tenant, "member")
                .body("{\"email\":\"" + email + "\"}")
                .post("/api/people/erasure")
                .then()
                .statusCode(403);
        as("practice-" + UUID.randomUUID(), "owner")
                .get("/api/people?email=" + email)
                .then()
                .statusCode(200)
                .body("referrals", empty())
                .body("givenReferrals", empty());
        as("practice-" + UUID.randomUUID(), "owner")
                .body("{\"email\":\"" + email + "\"}")
                .post("/api/people/erasure")
                .then()
                .statusCode(200)
                .body("erasedReferralIds", empty());

        // The export: by email in any case, or by the phone's digits.
        as(tenant, "owner")
                .get("/api/people?email=" + email.toUpperCase())
                .then()
                .statusCode(200)
                .body("service", equalTo("referral-service"))
                .body("referrals", hasSize(1))
                .body("referrals[0].referral.id", equalTo(referralId))
                .body("referrals[0].referral.referred.name", equalTo(first + " " + last))
                .body("referrals[0].referral.note", equalTo(first + " prefers evening calls"))
                .body("referrals[0].statusHistory", hasSize(2))
                .body("referrals[0].statusHistory[1].note", equalTo("Spoke with " + first + " on Tuesday"))
                .body("referrals[0].consentHistory", hasSize(2))
                .body("referrals[0].consentHistory[1].note", equalTo(first + " asked us to say less"))
                .body("givenReferrals", hasSize(1))
                .body("givenReferrals[0].need", equalTo(first + " needs a financial plan"));
        as(tenant, "owner")
                .queryParam("phone", phone.replace(" ", ""))
                .get("/api/people")
                .then()
                .statusCode(200)
                .body("referrals", hasSize(1));

        // Erasure, once the events about the referral have been relayed.
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        count("select count(*) from outbox_event where tenant_id = ?1 and published_at is null") == 0);
        as(tenant, "owner")
                .body("{\"email\":\"" + email + "\"}")
                .post("/api/people/erasure")
                .then()
                .statusCode(200)
                .body("erasedReferralIds", hasSize(1))
                .body("erasedReferralIds[0]", equalTo(referralId))
                .body("erasedGivenReferralIds", hasSize(1));

        // Nothing with the person's name, email or phone remains in any text column of the schema.
        assertEquals(List.of(), tracesInSchema(first, last, email, phone));
        // The referral keeps its id, dates, status and consent; the numbers stay right.
        as(tenant, "viewer")
                .get("/api/referrals/" + referralId)
                .then()
                .statusCode(200)
                .body("status", equalTo("contacted"))
                .body("consent", equalTo("contact_made"))
                .body("referred.name", equalTo("(erased)"))
                .body("receivedAt", org.hamcrest.Matchers.notNullValue());
        assertNull(as(tenant, "viewer").get("/api/referrals/" + referralId).path("note"));

        // PersonErased names no one.
        List<CloudEvent> events = kafka().eventsFor(Topics.REFERRAL_EVENTS, referralId, 4, Duration.ofSeconds(30));
        CloudEvent erased = events.stream()
                .filter(e -> e.type().equals(EventTypes.PERSON_ERASED.cloudEventType()))
                .findFirst()
                .orElseThrow();
        String json = EventCodec.encode(erased);
        assertTrue(!json.contains(first) && !json.contains(email), json);
        assertEquals(
                List.of(UUID.fromString(referralId)),
                EventCodec.data(erased, EventTypes.PERSON_ERASED).referralIds());

        // A second request is a no-op: nothing found, nothing announced.
        as(tenant, "owner")
                .body("{\"email\":\"" + email + "\"}")
                .post("/api/people/erasure")
                .then()
                .statusCode(200)
                .body("erasedReferralIds", empty())
                .body("erasedGivenReferralIds", empty());
        assertEquals(
                1L,
                count("select count(*) from outbox_event where tenant_id = ?1 and event_type = '"
                        + EventTypes.PERSON_ERASED.cloudEventType() + "'"));
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery(sql)
                                .setParameter(1, tenant)
                                .getSingleResult())
                        .longValue());
    }

    /** Every "table.column" of the service's schema with a text value containing one of the needles. */
    @SuppressWarnings("unchecked")
    private List<String> tracesInSchema(String... needles) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> columns = entityManager.createNativeQuery("""
                            select table_name, column_name from information_schema.columns
                            where table_schema = current_schema()
                              and data_type in ('character varying', 'text', 'character')""").getResultList();
            assertTrue(columns.size() > 10, "the schema's text columns were found: " + columns.size());
            List<String> found = new ArrayList<>();
            for (Object[] column : columns) {
                for (String needle : needles) {
                    long hits = ((Number) entityManager
                                    .createNativeQuery("select count(*) from \"" + column[0] + "\" where \"" + column[1]
                                            + "\" ilike ?1")
                                    .setParameter(1, "%" + needle + "%")
                                    .getSingleResult())
                            .longValue();
                    if (hits > 0) {
                        found.add(column[0] + "." + column[1] + " holds " + needle);
                    }
                }
            }
            return found;
        });
    }
}
