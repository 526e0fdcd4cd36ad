package io.referrals.referral;

import static io.referrals.referral.Fixtures.as;
import static io.referrals.referral.Fixtures.knownPartner;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.testing.PlatformTestResource;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * NUL, control characters, bidirectional overrides and lone surrogates in stored text are a 400 on the field, on the
 * public intake (anyone holding a link) as on the practice's API; tabs and line breaks only in notes.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ControlCharactersTest {
    private final String tenant = "practice-" + UUID.randomUUID();

    @Test
    void thePublicIntakeRefusesControlCharactersInEveryFieldItStoresAndStoresNothing() {
        String token = as(tenant, "owner")
                .body("{\"name\":\"Website form\"}")
                .post("/api/intake-links")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        String[][] refused = {
            // the JSON body, with %s where the character goes, and the field the 400 names
            {
                "{\"referrer\":{\"name\":\"Web%sForm\"},\"referred\":{\"name\":\"Ann\",\"email\":\"ann@example.com\"}}",
                "referrer.name"
            },
            {"{\"referred\":{\"name\":\"Ann%s\",\"email\":\"ann@example.com\"}}", "referred.name"},
            {"{\"referred\":{\"name\":\"Ann\",\"email\":\"ann%s@example.com\"}}", "referred.email"},
            {"{\"referred\":{\"name\":\"Ann\",\"phone\":\"+1 555%s0100\"}}", "referred.phone"},
            {"{\"referred\":{\"name\":\"Ann\",\"email\":\"ann@example.com\"},\"note\":\"call%s back\"}", "note"},
        };
        for (String[] row : refused) {
            for (String character : new String[] {"\\u0000", "\\u202e", "\\ud800", "\\u0085"}) {
                given().contentType(ContentType.JSON)
                        .body(row[0].formatted(character))
                        .post("/api/intake/" + token)
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors[0].field", equalTo(row[1]))
                        .body("errors[0].message", containsString("must not contain"));
            }
        }
        // One-line fields refuse tabs and line breaks; a note keeps them.
        given().contentType(ContentType.JSON)
                .body("{\"referred\":{\"name\":\"Ann\\nMarie\",\"email\":\"ann@example.com\"}}")
                .post("/api/intake/" + token)
                .then()
                .statusCode(400)
                .body("errors[0].message", containsString("one line"));
        given().contentType(ContentType.JSON)
                .body("{\"referrer\":{\"name\":\"Web Form\",\"email\":\"form@example.com\"},"
                        + "\"referred\":{\"name\":\"Ann Marie\",\"email\":\"ann@example.com\"},"
                        + "\"note\":\"Prefers evenings.\\n\\tCall after 6.\"}")
                .post("/api/intake/" + token)
                .then()
                .statusCode(201);
        as(tenant, "viewer").get("/api/referrals").then().body("total", equalTo(1));
    }

    @Test
    void thePracticesApiRefusesThemToo() {
        UUID partner = knownPartner(tenant, "Dana Lee");
        as(tenant, "member")
                .body(
                        "{\"partnerId\":\"" + partner
                                + "\",\"referred\":{\"name\":\"Riley\\u0000Moss\",\"email\":\"riley@example.com\"},\"consent\":\"none\"}")
                .post("/api/referrals")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("referred.name"));
        as(tenant, "member")
                .body(
                        "{\"partnerId\":\"" + partner
                                + "\",\"referred\":{\"name\":\"Riley Moss\",\"email\":\"riley@example.com\"},\"consent\":\"none\",\"note\":\"\\u202egnp.exe\"}")
                .post("/api/referrals")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("note"))
                .body("errors[0].message", containsString("bidirectional"));
        // Only the probe referral the fixture makes to know the partner has arrived.
        as(tenant, "viewer").get("/api/referrals").then().body("total", equalTo(1));
    }
}
