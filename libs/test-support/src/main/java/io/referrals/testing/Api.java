package io.referrals.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** A service's API as a user of a practice calls it in tests: a token for the practice and role, JSON bodies. */
public final class Api {
    private Api() {}

    /** A request with a bearer token for {@code tenantId} in {@code role} (owner, member or viewer), sending JSON. */
    public static RequestSpecification as(String tenantId, String role) {
        return given().auth().oauth2(DevTokens.token(tenantId, role)).contentType(ContentType.JSON);
    }
}
