package io.referrals.partner;

import static io.referrals.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.testing.DevTokens;
import io.referrals.testing.PlatformTestResource;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class PartnerResourceTest {
    private final String tenant = "practice-" + UUID.randomUUID();

    private String createPartner(String name, String email) {
        return as(tenant, "owner")
                .body("{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"category\":\"professional\"}")
                .post("/api/partners")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/partners/"))
                .body("id", notNullValue())
                .body("name", equalTo(name))
                .body("category", equalTo("professional"))
                .extract()
                .path("id");
    }

    @Test
    void createsReadsListsAndUpdatesAPartner() {
        String id = createPartner("Dana Lee", "dana@example.com");

        as(tenant, "viewer")
                .get("/api/partners/" + id)
                .then()
                .statusCode(200)
                .body("email", equalTo("dana@example.com"));
        as(tenant, "viewer")
                .get("/api/partners")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items.id", hasItem(id));

        as(tenant, "member")
                .body("{\"name\":\"Dana Lee, LPC\"}")
                .patch("/api/partners/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Dana Lee, LPC"))
                .body("email", equalTo("dana@example.com"));
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyCreatesNothingNew() {
        String body = "{\"name\":\"Rae\",\"email\":\"rae@example.com\",\"category\":\"client\"}";
        String id = as(tenant, "owner")
                .header("Idempotency-Key", "sync-1")
                .body(body)
                .post("/api/partners")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(tenant, "owner")
                .header("Idempotency-Key", "sync-1")
                .body(body)
                .post("/api/partners")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", containsString(id))
                .body("id", equalTo(id));
        as(tenant, "owner")
                .header("Idempotency-Key", "sync-1")
                .body("{\"name\":\"Other\",\"category\":\"client\"}")
                .post("/api/partners")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        as(tenant, "viewer").get("/api/partners").then().body("total", equalTo(1));
    }

    @Test
    void rejectsInvalidInputWithFieldLevelProblems() {
        as(tenant, "owner")
                .body("{\"name\":\" \",\"email\":\"not-an-email\"}")
                .post("/api/partners")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("category"));

        as(tenant, "owner")
                .body("{\"name\":\"X\",\"category\":\"astrologer\"}")
                .post("/api/partners")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("category"));

        as(tenant, "owner")
                .body("{not json")
                .post("/api/partners")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");

        as(tenant, "viewer").get("/api/partners").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void duplicateEmailIsAConflictNamingTheExistingPartner() {
        String id = createPartner("Sam Ortiz", "sam@example.com");
        as(tenant, "owner")
                .body("{\"name\":\"Samuel\",\"email\":\"SAM@example.com\",\"category\":\"client\"}")
                .post("/api/partners")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("existingPartnerId", equalTo(id));
    }

    @Test
    void requiresAValidTokenWithATenant() {
        given().get("/api/partners")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().auth()
                .oauth2("not.a.token")
                .get("/api/partners")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(DevTokens.tokenSignedByAStranger(tenant))
                .get("/api/partners")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(DevTokens.token(null, "owner"))
                .get("/api/partners")
                .then()
                .statusCode(401);
    }

    @Test
    void viewersCannotWrite() {
        as(tenant, "viewer")
                .body("{\"name\":\"V\",\"category\":\"client\"}")
                .post("/api/partners")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void anotherPracticesPartnerIsNotFound() {
        String id = createPartner("Private Partner", "private@example.com");
        String stranger = "practice-" + UUID.randomUUID();
        as(stranger, "owner").get("/api/partners/" + id).then().statusCode(404).contentType("application/problem+json");
        as(stranger, "owner")
                .body("{\"name\":\"Hijacked\"}")
                .patch("/api/partners/" + id)
                .then()
                .statusCode(404);
        as(stranger, "owner").get("/api/partners").then().body("total", equalTo(0));
        as(tenant, "viewer").get("/api/partners/" + id).then().body("name", equalTo("Private Partner"));
    }

    @Test
    void listFiltersTakeEnumValuesAsTheyTravel() {
        createPartner("Pro", "pro@example.com");
        as(tenant, "owner")
                .body("{\"name\":\"Cli\",\"category\":\"client\",\"allianceTypes\":[\"joint_venture\"]}")
                .post("/api/partners")
                .then()
                .statusCode(201);
        as(tenant, "viewer")
                .queryParam("category", "professional")
                .get("/api/partners")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].name", equalTo("Pro"));
        as(tenant, "viewer")
                .queryParam("allianceType", "JOINT_VENTURE")
                .queryParam("stage", "identified")
                .get("/api/partners")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].name", equalTo("Cli"));
        as(tenant, "viewer")
                .queryParam("category", "astrologer")
                .get("/api/partners")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("category"))
                .body("errors[0].message", containsString("center_of_influence"));
    }

    @Test
    void servesOpenApiHealthAndMetrics() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths.'/api/partners'.post.operationId", equalTo("createPartner"))
                .body(
                        "paths.'/api/partners/{id}'.get.responses.'404'.content.'application/problem+json'",
                        notNullValue())
                .body("paths.'/api/partners'.get.responses.'401'.content.'application/problem+json'", notNullValue())
                .body("components.schemas.PartnerCategory.enum", hasItem("center_of_influence"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }
}
