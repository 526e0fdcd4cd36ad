package io.referrals.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.testing.PlatformTestResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(GreenMailResource.class)
class OpenApiTest {

    @Test
    void everyOperationIsNamedAndDocumentsItsProblems() {
        var openApi = given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = openApi.getMap("paths");
        List<String> unnamed = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (operation.get("operationId") == null) {
                unnamed.add(method + " " + path);
            }
        }));
        assertTrue(unnamed.isEmpty(), "operations without operationId: " + unnamed);
        given().get("/q/openapi?format=json")
                .then()
                .body("paths.'/api/notifications/{id}/send'.post.operationId", equalTo("sendNotification"))
                .body(
                        "paths.'/api/notifications/{id}/send'.post.responses.'409'.content.'application/problem+json'",
                        notNullValue())
                .body(
                        "paths.'/api/templates/{kind}'.put.responses.'400'.content.'application/problem+json'.examples",
                        notNullValue())
                .body("paths.'/api/tasks'.get.responses.'400'.content.'application/problem+json'", notNullValue())
                .body(
                        "paths.'/api/tasks/{id}/snooze'.post.requestBody.content.'application/json'.examples",
                        notNullValue())
                .body("paths.'/api/tasks'.get.responses.'401'.content.'application/problem+json'", notNullValue())
                .body("paths.'/api/unsubscribe/{token}'.post.responses.'401'", nullValue())
                .body("paths.'/api/unsubscribe/{token}'.post.responses.'403'", nullValue())
                .body("components.schemas.TaskKind.enum", hasItem("first_contact"))
                .body(
                        "components.schemas.TaskKind.enum",
                        hasItems("booking_unmatched", "booking_cancelled", "booking_no_show"))
                .body("components.schemas.NotificationStatus.enum", hasItem("drafted"))
                // Portal paths are open at the HTTP layer but need a portal session (Redocly: security-defined).
                .body("paths.'/api/portal/messages'.get.security[0]", hasKey("portalSession"))
                .body("components.securitySchemes.portalSession.scheme", equalTo("bearer"))
                .body("paths.'/api/portal/messages'.get.responses.'401'", notNullValue())
                .body("paths.'/api/portal/messages'.get.responses.'403'", nullValue())
                .body("paths.'/api/unsubscribe/{token}'.post.security", equalTo(List.of()))
                .body("info.license.name", notNullValue())
                .body("servers[0].url", equalTo("/"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** The events' AsyncAPI document (libs/event-contracts) beside the OpenAPI one, without a token. */
    @Test
    void servesTheEventsAsyncApiDocumentBesideTheOpenApiOne() {
        String yaml = given().get("/q/asyncapi")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/yaml"))
                .extract()
                .asString();
        assertTrue(
                yaml.startsWith("asyncapi: 3.0.0\n"), yaml.lines().findFirst().orElse(""));
        given().accept("application/json")
                .get("/q/asyncapi")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("asyncapi", equalTo("3.0.0"))
                .body("channels.partnerEvents.address", equalTo("partner.events"))
                .body(
                        "components.messages.'io.referrals.notification.sent.v1'.payload.allOf[1].properties.type.const",
                        equalTo("io.referrals.notification.sent.v1"));
        given().get("/q/asyncapi?format=json").then().statusCode(200).contentType(startsWith("application/json"));
    }
}
