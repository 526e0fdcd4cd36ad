package io.referrals.partner;

import static io.referrals.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.referrals.events.CloudEvent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.Topics;
import io.referrals.testing.KafkaTestClient;
import io.referrals.testing.PlatformTestResource;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Partners signed in to the portal the way partner-service lets them: created, invited, and their mailed link (read
 * from the portal's own topic) exchanged for a session. partner-service checks its session table on every portal
 * request, so a token it did not issue (test-support's {@code PortalTokens}) opens nothing here.
 */
final class PortalSignIns {
    private static final KafkaTestClient KAFKA = new KafkaTestClient(PlatformTestResource.bootstrapServers());

    private PortalSignIns() {}

    static String email() {
        return "partner-" + UUID.randomUUID() + "@example.com";
    }

    static String createPartner(String tenantId, String name, String email) {
        return as(tenantId, "owner")
                .body("{\"name\":\"" + name + "\",\"category\":\"professional\",\"email\":\"" + email + "\"}")
                .post("/api/partners")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Invites the partner and signs them in with the invitation's link: their session token. */
    static String inviteAndSignIn(String tenantId, String partnerId) {
        as(tenantId, "owner")
                .post("/api/partners/" + partnerId + "/portal-access")
                .then()
                .statusCode(201);
        List<CloudEvent> links = KAFKA.eventsFor(Topics.PORTAL_SIGN_IN, partnerId, 1, Duration.ofSeconds(30));
        assertEquals(1, links.size(), "the invitation's link");
        String url = EventCodec.data(links.get(0), EventTypes.PORTAL_SIGN_IN_LINK_ISSUED)
                .signInUrl();
        String token = url.substring(url.indexOf("#token=") + "#token=".length());
        return given().contentType(ContentType.JSON)
                .body("{\"token\":\"" + token + "\"}")
                .post("/api/portal/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("accessToken");
    }

    /** A new partner of the practice, invited and signed in: {partnerId, session token}. */
    static String[] signedInPartner(String tenantId, String name) {
        String partnerId = createPartner(tenantId, name, email());
        return new String[] {partnerId, inviteAndSignIn(tenantId, partnerId)};
    }
}
