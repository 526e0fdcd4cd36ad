package io.referrals.metrics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.Money;
import io.referrals.events.PartnerCategory;
import io.referrals.events.PartnerStage;
import io.referrals.events.ReferralChannel;
import io.referrals.metrics.service.projection.Dormancy;
import io.referrals.testing.Api;
import io.referrals.testing.DevTokens;
import io.referrals.testing.PlatformTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class MetricsEndpointsTest {
    private static final String RANGE = "from=2026-03-01&to=2026-03-31";
    private final Events events = new Events("practice-" + UUID.randomUUID());
    private final UUID partnerId = UUID.randomUUID();

    @Inject
    Dormancy dormancy;

    private final Instant march = Instant.parse("2026-03-02T10:00:00Z");

    private RequestSpecification as(String role) {
        return Api.as(events.tenant, role);
    }

    /** Four referrals from one partner (one converted), one given back, a goal of 10 a month. */
    private void seed() {
        UUID converted = UUID.randomUUID();
        Events.send(List.of(
                events.profile("UTC", 10, 30, march),
                events.partnerCreated(
                        partnerId,
                        "=Dana Lee",
                        PartnerCategory.PROFESSIONAL,
                        List.of("referral"),
                        PartnerStage.TRUSTED,
                        march),
                events.received(converted, partnerId, ReferralChannel.INTAKE_LINK, march, null),
                events.received(UUID.randomUUID(), partnerId, ReferralChannel.API, march.plusSeconds(60), null),
                events.received(UUID.randomUUID(), partnerId, ReferralChannel.API, march.plusSeconds(120), null),
                events.received(UUID.randomUUID(), partnerId, null, march.plusSeconds(180), null),
                events.converted(converted, partnerId, "1000.00", "USD", march, march.plus(Duration.ofDays(4))),
                events.given(partnerId, LocalDate.of(2026, 3, 5), new Money(new BigDecimal("300.00"), "USD"))));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as("viewer")
                        .get("/api/metrics/summary?" + RANGE)
                        .then()
                        .statusCode(200)
                        .body("received", equalTo(4))
                        .body("converted", equalTo(1))
                        .body("given", equalTo(1))
                        // partner.events and referral.events are consumed independently: wait for the partner too.
                        .body("partners.active", equalTo(1)));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as("viewer")
                        .get("/api/metrics/goals?month=2026-03")
                        .then()
                        .statusCode(200)
                        .body("target", equalTo(10)));
    }

    @Test
    void readsShowThePracticesNumbers() {
        seed();
        as("viewer")
                .get("/api/metrics/summary?" + RANGE)
                .then()
                .statusCode(200)
                .body("conversionRate", equalTo(0.25f))
                .body("meanDaysToConvert", equalTo(4.0f))
                .body("revenue[0].amount", equalTo("1000.00"))
                .body("partners.active", equalTo(1));
        as("viewer")
                .get("/api/metrics/timeseries?metric=revenue&interval=month&" + RANGE)
                .then()
                .statusCode(200)
                .body("points[0].start", equalTo("2026-03-01"))
                .body("points[0].currency", equalTo("USD"))
                .body("points[0].value", equalTo(1000.0f));
        as("viewer")
                .get("/api/metrics/timeseries?metric=received&interval=week&partnerId=" + partnerId + "&" + RANGE)
                .then()
                .statusCode(200)
                .body("points[0].start", equalTo("2026-02-23"))
                .body("points[1].value", equalTo(4))
                .body("points.size()", equalTo(6));
        as("viewer")
                .get("/api/metrics/partners?sort=conversionRate&category=professional&allianceType=referral")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].referralsReceived", equalTo(4))
                .body("items[0].balance", equalTo(3))
                .body("items[0].givenValue[0].amount", equalTo("300.00"));
        as("viewer")
                .get("/api/metrics/partners/" + partnerId)
                .then()
                .statusCode(200)
                .body("months.size()", equalTo(12))
                .body("stage", equalTo("trusted"));
        as("viewer")
                .get("/api/metrics/breakdown?by=channel&" + RANGE)
                .then()
                .statusCode(200)
                .body("groups.find { it.key == 'api' }.received", equalTo(3))
                .body("groups.find { it.key == 'intake_link' }.converted", equalTo(1))
                .body("groups.find { it.key == 'given' }.given", equalTo(1));
        as("viewer")
                .get("/api/metrics/breakdown?by=allianceType&" + RANGE)
                .then()
                .statusCode(200)
                .body("groups[0].key", equalTo("referral"))
                .body("groups[0].received", equalTo(4));
        as("viewer")
                .get("/api/metrics/reciprocity")
                .then()
                .statusCode(200)
                .body("totals.balance", equalTo(3))
                .body("partners.items[0].givesTooLittle", equalTo(true));
        as("viewer")
                .get("/api/metrics/funnel?" + RANGE)
                .then()
                .statusCode(200)
                .body("steps.find { it.status == 'converted' }.reached", equalTo(1))
                .body("steps.find { it.status == 'contacted' }.reached", equalTo(1));
        dormancy.scan();
        as("viewer")
                .get("/api/metrics/dormant")
                .then()
                .statusCode(200)
                .body("items.find { it.partnerId == '" + partnerId + "' }.partnerName", equalTo("=Dana Lee"));
    }

    @Test
    void csvGivesTheSameRowsSpreadsheetSafe() {
        seed();
        as("viewer")
                .accept("text/csv")
                .get("/api/metrics/partners")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .body(startsWith("partnerId,partnerName,category"))
                .body(containsString(",'=Dana Lee,professional,"));
        as("viewer")
                .accept("text/csv")
                .get("/api/metrics/timeseries?metric=received&" + RANGE)
                .then()
                .statusCode(200)
                .body(equalTo("start,currency,value\r\n2026-03-01,,4\r\n"));
        as("viewer")
                .accept("text/csv")
                .get("/api/metrics/reciprocity")
                .then()
                .statusCode(200)
                .body(containsString(",4,1,3,1000.00 USD,300.00 USD,true"));
        as("viewer")
                .accept("text/csv")
                .get("/api/metrics/breakdown?by=stage&" + RANGE)
                .then()
                .statusCode(200)
                .body(
                        startsWith(
                                "key,received,converted,conversionRate,averageDaysToConvert,averageDaysToBook,revenue,given\r\n"))
                .body(containsString("trusted,4,1,0.2500,4.0,,1000.00 USD,1"));
    }

    @Test
    void goalsTrackTheMonthAndTheShareOfNewClients() {
        seed();
        as("viewer")
                .get("/api/metrics/goals?month=2026-03")
                .then()
                .statusCode(200)
                .body("target", equalTo(10))
                .body("received", equalTo(4))
                .body("converted", equalTo(1))
                .body("newClients", equalTo(null));
        as("owner")
                .contentType(ContentType.JSON)
                .body("{\"count\":0}")
                .put("/api/metrics/new-clients/2026-03")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        as("viewer")
                .contentType(ContentType.JSON)
                .body("{\"count\":4}")
                .put("/api/metrics/new-clients/2026-03")
                .then()
                .statusCode(403);
        as("owner")
                .contentType(ContentType.JSON)
                .body("{\"count\":4}")
                .put("/api/metrics/new-clients/2026-03")
                .then()
                .statusCode(204);
        as("viewer")
                .get("/api/metrics/goals?month=2026-03")
                .then()
                .statusCode(200)
                .body("newClients", equalTo(4))
                .body("referralShare", equalTo(0.25f));
    }

    @Test
    void badInputIsA400NamingTheParameter() {
        badRequest("/api/metrics/timeseries?metric=visits", "metric");
        badRequest("/api/metrics/timeseries?interval=day", "interval");
        badRequest("/api/metrics/timeseries?partnerId=" + partnerId + "&category=client", "partnerId");
        badRequest("/api/metrics/breakdown?by=city", "by");
        badRequest("/api/metrics/partners?sort=height", "sort");
        badRequest("/api/metrics/reciprocity?order=up", "order");
        badRequest("/api/metrics/summary?from=2026-04-01&to=2026-03-01", "from");
        badRequest("/api/metrics/summary?from=2020-01-01&to=2026-03-01", "from");
        badRequest("/api/metrics/funnel?to=March", "to");
        badRequest("/api/metrics/goals?month=2026-3", "month");
        as("owner")
                .contentType(ContentType.JSON)
                .body("{\"count\":1}")
                .put("/api/metrics/new-clients/March")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("month"));
    }

    private void badRequest(String path, String parameter) {
        as("viewer")
                .get(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(parameter));
    }

    @Test
    void anotherPracticeSeesNothingAndAnonymousCallsAreRefused() {
        seed();
        String stranger = DevTokens.token("practice-" + UUID.randomUUID(), "owner");
        given().auth()
                .oauth2(stranger)
                .get("/api/metrics/summary?" + RANGE)
                .then()
                .statusCode(200)
                .body("received", equalTo(0));
        given().auth()
                .oauth2(stranger)
                .get("/api/metrics/partners")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        given().auth()
                .oauth2(stranger)
                .get("/api/metrics/partners/" + partnerId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(stranger)
                .get("/api/metrics/reciprocity")
                .then()
                .statusCode(200)
                .body("totals.received", equalTo(0));
        for (String path : List.of(
                "summary", "timeseries", "partners", "breakdown", "reciprocity", "funnel", "goals", "dormant")) {
            given().get("/api/metrics/" + path).then().statusCode(401).contentType("application/problem+json");
        }
    }

    /** A referral a partner made in the portal (issue 28) is its own channel, beside the API and intake links. */
    @Test
    void aPortalReferralCountsUnderTheChannelPortal() {
        Events.send(List.of(
                events.received(UUID.randomUUID(), partnerId, ReferralChannel.PORTAL, march, null),
                events.received(UUID.randomUUID(), partnerId, ReferralChannel.PORTAL, march.plusSeconds(60), null),
                events.received(UUID.randomUUID(), partnerId, ReferralChannel.API, march.plusSeconds(120), null)));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as("viewer")
                        .get("/api/metrics/breakdown?by=channel&" + RANGE)
                        .then()
                        .statusCode(200)
                        .body("groups.find { it.key == 'portal' }.received", equalTo(2))
                        .body("groups.find { it.key == 'api' }.received", equalTo(1)));
        as("viewer").get("/api/metrics/summary?" + RANGE).then().statusCode(200).body("received", equalTo(3));
    }

    @Test
    void everyOperationIsDocumented() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths.'/api/metrics/summary'.get.operationId", equalTo("getSummary"))
                .body("paths.'/api/metrics/timeseries'.get.responses.'400'", org.hamcrest.Matchers.notNullValue())
                .body(
                        "paths.'/api/metrics/new-clients/{month}'.put.responses.'422'",
                        org.hamcrest.Matchers.notNullValue());
    }
}
