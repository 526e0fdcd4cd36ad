package io.referrals.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.testing.DevTokens;
import io.referrals.testing.PlatformTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bounds on what one request may ask for or send (issue 10). */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class PartnerLimitsTest {
    private final String tenant = "practice-" + UUID.randomUUID();

    private RequestSpecification as(String role) {
        return given().auth().oauth2(DevTokens.token(tenant, role)).contentType(ContentType.JSON);
    }

    @Test
    void aPageTooDeepIsA400NamingPage() {
        as("viewer")
                .get("/api/partners?page=20000000&size=200")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("page"));
        as("viewer").get("/api/partners?page=10000&size=200").then().statusCode(200);
    }

    @Test
    void jsonBodiesAreHeldTo64KbButTheCsvImportTakesMoreAndThePracticeRescoresEveryPartnerInBatches() {
        as("owner")
                .body("{\"name\":\"Big\",\"category\":\"client\",\"notes\":\"" + "x".repeat(70 * 1024) + "\"}")
                .post("/api/partners")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", endsWith("body-too-large"));

        int partners = 450; // more than two re-scoring batches
        StringBuilder csv = new StringBuilder("name,category,niches,notes\r\n");
        for (int i = 0; i < partners; i++) {
            csv.append("Partner ")
                    .append(i)
                    .append(",professional,couples,")
                    .append("n".repeat(200))
                    .append("\r\n");
        }
        assertTrue(csv.length() > 64 * 1024);
        given().auth()
                .oauth2(DevTokens.token(tenant, "owner"))
                .contentType("text/csv; charset=UTF-8")
                .body(csv.toString())
                .post("/api/partners/import")
                .then()
                .statusCode(200)
                .body("imported", equalTo(partners));

        as("owner")
                .body("{\"idealReferral\":{},\"niches\":[\"couples\"]}")
                .put("/api/practice")
                .then()
                .statusCode(200);
        int fitting = 0;
        for (int page = 0; page < 3; page++) {
            List<Integer> scores = as("viewer")
                    .get("/api/partners?size=200&page=" + page)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items.fit.score");
            fitting += (int)
                    scores.stream().filter(score -> score != null && score > 0).count();
        }
        assertEquals(partners, fitting);
    }
}
