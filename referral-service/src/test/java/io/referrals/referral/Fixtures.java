package io.referrals.referral;

import static org.awaitility.Awaitility.await;

import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.PartnerCategory;
import io.referrals.events.Topics;
import io.referrals.events.partner.PartnerCreated;
import io.referrals.testing.Api;
import io.referrals.testing.KafkaTestClient;
import io.referrals.testing.PlatformTestResource;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Test data made the way production makes it: partners arrive as events on partner.events. */
final class Fixtures {
    private Fixtures() {}

    static RequestSpecification as(String tenantId, String role) {
        return Api.as(tenantId, role);
    }

    static KafkaTestClient kafka() {
        return new KafkaTestClient(PlatformTestResource.bootstrapServers());
    }

    /** Publishes PartnerCreated as partner-service would and waits until referral-service accepts referrals for it. */
    static UUID knownPartner(String tenantId, String name) {
        UUID partnerId = UUID.randomUUID();
        kafka().send(
                        Topics.PARTNER_EVENTS,
                        EventCodec.wrap(
                                EventTypes.PARTNER_CREATED,
                                "/partner-service",
                                tenantId,
                                partnerId.toString(),
                                new PartnerCreated(
                                        partnerId,
                                        name,
                                        name.toLowerCase().replace(' ', '.') + "@example.com",
                                        PartnerCategory.PROFESSIONAL,
                                        Instant.now())));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> as(tenantId, "viewer")
                                        .get("/api/referrals?partnerId=" + partnerId)
                                        .statusCode()
                                == 200
                        && as(tenantId, "owner")
                                        .body(referralBody(partnerId, "Probe", "probe@example.com"))
                                        .header("Idempotency-Key", "probe-" + partnerId)
                                        .post("/api/referrals")
                                        .statusCode()
                                == 201);
        return partnerId;
    }

    static String referralBody(UUID partnerId, String name, String email) {
        return """
                {"partnerId":"%s","referred":{"name":"%s","email":"%s"},"note":"Career change","consent":"outcome"}""".formatted(partnerId, name, email);
    }
}
