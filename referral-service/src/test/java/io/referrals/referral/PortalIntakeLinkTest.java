package io.referrals.referral;

import static io.referrals.referral.Fixtures.as;
import static io.referrals.referral.Fixtures.knownPartner;
import static io.referrals.referral.PortalReferralsTest.portal;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.testing.PlatformTestResource;
import io.referrals.testing.PortalTokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The partner's own intake link in the portal (issue 28): none until the practice or the partner makes one; made
 * through the practice's own intake-link path (bound to the partner, unsigned), shown again whenever asked, working as
 * every intake link does; the practice's rotation and revocation apply; another partner never sees it.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class PortalIntakeLinkTest {
    private final String tenant = "practice-" + UUID.randomUUID();
    private UUID partner;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void partnerKnownFromEvents() {
        partner = knownPartner(tenant, "Jordan Blake");
    }

    @Test
    void thePartnerMakesTheirLinkOnceSeesItAgainAndReferralsThroughItAreTheirs() {
        String session = PortalTokens.session(tenant, partner);
        portal(session)
                .get("/api/portal/intake-link")
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"));

        String url = portal(session)
                .post("/api/portal/intake-link")
                .then()
                .statusCode(201)
                .contentType("application/json")
                .extract()
                .path("url");
        assertTrue(URI.create(url).getPath().startsWith("/api/intake/il_"), url);
        portal(session).get("/api/portal/intake-link").then().statusCode(200).body("url", equalTo(url));
        portal(session).post("/api/portal/intake-link").then().statusCode(200).body("url", equalTo(url));

        // One link, made through the practice's path: bound to the partner, unsigned, the practice's defaults.
        as(tenant, "viewer")
                .get("/api/intake-links")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].partnerId", equalTo(partner.toString()))
                .body("items[0].name", equalTo("Partner portal link"))
                .body("items[0].signed", equalTo(false))
                .body("items[0].rateLimitPerMinute", equalTo(60));
        String token = url.substring(url.lastIndexOf('/') + 1);
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select partner_token from intake_link where tenant_id = ?1")
                .setParameter(1, tenant)
                .getSingleResult());
        assertTrue(stored.startsWith("gcm1:"), "kept encrypted");
        assertFalse(stored.contains(token.substring(3)), "never in clear");

        // The link works as every intake link: a referral through it is the partner's, verified.
        String id = given().contentType("application/json")
                .body(
                        "{\"referred\":{\"name\":\"Sam Rivera\",\"email\":\"sam.rivera@example.com\"},\"consent\":\"outcome\"}")
                .post(URI.create(url).getPath())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(tenant, "viewer")
                .get("/api/referrals/" + id)
                .then()
                .statusCode(200)
                .body("partnerId", equalTo(partner.toString()))
                .body("attribution", equalTo("verified"));
        portal(session)
                .get("/api/portal/referrals/" + id)
                .then()
                .statusCode(200)
                .body("firstName", equalTo("Sam"));
    }

    @Test
    void thePracticesLinkForThePartnerIsShownAndItsRotationAndRevocationApply() {
        String made = as(tenant, "owner")
                .body("{\"name\":\"Jordan's link\",\"partnerId\":\"" + partner + "\"}")
                .post("/api/intake-links")
                .then()
                .statusCode(201)
                .extract()
                .asString();
        String linkId = io.restassured.path.json.JsonPath.from(made).getString("id");
        String token = io.restassured.path.json.JsonPath.from(made).getString("token");
        // A signed link is for tools, not for a person: never the partner's to show.
        as(tenant, "owner")
                .body("{\"name\":\"Jordan's Zap\",\"partnerId\":\"" + partner + "\",\"signed\":true}")
                .post("/api/intake-links")
                .then()
                .statusCode(201);
        String session = PortalTokens.session(tenant, partner);
        assertTrue(urlOf(session).endsWith("/api/intake/" + token));

        String rotated = as(tenant, "owner")
                .post("/api/intake-links/" + linkId + "/rotate")
                .then()
                .statusCode(200)
                .extract()
                .path("token");
        assertNotEquals(token, rotated);
        assertTrue(urlOf(session).endsWith("/api/intake/" + rotated));

        as(tenant, "owner").delete("/api/intake-links/" + linkId).then().statusCode(204);
        portal(session).get("/api/portal/intake-link").then().statusCode(404);
    }

    @Test
    void anotherPartnerNeverSeesItAndAViewAsSessionMakesNone() {
        UUID other = knownPartner(tenant, "Dana Lee");
        String mine = portal(PortalTokens.session(tenant, partner))
                .post("/api/portal/intake-link")
                .then()
                .statusCode(201)
                .extract()
                .path("url");
        portal(PortalTokens.session(tenant, other))
                .get("/api/portal/intake-link")
                .then()
                .statusCode(404);
        String viewAs = PortalTokens.viewAs(tenant, other);
        portal(viewAs)
                .post("/api/portal/intake-link")
                .then()
                .statusCode(403)
                .contentType(startsWith("application/problem+json"));
        portal(PortalTokens.session(tenant, other))
                .get("/api/portal/intake-link")
                .then()
                .statusCode(404);
        // The same partner id under another practice is nobody there.
        portal(PortalTokens.session("practice-" + UUID.randomUUID(), partner))
                .get("/api/portal/intake-link")
                .then()
                .statusCode(401);
        // The practice's view-as session reads the partner's link.
        portal(PortalTokens.viewAs(tenant, partner))
                .get("/api/portal/intake-link")
                .then()
                .statusCode(200)
                .body("url", equalTo(mine));
        assertEquals(
                1,
                ((Number) as(tenant, "viewer")
                                .get("/api/intake-links")
                                .then()
                                .extract()
                                .path("total"))
                        .intValue());
        for (String path : List.of("/api/intake-links")) {
            assertEquals(
                    401, portal(PortalTokens.session(tenant, partner)).get(path).statusCode(), path);
        }
    }

    private static String urlOf(String session) {
        return portal(session)
                .get("/api/portal/intake-link")
                .then()
                .statusCode(200)
                .extract()
                .path("url");
    }
}
