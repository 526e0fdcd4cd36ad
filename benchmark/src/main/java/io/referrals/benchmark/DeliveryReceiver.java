package io.referrals.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook endpoint in the benchmark's JVM that answers 200 at once, as a healthy receiver does, then notes when
 * each delivery arrived (epoch microseconds), for which referral ({@code data.referralId}), and whether its Standard
 * Webhooks signature checks out. A delivery sent again (same {@code webhook-id}) counts once, at its first arrival.
 */
final class DeliveryReceiver implements AutoCloseable {
    /** One delivery: the referral it announced and when it first arrived. */
    record Arrival(UUID referralId, long epochMicros) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16, r -> {
        Thread thread = new Thread(r, "webhook-receiver");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();
    private final AtomicLong repeats = new AtomicLong();
    private final AtomicLong badSignatures = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private volatile byte[] signingKey;

    static {
        // The JDK's server writes an answer's head and body separately; without TCP_NODELAY each answer waits for the
        // client's delayed acknowledgement (40 ms on Linux), and the receiver, not the sender, would set the pace. Read
        // once per JVM, when the first server is made: Benchmark.main sets it first thing too.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    DeliveryReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/hooks/referrals", this::receive);
        server.setExecutor(threads);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/referrals");
    }

    /** The subscription's secret ({@code whsec_<base64>}), as the 201 answer showed it. */
    void signedWith(String secret) {
        signingKey = Base64.getDecoder().decode(secret.substring(secret.indexOf('_') + 1));
    }

    private void receive(HttpExchange exchange) throws IOException {
        long arrived = Clocks.epochMicros();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
        // Answered; what follows costs the sender nothing.
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        if (id == null || !signatureChecks(exchange, id, body)) {
            badSignatures.incrementAndGet();
            return;
        }
        UUID referral;
        try {
            JsonNode event = IntakeClient.JSON.readTree(body);
            referral = UUID.fromString(event.path("data").path("referralId").asText());
        } catch (Exception e) {
            unreadable.incrementAndGet();
            return;
        }
        if (arrivals.putIfAbsent(id, new Arrival(referral, arrived)) != null) {
            repeats.incrementAndGet();
        }
    }

    /** {@code v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">}, one of the space-separated signatures. */
    private boolean signatureChecks(HttpExchange exchange, String id, byte[] body) {
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
        byte[] key = signingKey;
        if (timestamp == null || signatures == null || key == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            for (String signature : signatures.split(" ")) {
                if (signature.startsWith("v1,")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** Every delivery so far, by {@code webhook-id}. */
    Map<String, Arrival> arrivals() {
        return Map.copyOf(arrivals);
    }

    int count() {
        return arrivals.size();
    }

    /** Deliveries that came again after the first (at least once: a retry or a lost answer). */
    long repeats() {
        return repeats.get();
    }

    /** Deliveries refused: no valid signature, or a body that is no CloudEvent of a referral. */
    long refused() {
        return badSignatures.get() + unreadable.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
