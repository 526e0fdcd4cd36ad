package io.referrals.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The benchmark's webhook receiver, over real HTTP: what it counts, and what it refuses. */
class DeliveryReceiverTest {
    private static final byte[] KEY = "a key of thirty-two bytes, 32 b.".getBytes(StandardCharsets.UTF_8);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void countsEachSignedDeliveryOnceAndRefusesTheRest() throws Exception {
        try (DeliveryReceiver receiver = new DeliveryReceiver()) {
            receiver.signedWith("whsec_" + Base64.getEncoder().encodeToString(KEY));
            UUID referral = UUID.randomUUID();
            String body = "{\"type\":\"referral.received\",\"data\":{\"referralId\":\"" + referral + "\"}}";
            String timestamp = "1765100000";

            // During a rotation two signatures, the old first: one that checks is enough.
            assertEquals(200, post(receiver, "msg_1", timestamp, "v1,b2xk " + sign("msg_1", timestamp, body), body));
            assertEquals(200, post(receiver, "msg_1", timestamp, sign("msg_1", timestamp, body), body)); // again
            assertEquals(200, post(receiver, "msg_2", timestamp, sign("msg_1", timestamp, body), body)); // wrong id
            assertEquals(200, post(receiver, "msg_3", timestamp, sign("msg_3", timestamp, "{}"), "{}")); // no referral

            // The receiver answers before it counts: wait until it has looked at all four.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (receiver.count() + receiver.repeats() + receiver.refused() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, receiver.count());
            assertEquals(referral, receiver.arrivals().get("msg_1").referralId());
            assertEquals(1, receiver.repeats());
            assertEquals(2, receiver.refused());
        }
    }

    private int post(DeliveryReceiver receiver, String id, String timestamp, String signature, String body)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(receiver.url())
                .header("webhook-id", id)
                .header("webhook-timestamp", timestamp)
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String sign(String id, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        return "v1,"
                + Base64.getEncoder()
                        .encodeToString(
                                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }
}
