package io.referrals.metrics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.Money;
import io.referrals.events.PartnerCategory;
import io.referrals.events.PartnerStage;
import io.referrals.events.ReferralChannel;
import io.referrals.events.ReferralStatus;
import io.referrals.events.RewardType;
import io.referrals.testing.DevTokens;
import io.referrals.testing.PlatformTestResource;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A few hundred events of one practice, shuffled across both topics and partly redelivered, must give the numbers of a
 * straight recount of the same history (computed here from the scenario, not from the service).
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class RecountTest {
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final List<PartnerCategory> CATEGORIES =
            List.of(PartnerCategory.PROFESSIONAL, PartnerCategory.CLIENT, PartnerCategory.ORGANIZATION);

    private final Events events = new Events("practice-" + UUID.randomUUID());
    private final Random random = new Random(8);
    private final List<CloudEvent> history = new ArrayList<>();
    private final Recount expected = new Recount();

    /** The expected numbers, counted straight from the scenario. */
    static final class Recount {
        final Map<UUID, long[]> partner = new TreeMap<>(); // received, converted, closed, given
        final Map<UUID, List<BigDecimal>> daysToBook = new TreeMap<>();
        final Map<UUID, PartnerCategory> category = new TreeMap<>();
        final Map<String, BigDecimal> revenue = new TreeMap<>();
        final Map<String, Long> closed = new TreeMap<>();
        final Map<String, Long> byChannel = new TreeMap<>();
        final Map<YearMonth, Long> receivedByMonth = new TreeMap<>();
        final TreeMap<LocalDate, Long> receivedByDay = new TreeMap<>();
        final Map<String, Long> reached = new TreeMap<>();
        BigDecimal feesOwed = BigDecimal.ZERO;
        BigDecimal feesPaid = BigDecimal.ZERO;
        long received;
        long converted;
        long given;
        long overdue; // open, never contacted, deadline two days after receipt (all before today)

        long[] of(UUID partnerId) {
            return partner.computeIfAbsent(partnerId, id -> new long[4]);
        }

        void reach(ReferralStatus status) {
            reached.merge(status.json(), 1L, Long::sum);
        }
    }

    @Test
    void shuffledAndRedeliveredEventsGiveTheRecount() {
        feed();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(this::summaryMatches);
        leaderboardMatches();
        breakdownsMatch();
        timeseriesMatches();
        funnelMatches();
        batchesWereTimed();
    }

    /** The inbox times each poll's transaction and its wait for the practice's lock, as histograms for operators. */
    private static void batchesWereTimed() {
        String scrape = given().get("/q/metrics").asString();
        for (String timer : List.of("inbox_batch_seconds", "inbox_batch_lock_wait_seconds")) {
            Matcher count = Pattern.compile(
                            "(?m)^" + timer + "_count\\{[^}]*service=\"metrics-service\"[^}]*} ([0-9.E]+)$")
                    .matcher(scrape);
            assertTrue(count.find() && Double.parseDouble(count.group(1)) > 0, timer + " counted no batch");
            assertTrue(scrape.contains(timer + "_bucket{"), timer + " is not a histogram");
        }
    }

    /** Ranges starting and ending mid-month read whole months from the roll-up: they must still sum their days. */
    @Test
    void midMonthRangesGiveTheSumOfTheirDays() {
        feed();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(this::summaryMatches);
        for (String[] range : List.of(
                new String[] {"2025-02-14", "2025-11-17"},
                new String[] {"2025-03-05", "2025-03-20"},
                new String[] {"2025-04-30", "2025-06-01"},
                new String[] {"2025-01-01", "2025-12-31"})) {
            rangeMatchesDays(LocalDate.parse(range[0]), LocalDate.parse(range[1]));
        }
    }

    private void rangeMatchesDays(LocalDate from, LocalDate to) {
        String range = "from=" + from + "&to=" + to;
        long received = expected.receivedByDay.subMap(from, to.plusDays(1)).values().stream()
                .mapToLong(Long::longValue)
                .sum();
        assertEquals(received, get("/api/metrics/summary?" + range).getLong("received"), range);
        assertEquals(
                received,
                get("/api/metrics/breakdown?by=channel&" + range).getList("groups.received", Long.class).stream()
                        .mapToLong(Long::longValue)
                        .sum(),
                range);
        assertEquals(
                received,
                get("/api/metrics/funnel?" + range).getLong("steps.find { it.status == 'received' }.reached"),
                range);
        JsonPath series = get("/api/metrics/timeseries?metric=received&interval=month&" + range);
        for (LocalDate month = from.withDayOfMonth(1); !month.isAfter(to); month = month.plusMonths(1)) {
            LocalDate start = month.isBefore(from) ? from : month;
            LocalDate end = month.plusMonths(1).isAfter(to) ? to.plusDays(1) : month.plusMonths(1);
            long days = expected.receivedByDay.subMap(start, end).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            assertEquals(
                    days, series.getLong("points.find { it.start == '" + month + "' }.value"), range + " " + month);
        }
    }

    private void feed() {
        history.add(events.profile("America/New_York", 10, 30, START));
        List<UUID> partners = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            partners.add(partner(i));
        }
        for (int i = 0; i < 90; i++) {
            referral(partners.get(random.nextInt(partners.size())));
        }
        for (int i = 0; i < 20; i++) {
            giveTo(partners.get(random.nextInt(partners.size())));
        }
        List<CloudEvent> delivery = new ArrayList<>(history);
        for (int i = 0; i < history.size() / 10; i++) {
            delivery.add(history.get(random.nextInt(history.size())));
        }
        Collections.shuffle(delivery, random);
        Events.send(delivery);
    }

    private UUID partner(int index) {
        UUID id = UUID.randomUUID();
        PartnerCategory first = CATEGORIES.get(index % CATEGORIES.size());
        history.add(events.partnerCreated(
                id,
                "Partner " + index,
                first,
                List.of(index % 2 == 0 ? "referral" : "cross"),
                PartnerStage.TRUSTED,
                START));
        PartnerCategory current = first;
        if (index == 0) {
            current = PartnerCategory.CENTER_OF_INFLUENCE;
            history.add(events.partnerUpdated(id, "Partner 0", current, null, null, START.plusSeconds(86_400)));
        }
        expected.category.put(id, current);
        expected.of(id);
        return id;
    }

    private void referral(UUID partnerId) {
        UUID id = UUID.randomUUID();
        Instant received = START.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 420)));
        ReferralChannel channel = random.nextBoolean() ? ReferralChannel.API : ReferralChannel.INTAKE_LINK;
        history.add(events.received(id, partnerId, channel, received, received.plus(Duration.ofDays(2))));
        count(partnerId, received, channel);
        Instant at = received;
        int steps = random.nextInt(3);
        List<ReferralStatus> path =
                List.of(ReferralStatus.RECEIVED, ReferralStatus.CONTACTED, ReferralStatus.CONSULTATION_BOOKED);
        for (int step = 1; step <= steps; step++) {
            at = at.plus(Duration.ofHours(1 + random.nextInt(100)));
            history.add(events.statusChanged(id, partnerId, path.get(step - 1), path.get(step), at));
            if (path.get(step) == ReferralStatus.CONSULTATION_BOOKED) {
                long seconds = Duration.between(received, at).toSeconds();
                expected.daysToBook
                        .computeIfAbsent(partnerId, p -> new ArrayList<>())
                        .add(BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(86_400), 4, RoundingMode.HALF_UP));
            }
        }
        int outcome = random.nextInt(10);
        at = at.plus(Duration.ofHours(1 + random.nextInt(300)));
        if (outcome < 4) {
            convert(id, partnerId, path.get(steps), received, at);
        } else if (outcome < 7) {
            close(id, partnerId, path.get(steps), received, at);
        } else {
            for (int step = 1; step <= steps; step++) {
                expected.reach(path.get(step));
            }
            if (steps == 0) {
                expected.overdue++;
            }
        }
    }

    private void count(UUID partnerId, Instant received, ReferralChannel channel) {
        expected.received++;
        expected.of(partnerId)[0]++;
        expected.byChannel.merge(channel.json(), 1L, Long::sum);
        expected.receivedByMonth.merge(YearMonth.from(received.atZone(ZONE)), 1L, Long::sum);
        expected.receivedByDay.merge(LocalDate.from(received.atZone(ZONE)), 1L, Long::sum);
        expected.reach(ReferralStatus.RECEIVED);
    }

    private void convert(UUID id, UUID partnerId, ReferralStatus from, Instant received, Instant at) {
        String currency = random.nextInt(4) == 0 ? "EUR" : "USD";
        BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(2000)).setScale(2);
        history.add(events.statusChanged(id, partnerId, from, ReferralStatus.CONVERTED, at));
        history.add(events.converted(id, partnerId, amount.toPlainString(), currency, received, at));
        expected.converted++;
        expected.of(partnerId)[1]++;
        expected.revenue.merge(currency, amount, BigDecimal::add);
        List.of(ReferralStatus.CONTACTED, ReferralStatus.CONSULTATION_BOOKED, ReferralStatus.CONVERTED)
                .forEach(expected::reach);
        if (currency.equals("USD")) {
            UUID reward = UUID.randomUUID();
            Money fee = new Money(amount.divide(BigDecimal.TEN), "USD");
            history.add(events.rewardEarned(reward, id, partnerId, RewardType.REFERRAL_FEE, fee, at));
            expected.feesOwed = expected.feesOwed.add(fee.amount());
            if (random.nextBoolean()) {
                history.add(events.rewardPaid(reward, id, partnerId, fee, at.plus(Duration.ofDays(3))));
                expected.feesPaid = expected.feesPaid.add(fee.amount());
            }
        }
    }

    private void close(UUID id, UUID partnerId, ReferralStatus from, Instant received, Instant at) {
        ReferralStatus outcome = List.of(ReferralStatus.NOT_A_FIT, ReferralStatus.DECLINED, ReferralStatus.NO_RESPONSE)
                .get(random.nextInt(3));
        history.add(events.statusChanged(id, partnerId, from, outcome, at));
        history.add(events.closed(id, partnerId, outcome, received, at));
        expected.closed.merge(outcome.json(), 1L, Long::sum);
        expected.of(partnerId)[2]++;
        expected.reach(outcome);
        List<ReferralStatus> path = List.of(ReferralStatus.CONTACTED, ReferralStatus.CONSULTATION_BOOKED);
        for (int step = 0; step < path.indexOf(from) + 1; step++) {
            expected.reach(path.get(step));
        }
    }

    private void giveTo(UUID partnerId) {
        LocalDate on = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(400));
        history.add(events.given(partnerId, on, new Money(new BigDecimal("50.00"), "USD")));
        expected.given++;
        expected.of(partnerId)[3]++;
    }

    private JsonPath get(String path) {
        return given().auth()
                .oauth2(DevTokens.token(events.tenant, "viewer"))
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static final String RANGE = "from=2024-12-01&to=2026-06-30";

    private void summaryMatches() {
        JsonPath summary = get("/api/metrics/summary?" + RANGE);
        assertEquals(expected.received, summary.getLong("received"));
        assertEquals(expected.given, summary.getLong("given"));
        assertEquals(expected.converted, summary.getLong("converted"));
        assertEquals(
                expected.closed.values().stream().mapToLong(Long::longValue).sum(),
                summary.getLong("closedWithoutConversion.total"));
        expected.closed.forEach(
                (reason, count) -> assertEquals(count, summary.getLong("closedWithoutConversion.byReason." + reason)));
        expected.revenue.forEach((currency, amount) -> assertEquals(
                amount.toPlainString(),
                summary.getString("revenue.find { it.currency == '" + currency + "' }.amount")));
        assertEquals(expected.feesOwed.setScale(2).toPlainString(), summary.getString("feesOwed[0].amount"));
        assertEquals(expected.feesPaid.setScale(2).toPlainString(), summary.getString("feesPaid[0].amount"));
        assertEquals(expected.overdue, summary.getLong("firstContacts.overdueNow"));
        List<BigDecimal> allBooked =
                expected.daysToBook.values().stream().flatMap(List::stream).toList();
        assertEquals(average(allBooked), summary.getDouble("averageDaysToBook"), 1e-9);
    }

    private void leaderboardMatches() {
        JsonPath board = get("/api/metrics/partners?size=200");
        assertEquals(expected.partner.size(), board.getInt("total"));
        expected.partner.forEach((id, counts) -> {
            String row = "items.find { it.partnerId == '" + id + "' }.";
            assertEquals(counts[0], board.getLong(row + "referralsReceived"), "received of " + id);
            assertEquals(counts[1], board.getLong(row + "referralsConverted"), "converted of " + id);
            assertEquals(counts[2], board.getLong(row + "referralsClosed"), "closed of " + id);
            assertEquals(counts[3], board.getLong(row + "referralsGiven"), "given of " + id);
            assertEquals(expected.category.get(id).json(), board.getString(row + "category"));
            List<BigDecimal> booked = expected.daysToBook.getOrDefault(id, List.of());
            if (booked.isEmpty()) {
                assertNull(board.get(row + "averageDaysToBook"), "days to book of " + id);
            } else {
                assertEquals(
                        average(booked), board.getDouble(row + "averageDaysToBook"), 1e-9, "days to book of " + id);
            }
        });
    }

    /** The mean of four-decimal days to one decimal, half to even, as the service computes it. */
    private static double average(List<BigDecimal> days) {
        return days.stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(days.size()), 1, RoundingMode.HALF_EVEN)
                .doubleValue();
    }

    private void breakdownsMatch() {
        JsonPath byCategory = get("/api/metrics/breakdown?by=category&" + RANGE);
        Map<String, Long> received = new TreeMap<>();
        expected.partner.forEach(
                (id, counts) -> received.merge(expected.category.get(id).json(), counts[0], Long::sum));
        received.forEach((category, count) -> assertEquals(
                count, byCategory.getLong("groups.find { it.key == '" + category + "' }.received"), category));
        JsonPath byChannel = get("/api/metrics/breakdown?by=channel&" + RANGE);
        expected.byChannel.forEach((channel, count) -> assertEquals(
                count, byChannel.getLong("groups.find { it.key == '" + channel + "' }.received"), channel));
        assertEquals(expected.given, byChannel.getLong("groups.find { it.key == 'given' }.given"));
    }

    private void timeseriesMatches() {
        JsonPath series = get("/api/metrics/timeseries?metric=received&interval=month&" + RANGE);
        expected.receivedByMonth.forEach((month, count) -> assertEquals(
                count.intValue(),
                series.getInt("points.find { it.start == '" + month.atDay(1) + "' }.value"),
                month.toString()));
    }

    private void funnelMatches() {
        JsonPath funnel = get("/api/metrics/funnel?" + RANGE);
        expected.reached.forEach((status, count) ->
                assertEquals(count, funnel.getLong("steps.find { it.status == '" + status + "' }.reached"), status));
    }
}
