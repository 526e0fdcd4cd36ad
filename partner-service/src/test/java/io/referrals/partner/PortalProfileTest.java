package io.referrals.partner;

import static io.referrals.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.PartnerEditor;
import io.referrals.events.Topics;
import io.referrals.events.partner.PartnerUpdated;
import io.referrals.testing.KafkaTestClient;
import io.referrals.testing.PlatformTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A signed-in partner reads and changes their own details (issue 28); the practice's fit score follows. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class PortalProfileTest {
    private static final String PROBLEM = "application/problem+json";
    private final String tenant = "practice-" + UUID.randomUUID();
    private final KafkaTestClient kafka = new KafkaTestClient(PlatformTestResource.bootstrapServers());

    private static Response putProfile(String session, String body) {
        return given().auth()
                .oauth2(session)
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/portal/profile");
    }

    private String partner(String partnerId) {
        return as(tenant, "viewer")
                .get("/api/partners/" + partnerId)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    @Test
    void aPartnersOwnChangeIsAnnouncedAndTheFitScoreFollows() {
        as(tenant, "owner")
                .body("{\"idealReferral\":{},\"niches\":[\"couples\",\"career change\",\"new managers\"]}")
                .put("/api/practice")
                .then()
                .statusCode(200);
        String address = PortalSignIns.email();
        String partnerId = PortalSignIns.createPartner(tenant, "Dana Whitfield", address);
        String session = PortalSignIns.inviteAndSignIn(tenant, partnerId);
        as(tenant, "viewer")
                .get("/api/partners/" + partnerId)
                .then()
                .body("fit.score", equalTo(0))
                .body("profileUpdatedByPartnerAt", nullValue());

        given().auth()
                .oauth2(session)
                .get("/api/portal/profile")
                .then()
                .statusCode(200)
                .body("partnerId", equalTo(partnerId))
                .body("name", equalTo("Dana Whitfield"))
                .body("email", equalTo(address))
                .body("clientsServed", equalTo(List.of()));

        // An email in the body is not the partner's to change: it is ignored, the sign-in address stays.
        putProfile(session, """
                        {"name":"Dana Whitfield, LPC","phone":"+1 555 0100","website":"https://whitfield.example",
                         "organization":"Whitfield Counselling","clientsServed":["Couples"," career change "],
                         "specialties":["EMDR","new managers"],"email":"someone-else@example.com"}""")
                .then()
                .statusCode(200)
                .body("name", equalTo("Dana Whitfield, LPC"))
                .body("email", equalTo(address))
                .body("clientsServed", equalTo(List.of("Couples", "career change")))
                .body("specialties", equalTo(List.of("EMDR", "new managers")));

        // The practice sees the change, by whom, and the fit: all three of its niches are served now.
        as(tenant, "viewer")
                .get("/api/partners/" + partnerId)
                .then()
                .body("name", equalTo("Dana Whitfield, LPC"))
                .body("email", equalTo(address))
                .body("phone", equalTo("+1 555 0100"))
                .body("organization", equalTo("Whitfield Counselling"))
                .body("niches", equalTo(List.of("Couples", "career change")))
                .body("specialties", equalTo(List.of("EMDR", "new managers")))
                .body("fit.score", equalTo(100))
                .body("profileUpdatedByPartnerAt", notNullValue());

        // Through the outbox, as the practice's edit: PartnerUpdated with the new name and fit, changed by the partner.
        List<CloudEvent> events = partnerUpdates(partnerId, 1);
        assertEquals(1, events.size(), "one PartnerUpdated");
        PartnerUpdated updated = EventCodec.data(events.get(0), EventTypes.PARTNER_UPDATED);
        assertEquals("Dana Whitfield, LPC", updated.name());
        assertEquals(address, updated.email());
        assertEquals(100, updated.fitScore());
        assertEquals(PartnerEditor.PARTNER, updated.changedBy());
        assertEquals(tenant, events.get(0).tenantid());

        // A field left out is cleared; fewer niches served, a lower fit.
        putProfile(session, "{\"name\":\"Dana Whitfield, LPC\",\"clientsServed\":[\"couples\"]}")
                .then()
                .statusCode(200)
                .body("phone", nullValue())
                .body("website", nullValue())
                .body("specialties", equalTo(List.of()));
        as(tenant, "viewer").get("/api/partners/" + partnerId).then().body("fit.score", equalTo(33));

        // The partner's own change is announced even when only the clients they serve changed.
        putProfile(
                        session,
                        "{\"name\":\"Dana Whitfield, LPC\",\"clientsServed\":[\"couples\"],\"phone\":\"+1 555 0199\"}")
                .then()
                .statusCode(200);
        List<CloudEvent> all = partnerUpdates(partnerId, 3);
        assertEquals(3, all.size(), "every change of the partner's own is announced");
        PartnerUpdated second = EventCodec.data(all.get(1), EventTypes.PARTNER_UPDATED);
        assertEquals(33, second.fitScore());
        assertEquals(
                "Dana Whitfield, LPC",
                EventCodec.data(all.get(2), EventTypes.PARTNER_UPDATED).name());
        assertEquals(
                PartnerEditor.PARTNER,
                EventCodec.data(all.get(2), EventTypes.PARTNER_UPDATED).changedBy());
    }

    /** The partner's PartnerUpdated events on the topic, oldest first, once at least {@code atLeast} have arrived. */
    private List<CloudEvent> partnerUpdates(String partnerId, int atLeast) {
        return kafka
                .readUntil(
                        Topics.PARTNER_EVENTS,
                        Duration.ofSeconds(30),
                        seen -> seen.stream()
                                        .filter(r -> partnerId.equals(r.key())
                                                && r.value().contains(EventTypes.PARTNER_UPDATED.cloudEventType()))
                                        .count()
                                >= atLeast)
                .stream()
                .filter(r -> partnerId.equals(r.key()))
                .map(r -> EventCodec.decode(r.value()))
                .filter(e -> e.type().equals(EventTypes.PARTNER_UPDATED.cloudEventType()))
                .toList();
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        String[] partner = PortalSignIns.signedInPartner(tenant, "Careful Partner");
        String before = partner(partner[0]);
        for (String body : List.of(
                "{\"clientsServed\":[]}",
                "{\"name\":\"  \",\"clientsServed\":[]}",
                "{\"name\":\"N\"}",
                "{\"name\":\"N\",\"clientsServed\":[\"\"]}",
                "{\"name\":\"N\",\"clientsServed\":[],\"website\":\"ftp://x.example\"}",
                "{\"name\":\"N\",\"clientsServed\":[],\"phone\":\"call me\"}",
                "{\"name\":\"" + "n".repeat(201) + "\",\"clientsServed\":[]}",
                "{\"name\":\"N\u202e\",\"clientsServed\":[]}")) {
            putProfile(partner[1], body).then().statusCode(400).contentType(PROBLEM);
        }
        assertEquals(before, partner(partner[0]));
    }

    @Test
    void aRevokedPartnersSessionIsRefusedOnEveryPortalPath() {
        String[] partner = PortalSignIns.signedInPartner(tenant, "Soon Revoked");
        String session = partner[1];
        given().auth().oauth2(session).get("/api/portal/profile").then().statusCode(200);
        given().auth().oauth2(session).get("/api/portal/kit").then().statusCode(200);

        as(tenant, "member")
                .delete("/api/partners/" + partner[0] + "/portal-access")
                .then()
                .statusCode(204);
        String before = partner(partner[0]);
        for (String path : List.of("/api/portal/profile", "/api/portal/kit", "/api/portal/me")) {
            given().auth().oauth2(session).get(path).then().statusCode(401).contentType(PROBLEM);
        }
        putProfile(session, "{\"name\":\"Still Here\",\"clientsServed\":[\"couples\"]}")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
        assertEquals(before, partner(partner[0]));
        assertTrue(before.contains("Soon Revoked"));
    }

    @Test
    void anArchivedPartnerCannotChangeTheirDetails() {
        String[] partner = PortalSignIns.signedInPartner(tenant, "Archived Later");
        as(tenant, "owner").delete("/api/partners/" + partner[0]).then().statusCode(200);
        putProfile(partner[1], "{\"name\":\"Renamed\",\"clientsServed\":[]}")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("type", containsString("partner-archived"));
        as(tenant, "viewer").get("/api/partners?archived=true").then().body("items.name", hasItem("Archived Later"));
    }
}
