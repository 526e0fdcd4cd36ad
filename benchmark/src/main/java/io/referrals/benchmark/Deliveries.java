package io.referrals.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.referrals.localstack.RunningStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What the referrals of the measured intake set off downstream, and how soon it arrived: a webhook subscribed to
 * {@code referral.received} (delivered to a {@link DeliveryReceiver} in this JVM) and the thank-you to the referring
 * partner, auto-sent through the launcher's local SMTP server. Each arrival is matched to its referral (the webhook's
 * {@code data.referralId}; the mail's Message-ID, which notification-service lists with the referral) and timed from
 * when referral-service answered it.
 */
final class Deliveries implements AutoCloseable {
    static final String WEBHOOK = "webhook referral.received -> receiver";
    static final String MAIL = "thank-you mail -> local SMTP";
    private static final String THANK_YOU = "referral_thank_you";
    private static final int PAGE_SIZE = 200;

    private final RunningStack stack;
    private final String token;
    private final URI notifications;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final DeliveryReceiver receiver;
    /** Each referral of the measured intake: when referral-service answered it (epoch microseconds). */
    private final Map<UUID, Long> answered = new ConcurrentHashMap<>();

    private String webhookId;
    private JsonNode settingsBefore;
    private long intakeStart;
    private long intakeEnd;
    private long waitEnd;

    Deliveries(RunningStack stack, String token) throws Exception {
        this.stack = stack;
        this.token = token;
        this.notifications = URI.create("http://localhost:" + stack.servicePort("notification-service"));
        this.receiver = new DeliveryReceiver();
    }

    /** Subscribes the receiver to {@code referral.received} and has thank-yous sent without review. */
    void subscribe() throws Exception {
        ObjectNode webhook = IntakeClient.JSON.createObjectNode();
        webhook.put("url", receiver.url().toString());
        webhook.putArray("events").add("referral.received");
        webhook.put("description", "intake benchmark receiver");
        JsonNode created = send("POST", "/api/webhooks", webhook, 201);
        webhookId = created.get("id").asText();
        receiver.signedWith(created.get("secret").asText());
        settingsBefore = send("GET", "/api/notifications/settings", null, 200);
        send("PUT", "/api/notifications/settings", settings(List.of(THANK_YOU)), 200);
    }

    /** Called by each intake client for every referral answered 201. */
    void answered(UUID referral, long epochMicros) {
        answered.put(referral, epochMicros);
    }

    /** Referrals of the measured intake answered 201. */
    long referrals() {
        return answered.size();
    }

    void intakeRan(long startMicros, long endMicros) {
        intakeStart = startMicros;
        intakeEnd = endMicros;
    }

    /**
     * Waits until every referral's webhook and thank-you have arrived, or until {@code wait} after the intake ended;
     * then unsubscribes and restores the settings, so that what follows runs without them (a queued thank-you is
     * still sent).
     */
    void awaitArrivals(Duration wait) throws Exception {
        long deadline = intakeEnd + TimeUnit.NANOSECONDS.toMicros(wait.toNanos());
        int expected = answered.size();
        long lastPrint = 0;
        while (true) {
            long webhooks = webhooksOfTheIntake();
            int mails = stack.receivedMail().size();
            long now = Clocks.epochMicros();
            if ((webhooks >= expected && mails >= expected) || now >= deadline) {
                waitEnd = Math.min(now, deadline);
                break;
            }
            if (now - lastPrint > TimeUnit.SECONDS.toMicros(10)) {
                System.out.printf(
                        "  delivery: %d of %d webhooks, %d of %d mails arrived (%.0f s after the intake)%n",
                        webhooks, expected, mails, expected, (now - intakeEnd) / 1e6);
                lastPrint = now;
            }
            Thread.sleep(500);
        }
        send(
                "PATCH",
                "/api/webhooks/" + webhookId,
                IntakeClient.JSON.createObjectNode().put("enabled", false),
                200);
        List<String> autoSendBefore = new ArrayList<>();
        settingsBefore.path("autoSend").forEach(kind -> autoSendBefore.add(kind.asText()));
        send("PUT", "/api/notifications/settings", settings(autoSendBefore), 200);
    }

    private long webhooksOfTheIntake() {
        return receiver.arrivals().values().stream()
                .filter(a -> answered.containsKey(a.referralId()))
                .count();
    }

