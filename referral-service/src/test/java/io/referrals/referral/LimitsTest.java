package io.referrals.referral;

import static io.referrals.referral.Fixtures.as;
import static io.referrals.referral.Fixtures.knownPartner;
import static io.referrals.referral.Fixtures.referralBody;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.testing.PlatformTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bounds on what one request may ask for or send (issue 10). */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class LimitsTest {
    private final String tenant = "practice-" + UUID.randomUUID();

    @Inject
    EntityManager entityManager;

    @Test
    void aPageTooDeepIsA400NamingPage() {
        for (String path :
                new String[] {"/api/referrals", "/api/rewards", "/api/referrals/given", "/api/intake-links"}) {
            as(tenant, "viewer")
                    .get(path + "?page=20000000&size=200")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("page"));
        }
        as(tenant, "viewer").get("/api/referrals?page=10000&size=200").then().statusCode(200);
    }

    @Test
    void bodiesOver64KbAreRefusedBeforeTheyAreRead() {
        UUID partnerId = knownPartner(tenant, "Dana Lee");
        String big =
                "{\"partnerId\":\"" + partnerId + "\",\"referred\":{\"name\":\"Big\",\"email\":\"big@example.com\"},"
                        + "\"note\":\"" + "x".repeat(70 * 1024) + "\"}";
        as(tenant, "owner")
                .body(big)
                .post("/api/referrals")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", endsWith("body-too-large"));
        String token = as(tenant, "owner")
                .body("{\"name\":\"Form\"}")
                .post("/api/intake-links")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        given().contentType(ContentType.JSON)
                .body(big)
                .post("/api/intake/" + token)
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("instance", equalTo("/api/intake/{token}"));
        // Without a Content-Length (chunked), it is refused once 64 KB have been read.
        given().contentType(ContentType.JSON)
                .body(new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))
                .post("/api/intake/" + token)
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
        as(tenant, "viewer")
                .get("/api/referrals?size=200")
                .then()
                .body("items.findAll { it.referred.name == 'Big' }.size()", equalTo(0));
        // Just under the limit is fine.
        as(tenant, "owner")
                .body(referralBody(partnerId, "Small", "small@example.com").replace("Career change", "y".repeat(3000)))
                .post("/api/referrals")
                .then()
                .statusCode(201);
    }

    @Test
    void theConsentHistoryIsCapped() {
        UUID partnerId = knownPartner(tenant, "Dana Lee");
        String id = as(tenant, "owner")
                .body(referralBody(partnerId, "Often Changed", "often@example.com"))
                .post("/api/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("""
                        insert into referral_consent_change (id, tenant_id, referral_id, consent, changed_at)
                        select gen_random_uuid(), ?1, ?2, 'OUTCOME', now() + make_interval(secs => g)
                        from generate_series(1, 700) g""")
                        .setParameter(1, tenant)
                        .setParameter(2, UUID.fromString(id))
                        .executeUpdate());
        as(tenant, "viewer")
                .get("/api/referrals/" + id + "/consent-history")
                .then()
                .statusCode(200)
                .body("size()", equalTo(500));
        as(tenant, "viewer")
                .get("/api/referrals/" + id + "/history")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1));
    }
}
