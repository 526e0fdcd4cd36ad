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
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The per-address intake limit behind a trusted proxy (issue 26): the test client is the proxy, so X-Forwarded-For
 * names the client, and the limit's key is that client's IPv4 address or IPv6 /64.
 */
@QuarkusTest
@TestProfile(IntakeBehindTrustedProxyTest.BehindTrustedProxy.class)
@WithTestResource(PlatformTestResource.class)
class IntakeBehindTrustedProxyTest {

    /** Forwarded headers honoured from loopback, where the test client connects from. */
    public static class BehindTrustedProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("HTTP_PROXY_FORWARDING", "true", "HTTP_TRUSTED_PROXIES", "127.0.0.0/8,::1/128");
        }
    }

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static RequestSpecification from(String forwardedFor) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", forwardedFor);
    }

    private void atAMinuteOfItsOwn(int days) {
        clock.set(Instant.now()
                .truncatedTo(ChronoUnit.MINUTES)
                .plus(Duration.ofDays(days))
                .plusSeconds(5));
    }

    @Test
    void twoAddressesInOneIpv6Slash64ShareOneCount() {
        atAMinuteOfItsOwn(11);
        for (int i = 0; i < 60; i++) {
            from("2001:db8:1:2::1")
                    .body("{}")
                    .post("/api/intake/il_v6_a" + i)
                    .then()
                    .statusCode(404);
        }
        for (int i = 0; i < 60; i++) {
            from("2001:db8:1:2:ffff:ffff:ffff:fffe")
                    .body("{}")
                    .post("/api/intake/il_v6_b" + i)
                    .then()
                    .statusCode(404);
        }
        from("2001:db8:1:2::3")
                .body("{}")
                .post("/api/intake/il_v6_c")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("instance", equalTo("/api/intake/{token}"));
        // The next /64 is another client, and so is the proxy itself: the forwarded address is the key.
        from("2001:db8:1:3::1").body("{}").post("/api/intake/il_v6_d").then().statusCode(404);
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/intake/il_v6_e")
                .then()
                .statusCode(404);
    }

    @Test
    void anIpv4MappedIpv6AddressCountsAsItsIpv4Address() {
        atAMinuteOfItsOwn(12);
        for (int i = 0; i < 60; i++) {
            from("198.51.100.7")
                    .body("{}")
                    .post("/api/intake/il_v4_a" + i)
                    .then()
                    .statusCode(404);
        }
        for (int i = 0; i < 60; i++) {
            from("::ffff:198.51.100.7")
                    .body("{}")
                    .post("/api/intake/il_v4_b" + i)
                    .then()
                    .statusCode(404);
        }
        from("198.51.100.7")
                .body("{}")
                .post("/api/intake/il_v4_c")
                .then()
                .statusCode(429)
                .contentType("application/problem+json");
        // IPv4 addresses are not grouped: the neighbour is another client.
        from("198.51.100.8").body("{}").post("/api/intake/il_v4_d").then().statusCode(404);
    }
}
