package io.referrals.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.partner.entity.AgreementDirection;
import io.referrals.partner.entity.AgreementKind;
import io.referrals.partner.service.AgreementCommands;
import io.referrals.partner.service.AgreementService;
import io.referrals.testing.Api;
import io.referrals.testing.DevTokens;
import io.referrals.testing.PlatformTestResource;
import io.referrals.testing.TestClock;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.QueryStatistics;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** Bounds on what one request may ask for or send (issue 10). */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class PartnerLimitsTest {
    private final String tenant = "practice-" + UUID.randomUUID();

    @Inject
    SessionFactory sessionFactory;

    @Inject
    AgreementService agreements;

    @Inject
    TestClock clock;

    private RequestSpecification as(String role) {
        return Api.as(tenant, role);
    }

    @Test
    void aPageTooDeepIsA400NamingPage() {
        as("viewer")
                .get("/api/partners?page=20000000&size=200")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("page"));
        as("viewer").get("/api/partners?page=10000&size=200").then().statusCode(200);
    }

    @Test
    void jsonBodiesAreHeldTo64KbButTheCsvImportTakesMoreAndThePracticeRescoresEveryPartnerInBatches() {
        as("owner")
                .body("{\"name\":\"Big\",\"category\":\"client\",\"notes\":\"" + "x".repeat(70 * 1024) + "\"}")
                .post("/api/partners")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", endsWith("body-too-large"));

        int partners = 450; // more than two re-scoring batches
        StringBuilder csv = new StringBuilder("name,category,niches,notes\r\n");
        for (int i = 0; i < partners; i++) {
            csv.append("Partner ")
                    .append(i)
                    .append(",professional,couples,")
                    .append("n".repeat(200))
                    .append("\r\n");
        }
        assertTrue(csv.length() > 64 * 1024);
        given().auth()
                .oauth2(DevTokens.token(tenant, "owner"))
                .contentType("text/csv; charset=UTF-8")
                .body(csv.toString())
                .post("/api/partners/import")
                .then()
                .statusCode(200)
                .body("imported", equalTo(partners));

        Statistics statistics = sessionFactory.getStatistics();
        assertTrue(statistics.isStatisticsEnabled(), "quarkus.hibernate-orm.statistics is on in the test profile");
        statistics.clear();
        as("owner")
                .body("{\"idealReferral\":{},\"niches\":[\"couples\"]}")
                .put("/api/practice")
                .then()
                .statusCode(200);
        // The partners were read a batch at a time: the queries that loaded the practice's partners by id ran at
        // least ceil(450 / 200) = 3 times, none of them more than 200 rows an execution on average, and together
        // they loaded every partner. Loading them all at once is one execution of 450 rows.
        List<String> batchQueries = Arrays.stream(statistics.getQueries())
                .filter(PartnerLimitsTest::loadsPartnersInIdOrder)
                .toList();
        long executions = 0;
        long rows = 0;
        for (String query : batchQueries) {
            QueryStatistics batch = statistics.getQueryStatistics(query);
            executions += batch.getExecutionCount();
            rows += batch.getExecutionRowCount();
            assertTrue(
                    batch.getExecutionRowCount() <= 200L * batch.getExecutionCount(),
                    query + " loaded " + batch.getExecutionRowCount() + " rows in " + batch.getExecutionCount()
                            + " executions");
        }
        assertTrue(
                executions >= 3,
                "partner queries " + Arrays.toString(statistics.getQueries()) + " ran " + executions + " times");
        assertEquals(partners, rows, "rows loaded by " + batchQueries);
        int fitting = 0;
        for (int page = 0; page < 3; page++) {
            List<Integer> scores = as("viewer")
                    .get("/api/partners?size=200&page=" + page)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items.fit.score");
            fitting += (int)
                    scores.stream().filter(score -> score != null && score > 0).count();
        }
        assertEquals(partners, fitting);
    }

    @Test
    void anAgreementListAnswersThe200NewestOfMore() {
        String partnerId = as("owner")
                .body("{\"name\":\"Dana Lee\",\"category\":\"professional\"}")
                .post("/api/partners")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // 205 agreements, each superseding the one before, made in-process (an HTTP round trip each would be slow),
        // a minute apart so that "newest" is unambiguous; the last one is ended over the API.
        int made = 205;
        List<UUID> ids = new ArrayList<>();
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        try {
            for (int i = 0; i < made; i++) {
                AgreementCommands.Create terms = new AgreementCommands.Create(
                        AgreementKind.INFORMAL,
                        AgreementDirection.ONE_WAY,
                        List.of("Agreement " + i),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);
                ids.add(agreements.create(tenant, UUID.fromString(partnerId), terms, "owner-1").id);
                clock.advance(Duration.ofMinutes(1));
            }
        } finally {
            clock.reset();
        }
        UUID newest = ids.get(made - 1);
        as("owner")
                .body("{\"reason\":\"The partner retired\"}")
                .post("/api/partners/" + partnerId + "/agreements/" + newest + "/end")
                .then()
                .statusCode(200)
                .body("status", equalTo("ended"));

        List<String> listed = as("viewer")
                .get("/api/partners/" + partnerId + "/agreements")
                .then()
                .statusCode(200)
                .body("$", hasSize(200))
                .body("[0].status", equalTo("ended"))
                .body("[1].status", equalTo("superseded"))
                .body("status", not(hasItem("active")))
                .extract()
                .path("id");
        // The 200 newest, newest first: the five oldest are left out, and still there one by one.
        List<String> expected = new ArrayList<>();
        for (int i = made - 1; i >= made - 200; i--) {
            expected.add(ids.get(i).toString());
        }
        assertEquals(expected, listed);
        as("viewer")
                .get("/api/partners/" + partnerId + "/agreements/" + ids.get(0))
                .then()
                .statusCode(200)
                .body("status", equalTo("superseded"))
                .body("supersededBy", equalTo(ids.get(1).toString()));
    }

    /** The practice's partners, in id order (as the re-scoring reads them), by the query Panache generates. */
    private static boolean loadsPartnersInIdOrder(String hql) {
        String query = hql.toLowerCase(Locale.ROOT).replace("`", "").replaceAll("\\s+", " ");
        return query.matches("from (\\w+\\.)*partner where tenantid = \\?1\\b.* order by id");
    }
}
