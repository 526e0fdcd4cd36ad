package io.referrals.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Demo partners and referrals for tenant {@code demo-practice}, created through the public APIs. Running it again
 * creates nothing new: duplicate partners come back as 409 naming the existing one, and referrals carry fixed
 * Idempotency-Keys.
 */
final class DemoData {
    static final String TENANT = "demo-practice";
    private static final Duration UNKNOWN_PARTNER_PATIENCE = Duration.ofSeconds(30);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    private record DemoPartner(String name, String email, String category) {}

    private record DemoReferral(String idempotencyKey, int partner, String name, String email, String note) {}

    private static final List<DemoPartner> PARTNERS = List.of(
            new DemoPartner("Dana Lee", "dana@leecounseling.example", "professional"),
            new DemoPartner("Marcus Chen", "marcus.chen@example.com", "client"),
            new DemoPartner("Priya Natarajan", "priya@northside-chamber.example", "center_of_influence"));

    private static final List<DemoReferral> REFERRALS = List.of(
            new DemoReferral(
                    "demo-referral-1",
                    0,
                    "Sam Rivera",
                    "sam.rivera@example.com",
                    "Looking for help with a career transition; prefers evening calls."),
            new DemoReferral(
                    "demo-referral-2",
                    1,
                    "Jordan Blake",
                    "jordan.blake@example.com",
                    "Colleague of Marcus, interested in leadership coaching."),
            new DemoReferral(
                    "demo-referral-3",
                    2,
                    "Alex Morgan",
                    "alex.morgan@example.com",
                    "Met at the chamber breakfast; small-business owner."));

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final ObjectMapper json = new ObjectMapper();
    private final String token;
    private final Integer partnerPort;
    private final Integer referralPort;

    /** {@code referralPort} is null when referral-service is not part of the stack: only partners are loaded. */
    DemoData(String token, int partnerPort, Integer referralPort) {
        this.token = token;
        this.partnerPort = partnerPort;
        this.referralPort = referralPort;
    }

    /** Loads everything and returns a one-line summary. */
    String load() throws IOException, InterruptedException {
        List<String> partnerIds = new ArrayList<>();
        int newPartners = 0;
        for (DemoPartner partner : PARTNERS) {
            ObjectNode body = json.createObjectNode()
                    .put("name", partner.name())
                    .put("email", partner.email())
                    .put("category", partner.category());
            HttpResponse<String> response = post(partnerPort, "/api/partners", body, null);
            JsonNode answer = parse(response);
            if (response.statusCode() == 201) {
                partnerIds.add(answer.path("id").asText());
                newPartners++;
            } else if (response.statusCode() == 409 && answer.hasNonNull("existingPartnerId")) {
                partnerIds.add(answer.get("existingPartnerId").asText());
            } else {
                throw unexpected("creating partner " + partner.name(), response);
            }
        }
        String summary = PARTNERS.size() + " partners (" + newPartners + " new)";
        if (referralPort == null) {
            return summary + "; referral-service is not running, so no referrals";
        }
        List<String> referralIds = new ArrayList<>();
        for (DemoReferral referral : REFERRALS) {
            referralIds.add(createReferral(referral, partnerIds.get(referral.partner())));
        }
        boolean converted = convert(referralIds.get(0));
        return summary + ", " + REFERRALS.size() + " referrals, the first one converted"
                + (converted ? "" : " (already before)");
    }

    /**
     * referral-service learns partners from Kafka, a moment after partner-service created them: until then it
     * answers 422 unknown-partner, so that is retried for a while.
     */
    private String createReferral(DemoReferral referral, String partnerId) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode().put("partnerId", partnerId);
        body.putObject("referred").put("name", referral.name()).put("email", referral.email());
        body.put("note", referral.note()).put("consent", "outcome");
        Instant giveUp = Instant.now().plus(UNKNOWN_PARTNER_PATIENCE);
        while (true) {
            HttpResponse<String> response = post(referralPort, "/api/referrals", body, referral.idempotencyKey());
            JsonNode answer = parse(response);
            if (response.statusCode() == 201 || response.statusCode() == 200) {
                return answer.path("id").asText();
            }
            String type = answer.path("type").asText("");
            boolean partnerNotKnownYet = response.statusCode() == 422 && type.endsWith("unknown-partner");
            boolean keyInProgress = response.statusCode() == 409 && type.endsWith("idempotency-key-in-progress");
            if (partnerNotKnownYet && Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("Demo data: referral-service still does not know partner " + partnerId
                        + " after " + UNKNOWN_PARTNER_PATIENCE.toSeconds() + " s. It learns partners from the Kafka "
                        + "topic partner.events: see logs/referral-service.log (and its dead-letter topic "
                        + "referral-service.dlq).");
            }
            if (!(partnerNotKnownYet || keyInProgress) || Instant.now().isAfter(giveUp)) {
                throw unexpected("creating referral " + referral.idempotencyKey(), response);
            }
            Thread.sleep(RETRY_PAUSE.toMillis());
        }
    }

    /** True if converted now, false if an earlier demo run converted it already (409). */
    private boolean convert(String referralId) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode().put("programValue", "1500.00").put("currency", "USD");
        HttpResponse<String> response =
                post(referralPort, "/api/referrals/" + referralId + "/conversion", body, "demo-conversion-1");
        if (response.statusCode() == 200 || response.statusCode() == 201) {
            return true;
        }
        if (response.statusCode() == 409) {
            return false;
        }
        throw unexpected("converting referral " + referralId, response);
    }

    private HttpResponse<String> post(int port, String path, JsonNode body, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode parse(HttpResponse<String> response) {
        try {
            return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static IllegalStateException unexpected(String action, HttpResponse<String> response) {
        return new IllegalStateException("Demo data: " + action + " got HTTP " + response.statusCode() + " from "
                + response.uri() + ": " + response.body());
    }
}
