package io.referrals.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.referrals.testing.PlatformTestResource;
import io.referrals.testing.TestClock;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Forwarded headers are honoured only from the configured proxies (issue 26): with forwarding on and the proxies
 * configured to an address that is not the test client's, the client cannot choose its rate-limit key by sending
 * X-Forwarded-For.
 */
@QuarkusTest
@TestProfile(IntakeForwardedHeaderFromStrangerTest.ForwardingFromAnotherProxy.class)
@WithTestResource(PlatformTestResource.class)
class IntakeForwardedHeaderFromStrangerTest {

    /** Forwarding on, as in Kubernetes, trusting only 192.0.2.10 (a documentation address, never the test client). */
    public static class ForwardingFromAnotherProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("HTTP_PROXY_FORWARDING", "true", "HTTP_TRUSTED_PROXIES", "192.0.2.10");
        }
    }

    @Inject
    TestClock clock;

    @Test
    void aClientCannotRotateItsKeyWithXForwardedFor() {
        clock.set(Instant.now()
                .truncatedTo(ChronoUnit.MINUTES)
                .plus(Duration.ofDays(13))
                .plusSeconds(5));
        try {
            for (int i = 0; i < 120; i++) {
                given().contentType(ContentType.JSON)
                        .header("X-Forwarded-For", "198.51.100." + i)
                        .body("{}")
                        .post("/api/intake/il_rotating" + i)
                        .then()
                        .statusCode(404);
            }
            given().contentType(ContentType.JSON)
                    .header("X-Forwarded-For", "203.0.113.9")
                    .body("{}")
                    .post("/api/intake/il_rotating_more")
                    .then()
                    .statusCode(429)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("instance", equalTo("/api/intake/{token}"));
        } finally {
            clock.reset();
        }
    }
}
