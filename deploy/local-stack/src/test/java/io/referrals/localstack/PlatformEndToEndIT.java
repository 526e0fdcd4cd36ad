package io.referrals.localstack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.referrals.testing.DevTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The four packaged services as separate processes against one PostgreSQL and one Kafka broker, started by the
 * same launcher a user runs, driven over HTTP only. Waits by polling with deadlines, never by sleeping.
 */
class PlatformEndToEndIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static RunningStack stack;
    private static Path dataDir;
    private static OtlpReceiver traces;

    private final String tenant = "e2e-" + UUID.randomUUID();
    private final String token = stack.token(tenant, "owner");

    @BeforeAll
    static void startPlatform() throws IOException {
        dataDir = Files.createTempDirectory("platform-e2e");
        // The services export every span to this test's OTLP receiver, as they would to a collector in production.
        traces = new OtlpReceiver();
        List<String> jvmOptions = new java.util.ArrayList<>(LocalStack.smallMachineJvmOptions());
        jvmOptions.addAll(List.of(
                "-Dplatform.tracing.endpoint=" + traces.endpoint(), // OTEL_EXPORTER_OTLP_ENDPOINT
                "-Dquarkus.otel.exporter.otlp.traces.protocol=http/protobuf",
                "-Dquarkus.otel.bsp.schedule.delay=200ms"));
        stack = LocalStack.start(Options.defaults()
                .withRepoRoot(Path.of("../..")) // failsafe runs in deploy/local-stack
                .withDataDir(dataDir)
                .withClean(true)
                .withEnvironment(Environment.read().withServiceJvmOptions(String.join(" ", jvmOptions)))
                .withPortOffset(2500)); // beside a developer's own stack; Kafka above the ephemeral range (Ports)
        System.out.printf("Platform ready in %s s%n", RunningStack.seconds(stack.startupTime()));
    }

    @AfterAll
    static void stopPlatform() throws IOException {
        if (stack != null) {
            stack.close();
        }
        if (traces != null) {
            traces.close();
        }
        StackLogs.keepLogsAndDelete(dataDir, "PlatformEndToEndIT");
    }

    @Test
    void aReferralIsCountedOnceAndThankedOnceEvenWhenReferralServiceIsKilledRightAfterAcceptingIt() throws Exception {
        // The practice lets thank-yous and updates go out without review (the default is a draft for each).
        call("notification-service", "PUT", "/api/notifications/settings", """
                {"practiceName":"Blake Coaching","replyTo":"jordan@blakecoaching.example","signature":"Jordan Blake",
                 "autoSend":["referral_thank_you","contact_made_update","outcome_update"]}""", null, 200);
        JsonNode partner = call(
                "partner-service",
                "POST",
                "/api/partners",
                "{\"name\":\"Dana Lee\",\"email\":\"dana@example.com\",\"category\":\"professional\"}",
                null,
                201);
        String partnerId = partner.get("id").asText();

        // referral-service learns the partner from partner.events; until then it answers 422 unknown-partner.
        String referralBody = "{\"partnerId\":\"" + partnerId + "\",\"referred\":{\"name\":\"Sam Rivera\","
                + "\"email\":\"sam@example.com\"},\"note\":\"Career change\",\"consent\":\"outcome\"}";
        JsonNode[] referral = new JsonNode[1];
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).until(() -> {
            HttpResponse<String> response = send("referral-service", "POST", "/api/referrals", referralBody, "intro-1");
            if (response.statusCode() == 201) {
                referral[0] = JSON.readTree(response.body());
                return true;
            }
            assertEquals(422, response.statusCode(), response.body());
            return false;
        });
        // Killed and brought back by the test itself: held, so the stack's watch does not start it a second time.
        try (Hold hold = stack.outageControls().hold("referral-service")) {
            stack.outageControls().killService("referral-service");
            stack.restart("referral-service");
        }

        String referralId = referral[0].get("id").asText();
        JsonNode retried = call("referral-service", "POST", "/api/referrals", referralBody, "intro-1", 201);
        assertEquals(referralId, retried.get("id").asText(), "a retry after the crash returns the first answer");
        call(
                "referral-service",
                "POST",
                "/api/referrals/" + referralId + "/conversion",
                "{\"programValue\":\"1500.00\",\"currency\":\"USD\"}",
                null,
                200);

        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode metrics = call("metrics-service", "GET", "/api/metrics/partners/" + partnerId, null, null, 200);
            assertEquals(1, metrics.get("referralsConverted").asInt(), metrics.toString());
            assertEquals(1, metrics.get("referralsReceived").asInt(), metrics.toString());
            assertEquals("1500.00", metrics.get("revenue").get(0).get("amount").asText());
            assertEquals("USD", metrics.get("revenue").get(0).get("currency").asText());
            assertEquals(1.0, metrics.get("conversionRate").asDouble());
        });
        // A second referral whose person allows the referrer to learn nothing: thanked, never told more.
        JsonNode discreet = call(
                "referral-service",
                "POST",
                "/api/referrals",
                "{\"partnerId\":\"" + partnerId + "\",\"referred\":{\"name\":\"Alex Kim\","
                        + "\"email\":\"alex@example.com\"},\"consent\":\"none\"}",
                "intro-1b",
                201);
        String discreetId = discreet.get("id").asText();
        call(
                "referral-service",
                "POST",
                "/api/referrals/" + discreetId + "/conversion",
                "{\"programValue\":\"900.00\",\"currency\":\"USD\"}",
                null,
                200);

        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode sent = call(
                    "notification-service",
                    "GET",
                    "/api/notifications?status=sent&partnerId=" + partnerId,
                    null,
                    null,
                    200);
            // On failure, every message of the partner with its status says where the missing one stopped.
            assertEquals(
                    3,
                    sent.get("items").size(),
                    () -> "sent: " + sent + "\nall: " + messagesOf(partnerId) + "\ntasks: " + tasksOf(partnerId));
        });
        JsonNode messages =
                call("notification-service", "GET", "/api/notifications?partnerId=" + partnerId, null, null, 200);
        assertEquals(3, messages.get("items").size(), "two thank-yous and one outcome update: " + messages);
        java.util.Map<String, String> kindOf = new java.util.HashMap<>();
        for (JsonNode message : messages.get("items")) {
            assertEquals("dana@example.com", message.get("recipientEmail").asText());
            kindOf.merge(
                    message.get("referralId").asText() + " "
                            + message.get("kind").asText(),
                    message.get("messageId").asText(),
                    (a, b) -> {
                        throw new AssertionError("two " + a + ": " + messages);
                    });
        }
        assertEquals(
                java.util.Set.of(
                        referralId + " referral_thank_you",
                        referralId + " outcome_update",
                        discreetId + " referral_thank_you"),
                kindOf.keySet());

        // Each was delivered to the SMTP server exactly once, and is kept as an .eml file.
        java.util.Map<String, String> delivered = new java.util.HashMap<>();
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            delivered.clear();
            for (Path eml : stack.receivedMail()) {
                String raw = Files.readString(eml);
                for (var entry : kindOf.entrySet()) {
                    if (raw.contains("Message-ID: " + entry.getValue())) {
                        assertEquals(null, delivered.put(entry.getKey(), raw), "delivered twice: " + entry.getKey());
                    }
                }
            }
            assertEquals(kindOf.keySet(), delivered.keySet());
        });
        String thanks = delivered.get(referralId + " referral_thank_you");
        assertTrue(thanks.contains("referring Sam to us"), thanks);
        assertTrue(thanks.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"), thanks);
        assertTrue(thanks.contains("Reply-To: jordan@blakecoaching.example"), thanks);
        assertTrue(delivered.get(referralId + " outcome_update").contains("Sam has decided to work with us"));
        String discreetThanks = delivered.get(discreetId + " referral_thank_you");
        assertTrue(discreetThanks.contains("your recent referral"), discreetThanks);
        assertFalse(discreetThanks.contains("Alex"), discreetThanks);

        // The first-contact tasks were closed by the status changes.
        JsonNode contacts = call(
                "notification-service", "GET", "/api/tasks?kind=first_contact&partnerId=" + partnerId, null, null, 200);
        assertEquals(2, contacts.get("items").size(), contacts.toString());
        for (JsonNode task : contacts.get("items")) {
            assertEquals("closed", task.get("status").asText(), contacts.toString());
        }
        // The thank-yous reached partner-service as thank_you touchpoints.
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode touchpoints =
                    call("partner-service", "GET", "/api/partners/" + partnerId + "/touchpoints", null, null, 200);
            assertEquals(2, touchpoints.get("items").size(), touchpoints.toString());
            assertEquals(
                    "thank_you", touchpoints.get("items").get(0).get("kind").asText());
        });
    }

    /**
     * Issue 32: one referral is one trace, from the intake request through the outbox relay, the broker and each
     * consumer to the thank-you at the SMTP server and the webhook at its receiver, across the four processes. The
     * request carries the trace id (as a gateway or the console would), so the test knows which trace to read.
     */
    @Test
    void aReferralIsOneTraceFromTheIntakeRequestThroughEveryConsumerToTheThankYouAndTheWebhook() throws Exception {
        call("notification-service", "PUT", "/api/notifications/settings", """
                {"practiceName":"Trace Coaching","replyTo":"jordan@trace.example","signature":"Jordan",
                 "autoSend":["referral_thank_you"]}""", null, 200);
        List<String> hookTraceparents = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer hooks = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        hooks.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            hookTraceparents.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hooks.start();
        try {
            call(
                    "notification-service",
                    "POST",
                    "/api/webhooks",
                    "{\"url\":\"http://127.0.0.1:" + hooks.getAddress().getPort()
                            + "/hook\",\"events\":[\"referral.received\"],\"description\":\"trace test\"}",
                    null,
                    201);
            String partnerId = call(
                            "partner-service",
                            "POST",
                            "/api/partners",
                            "{\"name\":\"Tracy Lane\",\"email\":\"tracy@example.com\",\"category\":\"professional\"}",
                            null,
                            201)
                    .get("id")
                    .asText();
            String body = "{\"partnerId\":\"" + partnerId + "\",\"referred\":{\"name\":\"Robin Park\","
                    + "\"email\":\"robin@example.com\"},"
                    + "\"consent\":\"outcome\"}";
            String traceId = HexFormat.of().formatHex(randomBytes(16));
            await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).until(() -> {
                HttpResponse<String> response = HTTP.send(
                        HttpRequest.newBuilder(uri("referral-service", "/api/referrals"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", "trace-" + traceId)
                                .header(
                                        "traceparent",
                                        "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertTrue(response.statusCode() == 201 || response.statusCode() == 422, response.body());
                return response.statusCode() == 201;
            });

            await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                List<OtlpReceiver.ReceivedSpan> trace = traces.trace(traceId);
                OtlpReceiver.ReceivedSpan intake = only(trace, "referral-service", "POST /api/referrals", 201);
                OtlpReceiver.ReceivedSpan send = trace.stream()
                        .filter(span -> span.parentSpanId().equals(intake.spanId())
                                && span.name().equals("send referral.events")
                                && span.attributes()
                                        .getOrDefault("cloudevents.event_type", "")
                                        .contains("referral.received"))
                        .findFirst()
                        .orElseThrow(
                                () -> new AssertionError("the relay's send of referral.received" + describe(trace)));
                assertEquals(OtlpReceiver.ReceivedSpan.PRODUCER, send.kind());
                for (String consumer : List.of("partner-service", "metrics-service", "notification-service")) {
                    OtlpReceiver.ReceivedSpan process = childOf(trace, send, consumer, "process referral.events");
                    assertEquals(OtlpReceiver.ReceivedSpan.CONSUMER, process.kind());
                    // The group the lag panel shows for it (metrics-service's is versioned with its read models).
                    assertEquals(
                            consumer.equals("metrics-service") ? "metrics-service-v2" : consumer,
                            process.attributes().get("messaging.consumer.group.name"));
                    assertEquals(
                            send.attributes().get("cloudevents.event_id"),
                            process.attributes().get("cloudevents.event_id"),
                            process.toString());
                    // The consumer's poll (a batch, in its own trace) links to the send it applied.
                    assertTrue(
                            traces.all().stream()
                                    .anyMatch(poll -> poll.service().equals(consumer)
                                            && poll.name().equals("poll referral.events")
                                            && poll.linkedSpanIds().contains(send.spanId())),
                            consumer + " has a poll linked to the send");
                }
                OtlpReceiver.ReceivedSpan notified =
                        childOf(trace, send, "notification-service", "process referral.events");
                OtlpReceiver.ReceivedSpan thanks =
                        childOf(trace, notified, "notification-service", "send referral_thank_you");
                assertEquals(OtlpReceiver.ReceivedSpan.CLIENT, thanks.kind());
                OtlpReceiver.ReceivedSpan hook = childOf(trace, notified, "notification-service", "POST");
                assertEquals("204", hook.attributes().get("http.response.status_code"));
                assertTrue(
                        hookTraceparents.contains("00-" + traceId + "-" + hook.spanId() + "-01"),
                        "the webhook request carried its span's traceparent: " + hookTraceparents);
            });
            printTrace(traces.trace(traceId));
            // No span anywhere carries a secret of a path: an intake link's token reaches no tracing backend.
            String intakeToken = "tr_" + UUID.randomUUID().toString().replace("-", "");
            int refused = send("referral-service", "POST", "/api/intake/" + intakeToken, "{}", null)
                    .statusCode();
            assertTrue(refused >= 400 && refused < 500, "an unknown intake token is refused: " + refused);
            await().atMost(DEADLINE)
                    .pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> assertTrue(
                            traces.all().stream()
                                    .anyMatch(span -> "/api/intake/{token}"
                                            .equals(span.attributes().get("url.path"))),
                            "the intake request's span, with its path redacted"));
            assertTrue(
                    traces.all().stream()
                            .noneMatch(
                                    span -> span.attributes().values().stream().anyMatch(v -> v.contains(intakeToken))),
                    "no span attribute holds the intake token");
        } finally {
            hooks.stop(0);
        }
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static OtlpReceiver.ReceivedSpan only(
            List<OtlpReceiver.ReceivedSpan> trace, String service, String name, int status) {
        List<OtlpReceiver.ReceivedSpan> found = trace.stream()
                .filter(span -> span.service().equals(service) && span.name().equals(name))
                .filter(span -> String.valueOf(status).equals(span.attributes().get("http.response.status_code")))
                .toList();
        assertEquals(1, found.size(), () -> service + " " + name + " " + status + " in " + describe(trace));
        return found.get(0);
    }

    private static OtlpReceiver.ReceivedSpan childOf(
            List<OtlpReceiver.ReceivedSpan> trace, OtlpReceiver.ReceivedSpan parent, String service, String name) {
        List<OtlpReceiver.ReceivedSpan> found = trace.stream()
                .filter(span -> span.service().equals(service)
                        && span.name().equals(name)
                        && span.parentSpanId().equals(parent.spanId()))
                .toList();
        assertEquals(
                1, found.size(), () -> service + " " + name + " under " + parent.name() + " in " + describe(trace));
        return found.get(0);
    }

    private static String describe(List<OtlpReceiver.ReceivedSpan> trace) {
        StringBuilder text = new StringBuilder();
        trace.forEach(span -> text.append("\n  ")
                .append(span.service())
                .append(' ')
                .append(span.name())
                .append(" span=")
                .append(span.spanId())
                .append(" parent=")
                .append(span.parentSpanId()));
        return text.toString();
    }

    /** The trace as a table (for the closing note): start offset, service, span, kind, duration. */
    private static void printTrace(List<OtlpReceiver.ReceivedSpan> trace) {
        long start = trace.stream()
                .mapToLong(OtlpReceiver.ReceivedSpan::startNanos)
                .min()
                .orElse(0);
        System.out.println("One referral's trace (" + trace.size() + " spans):");
        trace.stream()
                .sorted(java.util.Comparator.comparingLong(OtlpReceiver.ReceivedSpan::startNanos))
                .forEach(span -> System.out.printf(
                        java.util.Locale.ROOT,
                        "  +%8.1f ms  %-21s %-32s %-8s %8.1f ms%n",
                        (span.startNanos() - start) / 1e6,
                        span.service(),
                        span.name(),
                        switch (span.kind()) {
                            case 2 -> "server";
                            case 3 -> "client";
                            case 4 -> "producer";
                            case 5 -> "consumer";
                            default -> "internal";
                        },
                        span.millis()));
    }

    @Test
    void aReferralFromSomeoneUnknownCreatesACandidatePartner() throws Exception {
        JsonNode referral = call("referral-service", "POST", "/api/referrals", """
                {"referrer":{"name":"Priya Natarajan","email":"priya@chamber.example"},
                 "referred":{"name":"Alex Kim","email":"alex@example.com"},"consent":"contact_made"}""", "intro-2", 201);
        String sourceId = referral.get("partnerId").asText();

        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode candidates = call("partner-service", "GET", "/api/partners?candidate=true", null, null, 200);
            // Items, not total: the page and its count are two reads, and the candidate may land between them.
            assertEquals(1, candidates.get("items").size(), candidates.toString());
            JsonNode candidate = candidates.get("items").get(0);
            assertEquals(sourceId, candidate.get("id").asText());
            assertEquals("Priya Natarajan", candidate.get("name").asText());
            assertEquals(
                    referral.get("id").asText(),
                    candidate.get("candidateReferralId").asText());
            assertEquals("source", candidate.get("relationship").asText());
        });
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode metrics = call("metrics-service", "GET", "/api/metrics/partners/" + sourceId, null, null, 200);
            assertEquals(1, metrics.get("referralsReceived").asInt(), metrics.toString());
            JsonNode thanks =
                    call("notification-service", "GET", "/api/notifications?partnerId=" + sourceId, null, null, 200);
            assertEquals(1, thanks.get("items").size(), thanks.toString());
        });
    }

    @Test
    void aReferralThroughAPartnersIntakeLinkEarnsTheFeeOfTheirAgreementAndOneIsGivenBack() throws Exception {
        call("partner-service", "PUT", "/api/practice", """
                {"idealReferral":{},"monthlyReferralGoal":4,"timeZone":"Europe/Berlin"}""", null, 200);
        String partnerId = call(
                        "partner-service",
                        "POST",
                        "/api/partners",
                        "{\"name\":\"Morgan Wellness\",\"email\":\"casey@morganwellness.example\",\"category\":\"professional\"}",
                        null,
                        201)
                .get("id")
                .asText();
        call("partner-service", "POST", "/api/partners/" + partnerId + "/agreements", """
                {"kind":"incentivized","direction":"one_way","compensation":{"type":"referral_fee_percent","percent":"15"},
                 "feeDisclosedToClients":true}""", null, 201);

        // The partner's personal referral link, once referral-service has heard of the partner.
        String[] token = new String[1];
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).until(() -> {
            HttpResponse<String> link = send(
                    "referral-service",
                    "POST",
                    "/api/intake-links",
                    "{\"name\":\"Morgan's link\",\"partnerId\":\"" + partnerId + "\"}",
                    null);
            token[0] = link.statusCode() == 201
                    ? JSON.readTree(link.body()).get("token").asText()
                    : null;
            return token[0] != null;
        });
        // A form tool posts without a bearer token.
        HttpResponse<String> intake = HTTP.send(
                HttpRequest.newBuilder(uri("referral-service", "/api/intake/" + token[0]))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", "form-7")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"referred\":{\"name\":\"Avery Quinn\",\"email\":\"avery@example.com\"}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, intake.statusCode(), intake.body());
        // The public answer is a receipt; the practice sees whom the referral is attributed to.
        String referralId = JSON.readTree(intake.body()).get("id").asText();
        assertEquals("received", JSON.readTree(intake.body()).get("status").asText(), intake.body());
        JsonNode viaLink = call("referral-service", "GET", "/api/referrals/" + referralId, null, null, 200);
        assertEquals(partnerId, viaLink.get("partnerId").asText(), viaLink.toString());
        assertEquals("verified", viaLink.get("attribution").asText(), viaLink.toString());
        call(
                "referral-service",
                "POST",
                "/api/referrals/" + referralId + "/conversion",
                "{\"programValue\":\"1500.00\",\"currency\":\"USD\"}",
                null,
                200);

        // To get referrals, give referrals: the practice refers someone to the same partner.
        call("referral-service", "POST", "/api/referrals/given", """
                {"partnerId":"%s","person":{"name":"Jordan Blake"},"need":"Nutrition plan for a client in burnout",
                 "estimatedValue":"800.00","currency":"USD"}""".formatted(partnerId), null, 201);
        JsonNode given =
                call("referral-service", "GET", "/api/referrals/given?partnerId=" + partnerId, null, null, 200);
        assertEquals(1, given.get("total").asInt(), given.toString());

        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode rewards =
                    call("referral-service", "GET", "/api/rewards?referralId=" + referralId, null, null, 200);
            assertEquals(1, rewards.get("items").size(), rewards.toString());
            assertEquals("referral_fee", rewards.get("items").get(0).get("type").asText());
            assertEquals("225.00", rewards.get("items").get(0).get("amount").asText());
            assertEquals("owed", rewards.get("items").get(0).get("status").asText());
        });
        theNumbersShowTheRelationship(partnerId);
    }

    @Test
    void aReferrerMatchedByEmailOnAPublicLinkIsCreditedOnlyOnceThePracticeConfirms() throws Exception {
        String partnerId = call(
                        "partner-service",
                        "POST",
                        "/api/partners",
                        "{\"name\":\"Riley Hart\",\"email\":\"riley@hartcounselling.example\",\"category\":\"professional\"}",
                        null,
                        201)
                .get("id")
                .asText();
        // Once referral-service knows the partner (a link bound to them is accepted), a website form's link, bound to
        // nobody, receives referrals whose referrer email matches the partner's.
        await().atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> send(
                                        "referral-service",
                                        "POST",
                                        "/api/intake-links",
                                        "{\"name\":\"Riley's link\",\"partnerId\":\"" + partnerId + "\"}",
                                        null)
                                .statusCode()
                        == 201);
        String formToken = call(
                        "referral-service", "POST", "/api/intake-links", "{\"name\":\"Website form\"}", null, 201)
                .get("token")
                .asText();
        String confirmed = intakeFromRiley(formToken, "Quinn Lowe", "quinn@example.com");
        String rejected = intakeFromRiley(formToken, "Drew Park", "drew@example.com");
        for (String referralId : List.of(confirmed, rejected)) {
            JsonNode referral = call("referral-service", "GET", "/api/referrals/" + referralId, null, null, 200);
            assertEquals("unverified", referral.get("attribution").asText(), referral.toString());
            assertEquals(partnerId, referral.get("partnerId").asText(), referral.toString());
        }

        // The practice counts both; nobody credits, thanks or tells Riley yet.
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode summary = call("metrics-service", "GET", "/api/metrics/summary", null, null, 200);
            assertEquals(2, summary.get("received").asInt(), summary.toString());
            JsonNode tasks = call("notification-service", "GET", "/api/tasks?kind=first_contact", null, null, 200);
            assertEquals(2, tasks.get("items").size(), tasks.toString());
            call("metrics-service", "GET", "/api/metrics/partners/" + partnerId, null, null, 200);
        });
        JsonNode before = call("metrics-service", "GET", "/api/metrics/partners/" + partnerId, null, null, 200);
        assertEquals(0, before.get("referralsReceived").asInt(), before.toString());
        JsonNode none = call("notification-service", "GET", "/api/notifications", null, null, 200);
        assertEquals(0, none.get("items").size(), none.toString());

        call(
                "referral-service",
                "PUT",
                "/api/referrals/" + confirmed + "/attribution",
                "{\"decision\":\"confirmed\"}",
                null,
                200);
        call(
                "referral-service",
                "PUT",
                "/api/referrals/" + rejected + "/attribution",
                "{\"decision\":\"rejected\"}",
                null,
                200);

        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode numbers = call("metrics-service", "GET", "/api/metrics/partners/" + partnerId, null, null, 200);
            assertEquals(1, numbers.get("referralsReceived").asInt(), numbers.toString());
            JsonNode thanks =
                    call("notification-service", "GET", "/api/notifications?partnerId=" + partnerId, null, null, 200);
            assertEquals(1, thanks.get("items").size(), thanks.toString());
            assertEquals(
                    "referral_thank_you", thanks.get("items").get(0).get("kind").asText());
            assertEquals(confirmed, thanks.get("items").get(0).get("referralId").asText());
        });
        JsonNode summary = call("metrics-service", "GET", "/api/metrics/summary", null, null, 200);
        assertEquals(2, summary.get("received").asInt(), summary.toString());
        JsonNode all = call("notification-service", "GET", "/api/notifications", null, null, 200);
        assertEquals(1, all.get("items").size(), "the rejected referral thanks nobody: " + all);
    }

    private String intakeFromRiley(String formToken, String name, String email) throws Exception {
        HttpResponse<String> intake = HTTP.send(
                HttpRequest.newBuilder(uri("referral-service", "/api/intake/" + formToken))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"referrer":{"name":"Riley Hart","email":"riley@hartcounselling.example"},
                                 "referred":{"name":"%s","email":"%s"},"consent":"outcome"}""".formatted(name, email)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, intake.statusCode(), intake.body());
        return JSON.readTree(intake.body()).get("id").asText();
    }

    /** One referral received through the link and converted, one given back: what metrics-service shows of it. */
    private void theNumbersShowTheRelationship(String partnerId) throws Exception {
        String month = YearMonth.now(ZoneId.of("Europe/Berlin")).toString();
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode summary = call("metrics-service", "GET", "/api/metrics/summary", null, null, 200);
            assertEquals(1, summary.get("received").asInt(), summary.toString());
            assertEquals(1, summary.get("converted").asInt(), summary.toString());
            assertEquals(1, summary.get("given").asInt(), summary.toString());
            // path(), not get(): a fee not counted yet is a failed assertion that await() retries, not an NPE.
            assertEquals(
                    "1500.00", summary.path("revenue").path(0).path("amount").asText(), summary.toString());
            assertEquals(
                    "225.00", summary.path("feesOwed").path(0).path("amount").asText(), summary.toString());

            JsonNode leaderboard =
                    call("metrics-service", "GET", "/api/metrics/partners?sort=received&order=desc", null, null, 200);
            // Retried like the rest while the leaderboard catches up (an empty page is not an error).
            assertTrue(leaderboard.get("items").size() > 0, leaderboard.toString());
            JsonNode row = leaderboard.get("items").get(0);
            assertEquals(partnerId, row.get("partnerId").asText(), leaderboard.toString());
            assertEquals("Morgan Wellness", row.get("partnerName").asText());
            assertEquals(1, row.get("referralsReceived").asInt());
            assertEquals(1, row.get("referralsConverted").asInt());
            assertEquals(1, row.get("referralsGiven").asInt());

            JsonNode reciprocity = call("metrics-service", "GET", "/api/metrics/reciprocity", null, null, 200);
            JsonNode exchange = reciprocity.get("partners").get("items").get(0);
            assertEquals(partnerId, exchange.get("partnerId").asText(), reciprocity.toString());
            assertEquals(1, exchange.get("received").asInt());
            assertEquals(1, exchange.get("given").asInt());
            assertEquals(0, exchange.get("balance").asInt());
            assertEquals(
                    "800.00", exchange.get("givenValue").get(0).get("amount").asText());

            JsonNode goals = call("metrics-service", "GET", "/api/metrics/goals?month=" + month, null, null, 200);
            assertEquals(4, goals.get("target").asInt(), goals.toString());
            assertEquals(1, goals.get("received").asInt(), goals.toString());
            assertEquals(1, goals.get("converted").asInt(), goals.toString());
        });
        send("metrics-service", "PUT", "/api/metrics/new-clients/" + month, "{\"count\":4}", null);
        JsonNode goals = call("metrics-service", "GET", "/api/metrics/goals?month=" + month, null, null, 200);
        assertEquals(4, goals.get("newClients").asInt(), goals.toString());
        assertEquals(0.25, goals.get("referralShare").asDouble(), goals.toString());
    }

    @Test
    void anotherPracticeSeesNoneOfIt() throws Exception {
        JsonNode partner = call(
                "partner-service",
                "POST",
                "/api/partners",
                "{\"name\":\"Private\",\"category\":\"client\"}",
                null,
                201);
        String strangerToken = stack.token("e2e-" + UUID.randomUUID(), "owner");
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(uri(
                                "partner-service",
                                "/api/partners/" + partner.get("id").asText()))
                        .header("Authorization", "Bearer " + strangerToken)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, response.statusCode());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void theStackTrustsOnlyItsOwnKeyListensOnThisMachineOnlyAndKeepsOperationsOffTheApiPort() throws Exception {
        // A token signed with the committed test key (which anyone can read) is refused: the data directory has its
        // own key pair.
        HttpResponse<String> committedKey = HTTP.send(
                HttpRequest.newBuilder(uri("partner-service", "/api/partners"))
                        .header("Authorization", "Bearer " + DevTokens.token(tenant, "owner"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, committedKey.statusCode());
        assertTrue(Files.isRegularFile(dataDir.resolve("dev-private-key.pem")));
        assertFalse(Files.readString(dataDir.resolve("dev-public-key.pem"))
                .strip()
                .equals(DevTokens.publicKeyPem().strip()));

        // Health and metrics answer on the management port, not beside the API.
        int apiPort = stack.servicePort("partner-service");
        assertEquals(
                404,
                HTTP.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/q/metrics"))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode());
        assertEquals(
                200,
                HTTP.send(
                                HttpRequest.newBuilder(URI.create(
                                                "http://127.0.0.1:" + Ports.management(apiPort) + "/q/metrics"))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode());

        // Bound to 127.0.0.1: not reachable through any other address of this machine.
        var addresses = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(nic -> java.util.Collections.list(nic.getInetAddresses()).stream())
                .filter(address -> address instanceof java.net.Inet4Address && !address.isLoopbackAddress())
                .toList();
        for (var address : addresses) {
            try (var socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress(address, apiPort), 2000);
                throw new AssertionError("partner-service answers on " + address + ":" + apiPort);
            } catch (IOException expected) {
                // refused: listening on loopback only
            }
        }
    }

    @Test
    void aWebhookReceivesTheThinFlowSignedEvenAcrossAKill9OfNotificationService() throws Exception {
        // An endpoint in this JVM that refuses (503) the first attempt at each message and accepts the next.
        record Received(String id, String timestamp, String signature, String body, int answered, boolean afterKill) {}
        List<Received> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean killed = new java.util.concurrent.atomic.AtomicBoolean();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            String id = headers.getFirst("webhook-id");
            int status = received.stream().anyMatch(r -> r.id().equals(id)) ? 204 : 503;
            received.add(new Received(
                    id,
                    headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"),
                    body,
                    status,
                    killed.get()));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        try {
            JsonNode hook = call(
                    "notification-service",
                    "POST",
                    "/api/webhooks",
                    "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\","
                            + "\"events\":[\"referral.received\",\"referral.converted\"]}",
                    null,
                    201);
            String hookId = hook.get("id").asText();
            String secret = hook.get("secret").asText();
            String partnerId = call(
                            "partner-service",
                            "POST",
                            "/api/partners",
                            "{\"name\":\"Jordan Blake\",\"email\":\"jordan@example.com\",\"category\":\"colleague\"}",
                            null,
                            201)
                    .get("id")
                    .asText();
            String referralBody = "{\"partnerId\":\"" + partnerId + "\",\"referred\":{\"name\":\"Riley Moss\","
                    + "\"email\":\"riley@example.com\"},\"consent\":\"outcome\"}";
            JsonNode[] referral = new JsonNode[1];
            await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).until(() -> {
                HttpResponse<String> response =
                        send("referral-service", "POST", "/api/referrals", referralBody, "hook-1");
                if (response.statusCode() == 201) {
                    referral[0] = JSON.readTree(response.body());
                    return true;
                }
                assertEquals(422, response.statusCode(), response.body());
                return false;
            });
            String referralId = referral[0].get("id").asText();
            call(
                    "referral-service",
                    "POST",
                    "/api/referrals/" + referralId + "/conversion",
                    "{\"programValue\":\"1500.00\",\"currency\":\"USD\"}",
                    null,
                    200);

            // Both deliveries were recorded when their events were consumed and tried once (refused); the service
            // dies before their next attempt (5 s later) and the restarted one sends them.
            await().atMost(DEADLINE).pollInterval(Duration.ofMillis(100)).until(() -> {
                JsonNode items = call(
                                "notification-service",
                                "GET",
                                "/api/webhooks/" + hookId + "/deliveries",
                                null,
                                null,
                                200)
                        .get("items");
                return items.size() == 2
                        && items.get(0).get("attempts").size() > 0
                        && items.get(1).get("attempts").size() > 0;
            });
            stack.outageControls().killService("notification-service");
            killed.set(true);
            stack.restart("notification-service");

            await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                List<String> delivered = received.stream()
                        .filter(r -> r.answered() == 204)
                        .map(Received::body)
                        .toList();
                assertTrue(
                        delivered.stream().anyMatch(body -> body.contains("\"type\":\"referral.received\"")),
                        received.toString());
                assertTrue(
                        delivered.stream().anyMatch(body -> body.contains("\"type\":\"referral.converted\"")),
                        received.toString());
            });
            assertTrue(
                    received.stream().anyMatch(r -> r.answered() == 204 && r.afterKill()),
                    "sent by the restarted service: " + received);
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(
                    java.util.Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            java.util.Map<String, java.util.Set<String>> idsByType = new java.util.HashMap<>();
            for (Received request : received) {
                String expected = "v1,"
                        + java.util.Base64.getEncoder()
                                .encodeToString(
                                        mac.doFinal((request.id() + "." + request.timestamp() + "." + request.body())
                                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                assertTrue(List.of(request.signature().split(" ")).contains(expected), "signature: " + request);
                JsonNode event = JSON.readTree(request.body());
                assertEquals(referralId, event.get("data").get("referralId").asText());
                assertEquals(partnerId, event.get("data").get("partnerId").asText());
                assertFalse(request.body().contains("riley@example.com"), request.body());
                idsByType
                        .computeIfAbsent(event.get("type").asText(), t -> new java.util.HashSet<>())
                        .add(request.id());
                if (event.get("type").asText().equals("referral.received")) {
                    assertEquals(
                            "Riley Moss", event.get("data").get("referredName").asText(), "consent outcome");
                } else {
                    assertEquals(
                            "1500.00",
                            event.get("data").get("programValue").get("amount").asText());
                }
            }
            assertEquals(1, idsByType.get("referral.received").size(), "one webhook-id across the kill");
            assertEquals(1, idsByType.get("referral.converted").size(), "one webhook-id across the kill");
        } finally {
            receiver.stop(0);
        }
    }

    /**
     * The partner's side as issue 28 tells it, across the packaged services: invited, the partner signs in by the
     * mailed link and refers someone with consent none from the portal, and sees "received" and nothing more, even
     * once the practice converts them; a second referral with consent outcome shows "converted" and the first name, and
     * the fee owed under the agreement appears among the partner's rewards, later as paid. The practice sees the
     * portal as the channel (in metrics too); the thank-you and the practice's introduction kit reach the partner;
     * signing out ends the session at every service.
     */
    @Test
    void aPartnerRefersFromThePortalFollowsItAsFarAsConsentAllowsAndSeesTheFeeOwedThenPaid() throws Exception {
        call("notification-service", "PUT", "/api/notifications/settings", """
                {"practiceName":"Blake Coaching","replyTo":"jordan@blakecoaching.example","signature":"Jordan Blake",
                 "autoSend":["referral_thank_you"]}""", null, 200);
        call("partner-service", "PUT", "/api/practice/kit", """
                {"practiceName":"Blake Coaching","overview":"Coaching for professionals in burnout.",
                 "idealClient":"Managers who lost their evenings.","successStories":[],
                 "scripts":[{"title":"When a client mentions burnout","body":"{partnerFirstName}, you could say: I know a coach."}],
                 "introEmails":[{"title":"Introduce a client","subject":"Meet Blake Coaching",
                                 "body":"Book here: {intakeLink}"}]}""", null, 200);
        String address = "riley@stone-counselling.example";
        String partnerId = call(
                        "partner-service",
                        "POST",
                        "/api/partners",
                        "{\"name\":\"Riley Stone\",\"email\":\"" + address + "\",\"category\":\"professional\"}",
                        null,
                        201)
                .get("id")
                .asText();
        call("partner-service", "POST", "/api/partners/" + partnerId + "/agreements", """
                {"kind":"incentivized","direction":"one_way","compensation":{"type":"referral_fee_percent","percent":"10"},
                 "feeDisclosedToClients":true}""", null, 201);
        String session = invitedPartnerSignsIn(partnerId, address);

        // Consent none: received, and nothing more, even once the practice converts the person.
        String discreet = referFromPortal(session, "Sam", "sam.north@example.com", "none", "portal-e2e-1");
        assertEquals(
                "received",
                portalGet(session, "referral-service", "/api/portal/referrals/" + discreet)
                        .get("progress")
                        .asText());
        JsonNode practiceView = call("referral-service", "GET", "/api/referrals/" + discreet, null, null, 200);
        assertEquals("portal", practiceView.get("channel").asText(), practiceView.toString());
        assertEquals("verified", practiceView.get("attribution").asText(), practiceView.toString());
        assertEquals(partnerId, practiceView.get("partnerId").asText(), practiceView.toString());
        call(
                "referral-service",
                "POST",
                "/api/referrals/" + discreet + "/conversion",
                "{\"programValue\":\"1200.00\",\"currency\":\"USD\"}",
                null,
                200);
        JsonNode stillDiscreet = portalGet(session, "referral-service", "/api/portal/referrals/" + discreet);
        assertEquals("received", stillDiscreet.get("progress").asText(), "consent none: the outcome stays unseen");
        assertTrue(stillDiscreet.get("firstName").isNull(), stillDiscreet.toString());

        // Consent outcome: converted, the first name, and the fee under the agreement, owed and then paid.
        String open = referFromPortal(session, "Robin", "robin.west@example.com", "outcome", "portal-e2e-2");
        call(
                "referral-service",
                "POST",
                "/api/referrals/" + open + "/conversion",
                "{\"programValue\":\"1000.00\",\"currency\":\"USD\"}",
                null,
                200);
        JsonNode converted = portalGet(session, "referral-service", "/api/portal/referrals/" + open);
        assertEquals("converted", converted.get("progress").asText());
        assertEquals("Robin", converted.get("firstName").asText());
        String listed =
                portalGet(session, "referral-service", "/api/portal/referrals").toString();
        for (String detail : List.of("Doe", "@example.com", "Burnout", "1000", "1200")) {
            assertFalse(listed.contains(detail), listed);
        }

        String[] rewardId = new String[1];
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode rewards = portalGet(session, "referral-service", "/api/portal/rewards");
            assertEquals(1, rewards.get("items").size(), "only the fee of the referral whose outcome may be told");
            JsonNode fee = rewards.get("items").get(0);
            assertEquals(open, fee.get("referralId").asText(), fee.toString());
            assertEquals("owed", fee.get("status").asText(), fee.toString());
            assertEquals("100.00", fee.get("amount").asText(), fee.toString());
            assertTrue(fee.get("cash").asBoolean(), fee.toString());
            assertFalse(fee.get("terms").get("summary").asText().isBlank(), fee.toString());
            assertFalse(fee.get("terms").get("disclosure").isNull(), "the fee was disclosed to clients");
            rewardId[0] = fee.get("id").asText();
        });
        call("referral-service", "POST", "/api/rewards/" + rewardId[0] + "/payment", """
                {"reference":"Bank transfer 2026-12-07"}""", null, 200);
        JsonNode paid = portalGet(session, "referral-service", "/api/portal/rewards/" + rewardId[0]);
        assertEquals("paid", paid.get("status").asText(), paid.toString());
        assertFalse(paid.toString().contains("Bank transfer"), "the payment reference is the practice's");
        JsonNode balance = portalGet(session, "referral-service", "/api/portal/balance");
        assertEquals(2, balance.get("referralsFromYou").asInt(), balance.toString());
        assertEquals(1, balance.get("convertedFromYou").asInt(), "the conversion under consent none stays unseen");
        assertEquals("100.00", balance.get("paid").get(0).get("amount").asText(), balance.toString());

        // The thank-you the practice sent is among the partner's messages; the kit is the practice's.
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode messages = portalGet(session, "notification-service", "/api/portal/messages");
            assertTrue(messages.get("items").size() >= 1, messages.toString());
            assertEquals("thank_you", messages.get("items").get(0).get("kind").asText(), messages.toString());
        });
        JsonNode kit = portalGet(session, "partner-service", "/api/portal/kit");
        assertEquals("Blake Coaching", kit.get("practiceName").asText(), kit.toString());
        assertEquals(
                "When a client mentions burnout",
                kit.get("scripts").get(0).get("title").asText());

        // Metrics count the portal as a channel of its own.
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode byChannel = call(
                    "metrics-service",
                    "GET",
                    "/api/metrics/breakdown?by=channel&from="
                            + java.time.LocalDate.parse(today).minusDays(1) + "&to="
                            + java.time.LocalDate.parse(today).plusDays(1),
                    null,
                    null,
                    200);
            JsonNode portal = null;
            for (JsonNode group : byChannel.get("groups")) {
                if ("portal".equals(group.get("key").asText())) {
                    portal = group;
                }
            }
            assertTrue(portal != null, byChannel.toString());
            assertEquals(2, portal.get("received").asInt(), byChannel.toString());
        });

        // Signing out ends the session at partner-service at once, and at referral-service once the event arrives.
        assertEquals(
                204,
                sendWith(session, "partner-service", "DELETE", "/api/portal/sessions/current", null, null)
                        .statusCode());
        assertEquals(
                401,
                sendWith(session, "partner-service", "GET", "/api/portal/me", null, null)
                        .statusCode());
        await().atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> sendWith(session, "referral-service", "GET", "/api/portal/referrals", null, null)
                                .statusCode()
                        == 401);
    }

    /**
     * The partner portal across the packaged services (issue 28): the practice invites a partner, the invitation
     * reaches the SMTP server from notification-service, the link's token signs the partner in at partner-service, and
     * referral-service lists the partner's referrals only as far as each person's consent allows; revoking access
     * refuses the session at both services.
     */
    @Test
    void aPartnerInvitedToThePortalSignsInByTheMailedLinkAndSeesTheirReferralsAsFarAsConsentAllows() throws Exception {
        String partnerId = call(
                        "partner-service",
                        "POST",
                        "/api/partners",
                        "{\"name\":\"Morgan Ellis\",\"email\":\"morgan@ellis-therapy.example\",\"category\":\"professional\"}",
                        null,
                        201)
                .get("id")
                .asText();
        String discreet = referOnceKnown(partnerId, "Alex Brook", "none", "portal-1");
        String open = referOnceKnown(partnerId, "Jamie Fox", "outcome", "portal-2");
        for (String referral : List.of(discreet, open)) {
            call(
                    "referral-service",
                    "POST",
                    "/api/referrals/" + referral + "/conversion",
                    "{\"programValue\":\"900.00\",\"currency\":\"USD\"}",
                    null,
                    200);
        }

        String session = invitedPartnerSignsIn(partnerId, "morgan@ellis-therapy.example");

        HttpResponse<String> listed = sendWith(session, "referral-service", "GET", "/api/portal/referrals", null, null);
        assertEquals(200, listed.statusCode(), listed.body());
        JsonNode items = JSON.readTree(listed.body()).get("items");
        java.util.Map<String, JsonNode> byId = new java.util.HashMap<>();
        items.forEach(item -> byId.put(item.get("id").asText(), item));
        assertEquals("received", byId.get(discreet).get("progress").asText(), "consent none: received, nothing more");
        assertTrue(byId.get(discreet).get("firstName").isNull(), listed.body());
        assertEquals("converted", byId.get(open).get("progress").asText(), "consent outcome");
        assertEquals("Jamie", byId.get(open).get("firstName").asText());
        for (String detail : List.of("Brook", "Fox", "@example.com", "programValue")) {
            assertFalse(listed.body().contains(detail), listed.body());
        }
        assertEquals(
                401,
                sendWith(session, "referral-service", "GET", "/api/referrals", null, null)
                        .statusCode(),
                "a partner's session opens no practice path");

        HttpResponse<String> revoked =
                send("partner-service", "DELETE", "/api/partners/" + partnerId + "/portal-access", null, null);
        assertEquals(204, revoked.statusCode(), revoked.body());
        assertEquals(
                401,
                sendWith(session, "partner-service", "GET", "/api/portal/me", null, null)
                        .statusCode());
        await().atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> sendWith(session, "referral-service", "GET", "/api/portal/referrals", null, null)
                                .statusCode()
                        == 401);
    }

    /**
     * The practice invites the partner; the invitation reaches the SMTP server from notification-service, and its
     * link's token signs the partner in at partner-service once (a second use is 410). Returns the session token.
     */
    private String invitedPartnerSignsIn(String partnerId, String address) throws Exception {
        call("partner-service", "POST", "/api/partners/" + partnerId + "/portal-access", "{}", null, 201);
        String[] linkToken = new String[1];
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            linkToken[0] = null;
            for (Path eml : stack.receivedMail()) {
                // Quoted-printable: soft line breaks joined, "=" written as =3D.
                String raw = Files.readString(eml).replace("=\r\n", "").replace("=\n", "");
                java.util.regex.Matcher link = java.util.regex.Pattern.compile(
                                "/portal/sign-in#token=(?:3D)?([A-Za-z0-9_-]{43})")
                        .matcher(raw);
                if (raw.contains(address) && link.find()) {
                    assertEquals(null, linkToken[0], "one invitation");
                    linkToken[0] = link.group(1);
                }
            }
            assertTrue(linkToken[0] != null, "the invitation reached the SMTP server");
        });
        String exchange = "{\"token\":\"" + linkToken[0] + "\"}";
        HttpResponse<String> signedIn =
                sendWith(null, "partner-service", "POST", "/api/portal/sessions", exchange, null);
        assertEquals(201, signedIn.statusCode(), signedIn.body());
        HttpResponse<String> again = sendWith(null, "partner-service", "POST", "/api/portal/sessions", exchange, null);
        assertEquals(410, again.statusCode(), "a link works once: " + again.body());
        return JSON.readTree(signedIn.body()).get("accessToken").asText();
    }

    /**
     * The partner refers someone from the portal, as soon as referral-service has heard of the partner's access (its
     * copy of the partner refuses the session with 401 until partner.events arrives).
     */
    private String referFromPortal(String session, String firstName, String email, String consent, String key)
            throws Exception {
        String body = "{\"firstName\":\"" + firstName + "\",\"lastName\":\"Doe\",\"email\":\"" + email
                + "\",\"need\":\"Burnout after a promotion\",\"consent\":\"" + consent + "\"}";
        String[] id = new String[1];
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).until(() -> {
            HttpResponse<String> response =
                    sendWith(session, "referral-service", "POST", "/api/portal/referrals", body, key);
            if (response.statusCode() == 201) {
                id[0] = JSON.readTree(response.body()).get("id").asText();
                return true;
            }
            assertEquals(401, response.statusCode(), response.body());
            return false;
        });
        return id[0];
    }

    private JsonNode portalGet(String session, String service, String path) throws Exception {
        HttpResponse<String> response = sendWith(session, service, "GET", path, null, null);
        assertEquals(200, response.statusCode(), "GET " + path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    /** Records a referral for the partner as soon as referral-service knows it (422 until partner.events arrives). */
    private String referOnceKnown(String partnerId, String name, String consent, String idempotencyKey)
            throws Exception {
        String body = "{\"partnerId\":\"" + partnerId + "\",\"referred\":{\"name\":\"" + name
                + "\",\"email\":\"" + name.toLowerCase().replace(' ', '.') + "@example.com\"},\"consent\":\""
                + consent + "\"}";
        String[] id = new String[1];
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).until(() -> {
            HttpResponse<String> response = send("referral-service", "POST", "/api/referrals", body, idempotencyKey);
            if (response.statusCode() == 201) {
                id[0] = JSON.readTree(response.body()).get("id").asText();
                return true;
            }
            assertEquals(422, response.statusCode(), response.body());
            return false;
        });
        return id[0];
    }

    private JsonNode call(
            String service, String method, String path, String body, String idempotencyKey, int expectedStatus)
            throws IOException, InterruptedException {
        HttpResponse<String> response = send(service, method, path, body, idempotencyKey);
        assertEquals(expectedStatus, response.statusCode(), method + " " + path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String service, String method, String path, String body, String idempotencyKey)
            throws IOException, InterruptedException {
        return sendWith(token, service, method, path, body, idempotencyKey);
    }

    /** A request with another bearer token (a partner's portal session), or none. */
    private HttpResponse<String> sendWith(
            String bearer, String service, String method, String path, String body, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(service, path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String service, String path) {
        return URI.create("http://localhost:" + stack.servicePort(service) + path);
    }

    /**
     * Issue 29 across the packaged services: a campaign with two variants asks 40 partners (each ask at the SMTP server
     * with its own campaign link), a partner who unsubscribed is not asked, referrals come through the links and by
     * another channel, some convert, and the results metrics-service shows equal a recount of the stored referrals.
     */
    @Test
    void aCampaignWithTwoVariantsAsksFortyPartnersAndItsResultsEqualARecountOfTheStoredReferrals() throws Exception {
        call("notification-service", "PUT", "/api/notifications/settings", """
                {"practiceName":"Blake Coaching","replyTo":"jordan@blakecoaching.example","signature":"Jordan Blake",
                 "autoSend":["referral_thank_you"]}""", null, 200);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        java.util.Map<String, String> partnerByAddress = new java.util.HashMap<>();
        for (int i = 1; i <= 40; i++) {
            String address = "partner" + i + "-" + tag + "@campaign.example";
            String id = call(
                            "partner-service",
                            "POST",
                            "/api/partners",
                            "{\"name\":\"Partner " + i + " Example\",\"email\":\"" + address
                                    + "\",\"category\":\"professional\"}",
                            null,
                            201)
                    .get("id")
                    .asText();
            partnerByAddress.put(address, id);
        }
        String unsubscribed = unsubscribedPartner(tag);

        String campaignId = call(
                        "partner-service",
                        "POST",
                        "/api/campaigns",
                        """
                {"name":"Spring ask","startsAt":"%s","endsAt":"%s","trigger":"start","goal":"partners_referring",
                 "autoSend":true,"audience":{"categories":["professional"]},
                 "variants":[
                   {"key":"a","name":"Thank-you note","weight":50,"askSubject":"A quick ask, {partnerFirstName}",
                    "askBody":"Who do you know who is struggling with work-life balance? Refer them here: {campaignLink}",
                    "incentive":null},
                   {"key":"b","name":"Session credit","weight":50,
                    "askSubject":"A free session for you, {partnerFirstName}",
                    "askBody":"Refer someone who needs a coach and get {incentive}: {campaignLink}",
                    "incentive":{"type":"session_credit","value":{"amount":"80.00","currency":"USD"},
                                 "description":"a free coaching session","earnedOn":"conversion"}}]}""".formatted(
                                        java.time.Instant.now().minusSeconds(60),
                                        java.time.Instant.now().plus(Duration.ofDays(30))),
                        null,
                        201)
                .get("id")
                .asText();
        JsonNode preview =
                call("partner-service", "GET", "/api/campaigns/" + campaignId + "/audience?size=100", null, null, 200);
        assertEquals(41, preview.get("total").asInt(), "the 40 and the one who unsubscribed: " + preview);
        JsonNode started = call("partner-service", "POST", "/api/campaigns/" + campaignId + "/start", null, null, 200);
        assertEquals("running", started.get("status").asText(), started.toString());

        // Each of the 40 asks reaches the SMTP server once, with a campaign link of its own; paced, so give it time.
        java.util.Map<String, String> linkByPartner = new java.util.HashMap<>();
        java.util.Map<String, String> variantByPartner = new java.util.HashMap<>();
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    linkByPartner.clear();
                    variantByPartner.clear();
                    for (Path eml : stack.receivedMail()) {
                        String raw = Files.readString(eml).replace("=\r\n", "").replace("=\n", "");
                        java.util.regex.Matcher link = java.util.regex.Pattern.compile(
                                        "/refer/#(?:3D)?([A-Za-z0-9_-]{20,})")
                                .matcher(raw);
                        if (!raw.contains(tag + "@campaign.example") || !link.find()) {
                            continue;
                        }
                        String address = partnerByAddress.keySet().stream()
                                .filter(raw::contains)
                                .findFirst()
                                .orElseThrow(() -> new AssertionError("an ask to someone else: " + raw));
                        String partnerId = partnerByAddress.get(address);
                        assertEquals(null, linkByPartner.put(partnerId, link.group(1)), "asked twice: " + address);
                        variantByPartner.put(partnerId, raw.contains("Subject: A free session for you") ? "b" : "a");
                    }
                    assertEquals(40, linkByPartner.size(), "asks at the SMTP server");
                });
        assertEquals(java.util.Set.copyOf(partnerByAddress.values()), linkByPartner.keySet());
        assertEquals(
                java.util.Set.of("a", "b"),
                java.util.Set.copyOf(variantByPartner.values()),
                "40 partners over 50/50 get both variants");
        JsonNode suppressed =
                call("notification-service", "GET", "/api/notifications?partnerId=" + unsubscribed, null, null, 200);
        for (JsonNode message : suppressed.get("items")) {
            if ("campaign_ask".equals(message.get("kind").asText())) {
                assertEquals("suppressed", message.get("status").asText(), suppressed.toString());
            }
        }

        // Referrals: the first twelve partners through their campaign links (every third converts), two more asked
        // partners by the practice's API (another channel), and one from the unsubscribed partner, never asked.
        List<String> asked = linkByPartner.keySet().stream().sorted().toList();
        for (int i = 0; i < 12; i++) {
            String partnerId = asked.get(i);
            HttpResponse<String> intake = HTTP.send(
                    HttpRequest.newBuilder(uri("referral-service", "/api/intake/" + linkByPartner.get(partnerId)))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"referred\":{\"name\":\"Person " + i
                                    + " Doe\",\"email\":\"person" + i + "-" + tag + "@example.com\"},"
                                    + "\"consent\":\"outcome\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, intake.statusCode(), intake.body());
            if (i % 3 == 0) {
                convert(JSON.readTree(intake.body()).get("id").asText(), "1500.00");
            }
        }
        for (int i = 12; i < 14; i++) {
            String referralId = refer(asked.get(i), "Other " + i + " Doe", "other" + i + "-" + tag, "other-" + tag + i);
            convert(referralId, "1000.00");
        }
        refer(unsubscribed, "Never Asked", "never-" + tag, "never-" + tag);

        // The recount: the stored referrals, each with the campaign and variant referral-service attributed it to.
        java.util.Map<String, int[]> recount = new java.util.TreeMap<>(); // variant -> referrals, converted, by link
        java.util.Map<String, java.util.Set<String>> referring = new java.util.TreeMap<>();
        java.math.BigDecimal[] revenue = {java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO};
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            recount.clear();
            referring.clear();
            revenue[0] = java.math.BigDecimal.ZERO;
            revenue[1] = java.math.BigDecimal.ZERO;
            JsonNode referrals = call("referral-service", "GET", "/api/referrals?size=100", null, null, 200);
            int attributed = 0;
            for (JsonNode referral : referrals.get("items")) {
                JsonNode campaign = referral.get("campaign");
                if (campaign == null || campaign.isNull()) {
                    continue;
                }
                assertEquals(campaignId, campaign.get("campaignId").asText(), referral.toString());
                attributed++;
                String variant = campaign.get("variant").asText();
                assertEquals(variantByPartner.get(referral.get("partnerId").asText()), variant, referral.toString());
                int[] counts = recount.computeIfAbsent(variant, v -> new int[3]);
                counts[0]++;
                boolean converted = "converted".equals(referral.get("status").asText());
                if (converted) {
                    counts[1]++;
                    revenue["a".equals(variant) ? 0 : 1] =
                            revenue["a".equals(variant) ? 0 : 1].add(new java.math.BigDecimal(
                                    referral.get("programValue").asText()));
                }
                if ("campaign_link".equals(campaign.get("via").asText())) {
                    counts[2]++;
                }
                referring
                        .computeIfAbsent(variant, v -> new java.util.TreeSet<>())
                        .add(referral.get("partnerId").asText());
            }
            assertEquals(14, attributed, "12 through links and 2 by the API, none from the partner never asked");
        });

        // metrics-service, from the events alone, shows the same numbers per variant.
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode results = call("metrics-service", "GET", "/api/metrics/campaigns/" + campaignId, null, null, 200);
            assertEquals(2, results.get("variants").size(), results.toString());
            for (JsonNode variant : results.get("variants")) {
                String key = variant.get("key").asText();
                long askedHere =
                        variantByPartner.values().stream().filter(key::equals).count();
                int[] counts = recount.getOrDefault(key, new int[3]);
                assertEquals(askedHere, variant.get("asked").asLong(), results.toString());
                assertEquals(counts[0], variant.get("referrals").asInt(), results.toString());
                assertEquals(counts[1], variant.get("conversions").asInt(), results.toString());
                assertEquals(counts[2], variant.get("referralsByLink").asInt(), results.toString());
                assertEquals(
                        referring.getOrDefault(key, java.util.Set.of()).size(),
                        variant.get("partnersReferring").asInt(),
                        results.toString());
                assertEquals(
                        0,
                        revenue["a".equals(key) ? 0 : 1].compareTo(new java.math.BigDecimal(
                                variant.get("revenue").get("amount").asText())),
                        results.toString());
                assertTrue(variant.get("opened").isNull(), "opens are not tracked");
                double chance = variant.get("chanceToBeBest").asDouble();
                assertTrue(chance >= 0 && chance <= 1, results.toString());
            }
            assertEquals("not_enough_data", results.get("verdict").get("kind").asText(), results.toString());
        });
    }

    /** A partner who got a thank-you and used its unsubscribe link. Returns the partner's id. */
    private String unsubscribedPartner(String tag) throws Exception {
        String address = "gone-" + tag + "@campaign.example";
        String partnerId = call(
                        "partner-service",
                        "POST",
                        "/api/partners",
                        "{\"name\":\"Gone Away\",\"email\":\"" + address + "\",\"category\":\"professional\"}",
                        null,
                        201)
                .get("id")
                .asText();
        refer(partnerId, "First Doe", "first-" + tag, "first-" + tag);
        String[] unsubscribe = new String[1];
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            for (Path eml : stack.receivedMail()) {
                String raw = Files.readString(eml);
                java.util.regex.Matcher header = java.util.regex.Pattern.compile(
                                "List-Unsubscribe: <[^>]*(/api/unsubscribe/[^>]+)>")
                        .matcher(raw);
                if (raw.contains(address) && header.find()) {
                    unsubscribe[0] = header.group(1);
                }
            }
            assertTrue(unsubscribe[0] != null, "the thank-you reached the SMTP server");
        });
        HttpResponse<String> done = sendWith(null, "notification-service", "POST", unsubscribe[0], "", null);
        assertTrue(done.statusCode() < 300, done.body());
        return partnerId;
    }

    /**
     * Issue 30 across the packaged services: a Cal.com booking carrying a referral's code moves it to consultation
     * booked (once, however often Cal.com retries), closes its first-contact task and shows in the funnel and
     * time-to-booking; a Calendly booking is matched by the attendee's email; a booking of nobody known waits in the
     * unmatched list with a task until the practice matches it by hand; a post with a wrong signature changes nothing.
     * The signatures are made here with javax.crypto, as each provider documents them.
     */
    @Test
    void bookingsFromCalComAndCalendlyMoveTheirReferralsAlongAndAnUnmatchedOneWaitsForThePractice() throws Exception {
        String partnerId = call(
                        "partner-service",
                        "POST",
                        "/api/partners",
                        "{\"name\":\"Casey Booker\",\"email\":\"casey@booking.example\",\"category\":\"professional\"}",
                        null,
                        201)
                .get("id")
                .asText();

        // Cal.com: the practice connects it and lets the platform make the signing secret, shown this once.
        JsonNode calcom = call(
                "referral-service",
                "POST",
                "/api/booking-integrations",
                "{\"provider\":\"calcom\",\"bookingPageUrl\":\"https://cal.com/blake-coaching/consultation\"}",
                null,
                201);
        String calcomSecret = calcom.get("signingSecret").asText();
        String calcomPath = URI.create(calcom.get("receivingUrl").asText()).getPath();
        assertFalse(
                call("referral-service", "GET", "/api/booking-integrations", null, null, 200)
                        .toString()
                        .contains(calcomSecret),
                "the secret is shown once");

        String samId = refer(partnerId, "Sam Booker", "sam.booker", null);
        JsonNode sam = call("referral-service", "GET", "/api/referrals/" + samId, null, null, 200);
        String code = sam.get("bookingCode").asText();
        assertTrue(sam.get("bookingLink").asText().contains("metadata%5Bref%5D=" + code), sam.toString());
        untilTheTaskIs("open", "/api/tasks?kind=first_contact&partnerId=" + partnerId);

        String created = """
                {"triggerEvent":"BOOKING_CREATED","createdAt":"2026-12-07T09:00:00.000Z","payload":{
                 "uid":"cal-uid-%s","title":"Consultation","startTime":"2026-12-09T15:00:00.000Z",
                 "endTime":"2026-12-09T15:30:00.000Z","attendees":[{"name":"Someone Else","email":"other@example.com",
                 "timeZone":"Europe/Berlin"}],"metadata":{"ref":"%s"}}}""".formatted(samId, code);
        HttpResponse<String> wrong = postSigned(calcomPath, created, "X-Cal-Signature-256", hmacHex("not-it", created));
        assertEquals(401, wrong.statusCode(), wrong.body());
        assertTrue(wrong.body().contains("booking-signature-invalid"), wrong.body());
        assertEquals(
                "received",
                call("referral-service", "GET", "/api/referrals/" + samId, null, null, 200)
                        .get("status")
                        .asText());
        List<String> outcomes = new java.util.ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) { // Cal.com retries until it sees a 2xx
            HttpResponse<String> response =
                    postSigned(calcomPath, created, "X-Cal-Signature-256", hmacHex(calcomSecret, created));
            assertEquals(200, response.statusCode(), response.body());
            outcomes.add(JSON.readTree(response.body()).get("outcome").asText());
        }
        assertEquals(List.of("booked", "duplicate", "duplicate"), outcomes);
        sam = call("referral-service", "GET", "/api/referrals/" + samId, null, null, 200);
        assertEquals("consultation_booked", sam.get("status").asText(), sam.toString());
        assertEquals("2026-12-09T15:00:00Z", sam.get("consultationAt").asText(), sam.toString());
        JsonNode history = call("referral-service", "GET", "/api/referrals/" + samId + "/history", null, null, 200);
        assertEquals(1, history.toString().split("consultation_booked", -1).length - 1, history.toString());
        untilTheTaskIs("closed", "/api/tasks?kind=first_contact&partnerId=" + partnerId);

        // Calendly instead: one integration at a time, so Cal.com goes (its URL answers 404 from now on).
        call(
                "referral-service",
                "DELETE",
                "/api/booking-integrations/" + calcom.get("id").asText(),
                null,
                null,
                204);
        assertEquals(
                404,
                postSigned(calcomPath, created, "X-Cal-Signature-256", hmacHex(calcomSecret, created))
                        .statusCode());
        String calendlyKey = "calendly-signing-key-" + UUID.randomUUID();
        JsonNode calendly = call(
                "referral-service",
                "POST",
                "/api/booking-integrations",
                "{\"provider\":\"calendly\",\"bookingPageUrl\":\"https://calendly.com/blake-coaching/intro\","
                        + "\"signingSecret\":\"" + calendlyKey + "\"}",
                null,
                201);
        String calendlyPath = URI.create(calendly.get("receivingUrl").asText()).getPath();
        String alexId = refer(partnerId, "Alex Booker", "alex.booker", null);
        HttpResponse<String> byEmail = postCalendly(calendlyPath, calendlyKey, "ALEX.BOOKER@EXAMPLE.COM", "alex");
        assertEquals(200, byEmail.statusCode(), byEmail.body());
        assertEquals("booked", JSON.readTree(byEmail.body()).get("outcome").asText(), byEmail.body());
        assertEquals(
                "consultation_booked",
                call("referral-service", "GET", "/api/referrals/" + alexId, null, null, 200)
                        .get("status")
                        .asText());

        // Nobody known: it waits, with a task, until the practice matches it to the referral it belongs to.
        String joId = refer(partnerId, "Jo Booker", "jo.booker", null);
        HttpResponse<String> unknown = postCalendly(calendlyPath, calendlyKey, "jo.private@elsewhere.example", "jo");
        JsonNode receipt = JSON.readTree(unknown.body());
        assertEquals("unmatched", receipt.get("outcome").asText(), unknown.body());
        String bookingId = receipt.get("bookingId").asText();
        JsonNode waiting = call("referral-service", "GET", "/api/bookings?state=unmatched", null, null, 200);
        assertTrue(waiting.toString().contains(bookingId), waiting.toString());
        untilTheTaskIs("open", "/api/tasks?kind=booking_unmatched");
        call(
                "referral-service",
                "POST",
                "/api/bookings/" + bookingId + "/match",
                "{\"referralId\":\"" + joId + "\"}",
                null,
                200);
        assertEquals(
                "consultation_booked",
                call("referral-service", "GET", "/api/referrals/" + joId, null, null, 200)
                        .get("status")
                        .asText());
        untilTheTaskIs("closed", "/api/tasks?kind=booking_unmatched");

        // The funnel and the partner's time-to-booking count all three, once each.
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode funnel = call("metrics-service", "GET", "/api/metrics/funnel", null, null, 200);
            JsonNode booked = null;
            for (JsonNode step : funnel.get("steps")) {
                if (step.get("status").asText().equals("consultation_booked")) {
                    booked = step;
                }
            }
            assertEquals(3, booked == null ? -1 : booked.get("reached").asInt(), funnel.toString());
            JsonNode partner =
                    call("metrics-service", "GET", "/api/metrics/partners?sort=received&order=desc", null, null, 200);
            JsonNode row = partner.get("items").get(0);
            assertEquals(3, row.get("referralsReceived").asInt(), partner.toString());
            assertFalse(row.path("averageDaysToBook").isNull(), partner.toString());
            System.out.printf(
                    "Bookings end to end: funnel %s; partner averageDaysToBook %s%n",
                    funnel.get("steps"), row.get("averageDaysToBook"));
        });
    }

    /** Polls until the first task of the listing has the status (notification-service opens and closes by events). */
    private void untilTheTaskIs(String status, String tasksPath) {
        await().atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertEquals(
                        status,
                        call("notification-service", "GET", tasksPath, null, null, 200)
                                .path("items")
                                .path(0)
                                .path("status")
                                .asText()));
    }

    private HttpResponse<String> postCalendly(String path, String key, String email, String name) throws Exception {
        String body = """
                {"created_at":"2026-12-07T09:00:00.000000Z","created_by":"https://api.calendly.com/users/AAAA",
                 "event":"invitee.created","payload":{"uri":"https://api.calendly.com/scheduled_events/EV-%1$s/invitees/INV-%1$s",
                 "email":"%2$s","name":"%1$s","status":"active","rescheduled":false,"old_invitee":null,"new_invitee":null,
                 "tracking":{"utm_campaign":null,"utm_source":null,"utm_medium":null,"utm_content":null,"utm_term":null},
                 "scheduled_event":{"uri":"https://api.calendly.com/scheduled_events/EV-%1$s","name":"Intro call",
                 "start_time":"2026-12-10T16:00:00.000000Z","end_time":"2026-12-10T16:30:00.000000Z"}}}""".formatted(name + "-" + UUID.randomUUID(), email);
        long t = java.time.Instant.now().getEpochSecond();
        return postSigned(path, body, "Calendly-Webhook-Signature", "t=" + t + ",v1=" + hmacHex(key, t + "." + body));
    }

    private HttpResponse<String> postSigned(String path, String body, String header, String signature)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(uri("referral-service", path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header(header, signature)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Lower-case hex HMAC-SHA256, as Cal.com and Calendly compute their signatures. */
    private static String hmacHex(String secret, String content) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of()
                .formatHex(mac.doFinal(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** A referral the practice records for the partner through its API; returns its id. */
    private String refer(String partnerId, String name, String emailLocalPart, String idempotencyKey) throws Exception {
        String body = "{\"partnerId\":\"" + partnerId + "\",\"referred\":{\"name\":\"" + name + "\",\"email\":\""
                + emailLocalPart + "@example.com\"},\"consent\":\"outcome\"}";
        JsonNode[] made = new JsonNode[1];
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).until(() -> {
            HttpResponse<String> response = send("referral-service", "POST", "/api/referrals", body, idempotencyKey);
            if (response.statusCode() == 201) {
                made[0] = JSON.readTree(response.body());
                return true;
            }
            assertEquals(
                    422, response.statusCode(), "until referral-service has heard of the partner: " + response.body());
            return false;
        });
        return made[0].get("id").asText();
    }

    private void convert(String referralId, String programValue) throws Exception {
        call(
                "referral-service",
                "POST",
                "/api/referrals/" + referralId + "/conversion",
                "{\"programValue\":\"" + programValue + "\",\"currency\":\"USD\"}",
                null,
                200);
    }

    private String messagesOf(String partnerId) {
        try {
            return send("notification-service", "GET", "/api/notifications?partnerId=" + partnerId, null, null)
                    .body();
        } catch (Exception e) {
            return "(not read: " + e + ")";
        }
    }

    private String tasksOf(String partnerId) {
        try {
            return send("notification-service", "GET", "/api/tasks?partnerId=" + partnerId, null, null)
                    .body();
        } catch (Exception e) {
            return "(not read: " + e + ")";
        }
    }
}
