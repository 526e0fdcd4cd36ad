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

/**
 * What the demo practice needs beyond {@link DemoData}'s partners and referrals for every screen of the console to
 * show something: a practice profile (niches, monthly goal, time zone), an intake link and a referral given back.
 * Each is made only when missing, so running {@code --demo} again changes nothing, and never overwrites edits.
 */
final class ConsoleDemoData {
    private static final String LINK_NAME = "Website referral form";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final ObjectMapper json = new ObjectMapper();
    private final String token;
    private final int partnerPort;
    private final int referralPort;

    ConsoleDemoData(String token, int partnerPort, int referralPort) {
        this.token = token;
        this.partnerPort = partnerPort;
        this.referralPort = referralPort;
    }

    /** Adds what is missing and answers a one-line summary of what it added. */
    String load() throws IOException, InterruptedException {
        StringBuilder added = new StringBuilder();
        JsonNode profile = call(partnerPort, "GET", "/api/practice", null);
        if (profile.path("monthlyReferralGoal").isNull()
                || profile.path("monthlyReferralGoal").isMissingNode()) {
            ObjectNode body = json.createObjectNode();
            body.putArray("services").add("career coaching").add("leadership coaching");
            body.putObject("idealReferral")
                    .put("demographics", "35-55, professionals and managers")
                    .put("situation", "Considering a career change or a first leadership role")
                    .put("psychographics", "Values growth, ready to invest in themselves")
                    .put("readiness", "Wants to start within a month");
            body.putArray("niches").add("career change").add("new managers");
            body.put("defaultCheckInCadenceDays", 30).put("monthlyReferralGoal", 8);
            body.put("timeZone", "America/New_York");
            call(partnerPort, "PUT", "/api/practice", body);
            added.append("a practice profile");
        }
        JsonNode links = call(referralPort, "GET", "/api/intake-links?size=200", null);
        boolean hasLink = false;
        for (JsonNode link : links.path("items")) {
            hasLink |= LINK_NAME.equals(link.path("name").asText());
        }
        if (!hasLink) {
            call(
                    referralPort,
                    "POST",
                    "/api/intake-links",
                    json.createObjectNode().put("name", LINK_NAME));
            added.append(added.isEmpty() ? "" : ", ").append("an intake link");
        }
        JsonNode given = call(referralPort, "GET", "/api/referrals/given?size=1", null);
        JsonNode partners = call(partnerPort, "GET", "/api/partners?size=1&sort=name", null);
        if (given.path("items").isEmpty() && !partners.path("items").isEmpty()) {
            ObjectNode body = json.createObjectNode()
                    .put("partnerId", partners.path("items").get(0).path("id").asText())
                    .put("need", "Couples counselling after a move")
                    .put("estimatedValue", "900.00")
                    .put("currency", "USD");
            body.putObject("person").put("name", "Jamie Park");
            call(referralPort, "POST", "/api/referrals/given", body);
            added.append(added.isEmpty() ? "" : ", ").append("a referral given");
        }
        return added.isEmpty() ? "nothing new for the console" : added + " for the console";
    }

    private JsonNode call(int port, String method, String path, JsonNode body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("Demo data: " + method + " " + path + " got HTTP " + response.statusCode()
                    + ": " + response.body());
        }
        return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
    }
}