    /** The figures, one row per channel; facts on the side (repeats, refusals, other mail). */
    Report.Table table(Duration wait, Report report) throws Exception {
        List<Long[]> webhooks = new ArrayList<>();
        for (DeliveryReceiver.Arrival arrival : receiver.arrivals().values()) {
            Long sent = answered.get(arrival.referralId());
            if (sent != null) {
                webhooks.add(new Long[] {sent, arrival.epochMicros()});
            }
        }
        List<MailArrivals.Mail> mail = MailArrivals.read(stack.receivedMail());
        Map<String, UUID> referralOf = thankYouReferrals(mail);
        List<Long[]> mails = new ArrayList<>();
        int otherMail = 0;
        for (MailArrivals.Mail message : mail) {
            UUID referral = message.messageId() == null ? null : referralOf.get(message.messageId());
            Long sent = referral == null ? null : answered.get(referral);
            if (sent == null) {
                otherMail++;
            } else {
                mails.add(new Long[] {sent, message.epochMicros()});
            }
        }
        report.fact("webhook deliveries repeated", receiver.repeats());
        report.fact("webhook deliveries refused (signature, body)", receiver.refused());
        report.fact("mail not matched to a referral of the intake", otherMail);
        List<List<Object>> rows = List.of(row(WEBHOOK, webhooks), row(MAIL, mails));
        return new Report.Table(
                "Delivery of what the measured intake's " + answered.size() + " referrals set off (waited up to "
                        + wait.toSeconds() + " s after the intake)",
                List.of(
                        "channel",
                        "expected",
                        "arrived",
                        "missing",
                        "per s during intake",
                        "per s after",
                        "last after last referral s",
                        "p50 ms",
                        "p99 ms",
                        "max ms"),
                rows);
    }

    /** Expected, arrived, missing, rates, the last one's lag, and arrival - answer in ms. */
    private List<Object> row(String channel, List<Long[]> arrivals) {
        int expected = answered.size();
        long lastReferral =
                answered.values().stream().mapToLong(Long::longValue).max().orElse(intakeEnd);
        long during = arrivals.stream().filter(a -> a[1] <= intakeEnd).count();
        long after = arrivals.size() - during;
        long lastArrival = arrivals.stream().mapToLong(a -> a[1]).max().orElse(intakeEnd);
        boolean all = arrivals.size() >= expected;
        long afterEnd = all ? lastArrival : waitEnd;
        Histogram lag = new Histogram(3);
        arrivals.forEach(a -> lag.recordValue(Math.max(0, a[1] - a[0])));
        return List.of(
                channel,
                expected,
                arrivals.size(),
                expected - arrivals.size(),
                decimal(during / seconds(intakeEnd - intakeStart)),
                afterEnd > intakeEnd ? decimal(after / seconds(afterEnd - intakeEnd)) : "-",
                all ? decimal(seconds(lastArrival - lastReferral)) : "> " + decimal(seconds(waitEnd - lastReferral)),
                arrivals.isEmpty() ? "-" : decimal(lag.getValueAtPercentile(50) / 1000.0),
                arrivals.isEmpty() ? "-" : decimal(lag.getValueAtPercentile(99) / 1000.0),
                arrivals.isEmpty() ? "-" : decimal(lag.getMaxValue() / 1000.0));
    }

    /**
     * The referral of each thank-you that arrived, by Message-ID, read from notification-service's list of
     * thank-yous (newest first, so the measured intake's come before the warm-up's) until every arrived one is known.
     */
    private Map<String, UUID> thankYouReferrals(List<MailArrivals.Mail> mail) throws Exception {
        Set<String> wanted = new HashSet<>();
        mail.stream().map(MailArrivals.Mail::messageId).filter(id -> id != null).forEach(wanted::add);
        Map<String, UUID> referralOf = new HashMap<>();
        for (int page = 0; !wanted.isEmpty(); page++) {
            JsonNode items = send(
                            "GET",
                            "/api/notifications?kind=" + THANK_YOU + "&page=" + page + "&size=" + PAGE_SIZE,
                            null,
                            200)
                    .path("items");
            if (items.isEmpty()) {
                break;
            }
            for (JsonNode item : items) {
                String messageId = item.path("messageId").asText();
                if (wanted.remove(messageId) && !item.path("referralId").isNull()) {
                    referralOf.put(
                            messageId, UUID.fromString(item.get("referralId").asText()));
                }
            }
        }
        return referralOf;
    }

    private ObjectNode settings(List<String> autoSend) {
        ObjectNode body = IntakeClient.JSON.createObjectNode();
        for (String field : List.of("practiceName", "replyTo", "signature", "program", "digestEmail")) {
            body.set(field, settingsBefore.path(field).isMissingNode() ? null : settingsBefore.get(field));
        }
        body.put("digestEnabled", settingsBefore.path("digestEnabled").asBoolean(false));
        autoSend.forEach(body.putArray("autoSend")::add);
        return body;
    }

    private JsonNode send(String method, String path, JsonNode body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(notifications.resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return IntakeClient.JSON.readTree(response.body());
    }

    private static double seconds(long micros) {
        return Math.max(micros, 1) / 1e6;
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    @Override
    public void close() {
        receiver.close();
    }
}
