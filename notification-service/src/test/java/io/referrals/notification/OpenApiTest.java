package io.referrals.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
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
                .body("components.schemas.NotificationStatus.enum", hasItem("drafted"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
