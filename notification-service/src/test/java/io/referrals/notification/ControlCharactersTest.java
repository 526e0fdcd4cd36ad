package io.referrals.notification;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.testing.PlatformTestResource;
import org.junit.jupiter.api.Test;

/**
 * NUL, control characters and bidirectional overrides in what the practice stores here (its settings, a template, a
 * draft) are a 400 on the field and change nothing; tabs and line breaks only in a signature, a body.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(GreenMailResource.class)
class ControlCharactersTest {
    private final Events events = new Events();

    @Test
    void settingsAndTemplatesRefuseControlCharactersAndKeepLineBreaksWhereTheyBelong() {
        events.as("owner")
                .body("{\"practiceName\":\"Blake\\u202eCoaching\",\"signature\":\"Jordan\"}")
                .put("/api/notifications/settings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("practiceName"))
                .body("errors[0].message", containsString("U+202E"));
        events.as("owner")
                .body("{\"practiceName\":\"Blake Coaching\",\"signature\":\"Jordan\\u0000\"}")
                .put("/api/notifications/settings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("signature"));
        events.as("viewer")
                .get("/api/notifications/settings")
                .then()
                .body("practiceName", org.hamcrest.Matchers.nullValue());
        events.as("owner")
                .body("{\"practiceName\":\"Blake Coaching\",\"signature\":\"Jordan Blake\\nBlake Coaching\"}")
                .put("/api/notifications/settings")
                .then()
                .statusCode(200)
                .body("signature", equalTo("Jordan Blake\nBlake Coaching"));

        events.as("owner")
                .body("{\"subject\":\"Thanks\\n\",\"body\":\"Dear {referrerFirstName},\\n\\nThanks.\"}")
                .put("/api/templates/referral_thank_you")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("subject"));
        events.as("owner")
                .body("{\"subject\":\"Thanks\",\"body\":\"Dear {referrerFirstName},\\u0000\"}")
                .put("/api/templates/referral_thank_you")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
        events.as("viewer").get("/api/templates/referral_thank_you").then().body("custom", equalTo(false));
    }
}
