package io.referrals.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts referrals to referral-service as an integration would: each with its own {@code Idempotency-Key} and a
 * person never referred before, from one of the practice's partners or from a referrer not yet known.
 */
final class IntakeClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI partners;
    private final URI referrals;
    private final String token;
    private final String run = Long.toString(System.nanoTime(), 36);
    private final AtomicLong sequence = new AtomicLong();

    IntakeClient(int partnerServicePort, int referralServicePort, String token) {
        this.partners = URI.create("http://localhost:" + partnerServicePort + "/api/partners");
        this.referrals = URI.create("http://localhost:" + referralServicePort + "/api/referrals");
        this.token = token;
    }

    String token() {
        return token;
    }

    /** Creates a partner and answers its id. */
    UUID createPartner(int n) throws Exception {
        String body = "{\"name\":\"Bench Partner " + n + "\",\"email\":\"partner-" + n + "-" + run
                + "@bench.example\",\"category\":\"colleague\"}";
        HttpResponse<String> response = post(partners, body, "partner-" + run + "-" + n);
        if (response.statusCode() != 201) {
            throw new IllegalStateException(
                    "Creating a partner answered " + response.statusCode() + ": " + response.body());
        }
        return UUID.fromString(JSON.readTree(response.body()).get("id").asText());
    }

    /** One referral from one of {@code partnerIds}, chosen round-robin; answers the service's response. */
    HttpResponse<String> referFrom(List<UUID> partnerIds) throws Exception {
        long n = sequence.incrementAndGet();
        return referral(partnerIds.get((int) (n % partnerIds.size())), n);
    }

    /** Referral number {@code n} of this client from {@code partner}: the same body and key however often sent. */
    HttpResponse<String> referral(UUID partner, long n) throws Exception {
        String body = "{\"partnerId\":\"" + partner + "\",\"referred\":" + person(n) + ",\"consent\":\"outcome\"}";
        return post(referrals, body, key(n));
    }

    /** One referral from a referrer the practice does not know yet (referral-service assigns its partner id). */
    HttpResponse<String> referFromSomeoneNew() throws Exception {
        long n = sequence.incrementAndGet();
        String body = "{\"referrer\":{\"name\":\"New Referrer " + n + "\",\"email\":\"referrer-" + n + "-" + run
                + "@bench.example\"},\"referred\":" + person(n) + ",\"consent\":\"outcome\"}";
        return post(referrals, body, key(n));
    }

    /** The {@code Idempotency-Key} the answered request carried. */
    static String idempotencyKey(HttpResponse<String> response) {
        return response.request().headers().firstValue("Idempotency-Key").orElseThrow();
    }

    static JsonNode body(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private String person(long n) {
        return "{\"name\":\"Bench Person " + n + "\",\"email\":\"person-" + n + "-" + run + "@bench.example\"}";
    }

    private String key(long n) {
        return "bench-" + run + "-" + n;
    }

    private HttpResponse<String> post(URI uri, String body, String idempotencyKey) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
