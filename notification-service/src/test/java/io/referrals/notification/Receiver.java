package io.referrals.notification;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook endpoint in the test JVM (the JDK's HttpServer on 127.0.0.1): it answers the statuses it is given in
 * turn (then 200), or holds every request without answering ({@link #hang}), and keeps what it received. It checks
 * signatures with its own code, independent of the service's signer, the way a receiver would.
 */
final class Receiver implements AutoCloseable {
    record Request(String path, String id, String timestamp, String signature, String body) {}

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean hang;

    Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            requests.add(new Request(
                    exchange.getRequestURI().getPath(),
                    headers.getFirst("webhook-id"),
                    headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"),
                    body));
            if (hang) {
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Integer status = script.poll();
            byte[] answer = ("{\"received\":true,\"status\":" + (status == null ? 200 : status) + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status == null ? 200 : status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    /** Answers these statuses to the next requests, in order; 200 after them. */
    Receiver answering(Integer... statuses) {
        script.addAll(List.of(statuses));
        return this;
    }

    /** Holds every request without answering until closed. */
    Receiver hanging() {
        hang = true;
        return this;
    }

    /** A URL through the test resolver's name for 127.0.0.1 (on the test allow-list). */
    String url(String host) {
        return "http://" + host + ":" + server.getAddress().getPort() + "/hook";
    }

    String url() {
        return url("receiver.test");
    }

    List<Request> requests() {
        return new ArrayList<>(requests);
    }

    List<Request> requests(String eventType) {
        return requests.stream()
                .filter(r -> r.body().contains("\"type\":\"" + eventType + "\""))
                .toList();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }

    /**
     * The receiver's own check (Standard Webhooks): base64 HMAC-SHA256, keyed with the secret's bytes after
     * {@code whsec_}, of {@code id.timestamp.body}; true if any {@code v1,} signature in the header matches.
     */
    static boolean verifies(Request request, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected = mac.doFinal(
                    (request.id() + "." + request.timestamp() + "." + request.body()).getBytes(StandardCharsets.UTF_8));
            for (String signature : request.signature().split(" ")) {
                if (signature.startsWith("v1,")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
