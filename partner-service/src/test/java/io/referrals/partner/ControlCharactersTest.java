package io.referrals.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.testing.Api;
import io.referrals.testing.DevTokens;
import io.referrals.testing.PlatformTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * NUL, control characters, bidirectional overrides and lone surrogates in stored text are a 400 on the field (or a
 * row error in an import) and store nothing; tabs and line breaks only in notes.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ControlCharactersTest {
    private final String tenant = "practice-" + UUID.randomUUID();

    private RequestSpecification as(String role) {
        return Api.as(tenant, role);
    }

    @Test
    void aPartnerWithAControlCharacterInAnyFieldIsRefusedAndNotStored() {
        String[][] refused = {
            {"{\"name\":\"Dana%sLee\",\"category\":\"colleague\"}", "name"},
            {"{\"name\":\"Dana Lee\",\"organization\":\"Lee%sCo\",\"category\":\"colleague\"}", "organization"},
            {"{\"name\":\"Dana Lee\",\"notes\":\"met%s\",\"category\":\"colleague\"}", "notes"},
            {"{\"name\":\"Dana Lee\",\"tags\":[\"bni%s\"],\"category\":\"colleague\"}", "tags"},
        };
        for (String[] row : refused) {
            for (String character : new String[] {"\\u0000", "\\u0007", "\\u202e", "\\u2067", "\\udc00", "\\u009b"}) {
                as("owner")
                        .body(row[0].formatted(character))
                        .post("/api/partners")
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors[0].field", containsString(row[1]))
                        .body("errors[0].message", containsString("must not contain"));
            }
        }
        as("owner")
                .body("{\"name\":\"Dana\\tLee\",\"category\":\"colleague\"}")
                .post("/api/partners")
                .then()
                .statusCode(400)
                .body("errors[0].message", containsString("one line"));
        as("viewer").get("/api/partners").then().body("total", equalTo(0));
        as("owner")
                .body(
                        "{\"name\":\"Dana Lee\",\"notes\":\"Met at BNI.\\n\\tTwo clients for us.\",\"category\":\"colleague\"}")
                .post("/api/partners")
                .then()
                .statusCode(201)
                .body("notes", equalTo("Met at BNI.\n\tTwo clients for us."));
    }

    @Test
    void anImportedCellWithAControlCharacterIsARowErrorAndTheRowIsNotImported() {
        String csv = "name,email,category,notes\r\n"
                + "Ann\u0000One,ann@example.com,client,\r\n"
                + "Ben Two,ben@example.com,client,\"line one\nline two\"\r\n"
                + "Cy\u202eThree,cy@example.com,client,\r\n";
        JsonPath report = given().auth()
                .oauth2(DevTokens.token(tenant, "member"))
                .contentType("text/csv; charset=UTF-8")
                .body(csv)
                .post("/api/partners/import")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(1, report.getInt("imported"));
        assertEquals(List.of(1, 3), report.getList("errors.row"));
        assertEquals(List.of("name", "name"), report.getList("errors.field"));
        as("viewer").get("/api/partners").then().body("total", equalTo(1)).body("items[0].name", equalTo("Ben Two"));
    }
}
