package io.referrals.metrics;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.PartnerCategory;
import io.referrals.events.PartnerStage;
import io.referrals.events.ReferralChannel;
import io.referrals.events.ReferralStatus;
import io.referrals.testing.Api;
import io.referrals.testing.PlatformTestResource;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Time to booking (issue 30): receipt to the first move to consultation_booked, beside time to convert, per partner,
 * per category and practice-wide, exactly once per referral, and the same after a rebuild from the events.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class TimeToBookingTest {
    private static final String RANGE = "from=2026-03-01&to=2026-03-31";
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final Events events = new Events("practice-" + UUID.randomUUID());
    /** Professional: booked after 36 hours then converted after 10 days (booked twice); booked after 12 hours; converted after 4 days without a booking. */
    private final UUID ana = UUID.randomUUID();
    /** Client: booked after 72 hours, converted after 6 days. */
    private final UUID ben = UUID.randomUUID();
    /** Colleague: converted after 2 days, never booked. */
    private final UUID cy = UUID.randomUUID();

    @Test
    void timeToBookingCountsTheFirstBookingOnceBesideTimeToConvertAndSurvivesARebuild() {
        Events.send(history());
        awaitFigures();
        Map<String, String> before = snapshot();

        String location = as("owner")
                .post("/api/metrics/rebuild")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> as("owner").get(location).then().statusCode(200).body("state", equalTo("done")));

        assertEquals(before, snapshot());
        figuresAreRight();
    }

    private List<CloudEvent> history() {
        List<CloudEvent> history = new ArrayList<>(List.of(
                events.profile("UTC", null, 30, T0),
                events.partnerCreated(
                        ana, "Ana", PartnerCategory.PROFESSIONAL, List.of("referral"), PartnerStage.TRUSTED, T0),
                events.partnerCreated(ben, "Ben", PartnerCategory.CLIENT, null, PartnerStage.TRUSTED, T0),
                events.partnerCreated(cy, "Cy", PartnerCategory.COLLEAGUE, null, PartnerStage.TRUSTED, T0)));

        // Booked after 36 hours; rebooked (cancelled, then booked again) on day 5, a move that arrives first; the
        // first booking is redelivered; converted on day 10, redelivered too.
        UUID bookedTwice = UUID.randomUUID();
        CloudEvent firstBooking = events.statusChanged(
                bookedTwice,
                ana,
                ReferralStatus.CONTACTED,
                ReferralStatus.CONSULTATION_BOOKED,
                T0.plus(Duration.ofHours(36)));
        CloudEvent conversion = events.converted(bookedTwice, ana, "900.00", "EUR", T0, T0.plus(Duration.ofDays(10)));
        history.addAll(List.of(
                events.received(bookedTwice, ana, ReferralChannel.API, T0, null),
                events.statusChanged(
                        bookedTwice,
                        ana,
                        ReferralStatus.CONTACTED,
                        ReferralStatus.CONSULTATION_BOOKED,
                        T0.plus(Duration.ofDays(5))),
                events.statusChanged(
                        bookedTwice,
                        ana,
                        ReferralStatus.RECEIVED,
                        ReferralStatus.CONTACTED,
                        T0.plus(Duration.ofHours(2))),
                firstBooking,
                firstBooking,
                conversion,
                conversion));

        // Booked 12 hours after its receipt on day 1, still open.
        UUID bookedOnly = UUID.randomUUID();
        Instant bookedOnlyReceived = T0.plus(Duration.ofDays(1));
        history.addAll(List.of(
                events.received(bookedOnly, ana, ReferralChannel.INTAKE_LINK, bookedOnlyReceived, null),
                events.statusChanged(
                        bookedOnly,
                        ana,
                        ReferralStatus.RECEIVED,
                        ReferralStatus.CONSULTATION_BOOKED,
                        bookedOnlyReceived.plus(Duration.ofHours(12)))));

        // Converted after 4 days without ever being booked: a time to convert, no time to booking.
        UUID neverBooked = UUID.randomUUID();
        history.addAll(List.of(
                events.received(neverBooked, ana, ReferralChannel.API, T0, null),
                events.statusChanged(
                        neverBooked, ana, ReferralStatus.RECEIVED, ReferralStatus.CONTACTED, T0.plusSeconds(60)),
                events.converted(neverBooked, ana, "100.00", "EUR", T0, T0.plus(Duration.ofDays(4)))));

        UUID bens = UUID.randomUUID();
        history.addAll(List.of(
                events.received(bens, ben, ReferralChannel.API, T0, null),
                events.statusChanged(
                        bens,
                        ben,
                        ReferralStatus.RECEIVED,
                        ReferralStatus.CONSULTATION_BOOKED,
                        T0.plus(Duration.ofHours(72))),
                events.converted(bens, ben, "300.00", "EUR", T0, T0.plus(Duration.ofDays(6)))));

        UUID cys = UUID.randomUUID();
        history.addAll(List.of(
                events.received(cys, cy, ReferralChannel.API, T0, null),
                events.converted(cys, cy, "200.00", "EUR", T0, T0.plus(Duration.ofDays(2)))));
        return history;
    }

    /** Waits for the last event of each referral and each partner, then checks every figure. */
    private void awaitFigures() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(this::figuresAreRight);
    }

    private void figuresAreRight() {
        // Ana: booked after 1.5 and 0.5 days (the rebooking and the redelivery change nothing), converted after 10
        // and 4 days.
        partner(ana)
                .body("category", equalTo("professional"))
                .body("referralsReceived", equalTo(3))
                .body("referralsConverted", equalTo(2))
                .body("averageDaysToConvert", equalTo(7.0f))
                .body("averageDaysToBook", equalTo(1.0f));
        partner(ben)
                .body("category", equalTo("client"))
                .body("averageDaysToConvert", equalTo(6.0f))
                .body("averageDaysToBook", equalTo(3.0f));
        partner(cy)
                .body("category", equalTo("colleague"))
                .body("averageDaysToConvert", equalTo(2.0f))
                .body("averageDaysToBook", nullValue());

        // Converted after 10, 4, 6 and 2 days: 5.5; booked after 1.5, 0.5 and 3 days: 5 / 3 = 1.7.
        as("viewer")
                .get("/api/metrics/summary?" + RANGE)
                .then()
                .statusCode(200)
                .body("received", equalTo(5))
                .body("converted", equalTo(4))
                .body("meanDaysToConvert", equalTo(5.5f))
                .body("averageDaysToBook", equalTo(1.7f));

        as("viewer")
                .get("/api/metrics/breakdown?by=category&" + RANGE)
                .then()
                .statusCode(200)
                .body("groups.find { it.key == 'professional' }.averageDaysToConvert", equalTo(7.0f))
                .body("groups.find { it.key == 'professional' }.averageDaysToBook", equalTo(1.0f))
                .body("groups.find { it.key == 'client' }.averageDaysToConvert", equalTo(6.0f))
                .body("groups.find { it.key == 'client' }.averageDaysToBook", equalTo(3.0f))
                .body("groups.find { it.key == 'colleague' }.averageDaysToConvert", equalTo(2.0f))
                .body("groups.find { it.key == 'colleague' }.averageDaysToBook", nullValue());

        as("viewer")
                .get("/api/metrics/partners?sort=daysToBook&order=asc")
                .then()
                .statusCode(200)
                .body("items.partnerName", equalTo(List.of("Ana", "Ben", "Cy")));

        as("viewer")
                .accept("text/csv")
                .get("/api/metrics/partners?sort=daysToBook&order=asc")
                .then()
                .statusCode(200)
                .body(containsString("conversionRate,averageDaysToConvert,averageDaysToBook,revenue"))
                // Stored like the time to convert (numeric(19, 4), one decimal's worth): the CSV shows the stored
                // scale.
                .body(containsString(",Ana,professional,referral,trusted,3,2,0.6667,7.0000,1.0000,1000.00 EUR,"))
                .body(containsString(",Cy,colleague,,trusted,1,1,1.0000,2.0000,,200.00 EUR,"));
    }

    private io.restassured.response.ValidatableResponse partner(UUID partnerId) {
        return as("viewer").get("/api/metrics/partners/" + partnerId).then().statusCode(200);
    }

    /** The reads that show days to booking, as JSON, keyed by path. */
    private Map<String, String> snapshot() {
        List<String> paths = new ArrayList<>(List.of(
                "/summary?" + RANGE,
                "/partners?size=50",
                "/breakdown?by=category&" + RANGE,
                "/breakdown?by=channel&" + RANGE,
                "/breakdown?by=allianceType&" + RANGE));
        List.of(ana, ben, cy).forEach(p -> paths.add("/partners/" + p));
        Map<String, String> snapshot = new LinkedHashMap<>();
        for (String path : paths) {
            Response response = as("viewer").get("/api/metrics" + path);
            assertEquals(200, response.statusCode(), path);
            snapshot.put(path, response.asString());
        }
        return snapshot;
    }

    private RequestSpecification as(String role) {
        return Api.as(events.tenant, role);
    }
}
