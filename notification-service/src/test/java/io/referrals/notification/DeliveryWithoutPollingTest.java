package io.referrals.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.referrals.events.CloudEvent;
import io.referrals.events.Consent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.ReferralStatus;
import io.referrals.events.Topics;
import io.referrals.events.referral.ReferralReceived;
import io.referrals.events.referral.Referrer;
import io.referrals.notification.entity.DeliveryStatus;
import io.referrals.notification.entity.Notification;
import io.referrals.notification.entity.NotificationKind;
import io.referrals.notification.entity.NotificationRepository;
import io.referrals.notification.entity.NotificationStatus;
import io.referrals.notification.entity.ReferralStateRepository;
import io.referrals.notification.entity.WebhookDelivery;
import io.referrals.notification.entity.WebhookDeliveryRepository;
import io.referrals.notification.service.mail.Sender;
import io.referrals.testing.PlatformTestResource;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Delivery that keeps up (issue 31), with the periodic polls of the webhook dispatcher and the mail sender switched
 * off: whatever arrives was sent because the commit that recorded it woke the sender, and a webhook lane went from
 * one delivery to the next without a tick in between (before the lanes, one delivery per endpoint per poll: with no
 * poll, nothing arrived). Real PostgreSQL, Kafka, GreenMail and an HTTP receiver. Throughput is printed, never
 * asserted: rates belong in the benchmark.
 */
@QuarkusTest
@TestProfile(DeliveryWithoutPollingTest.NoPolling.class)
@WithTestResource(PlatformTestResource.class)
@WithTestResource(GreenMailResource.class)
class DeliveryWithoutPollingTest {
    private static final Duration WAIT = Duration.ofSeconds(120);

    public static class NoPolling implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("notifications.webhooks.every", "off", "notifications.sender.every", "off");
        }
    }

    @Inject
    WebhookDeliveryRepository deliveries;

    @Inject
    NotificationRepository notifications;

    @Inject
    ReferralStateRepository referralStates;

    @Inject
    Sender sender;

    private final Events events = new Events();

    @Test
    void fiveHundredDeliveriesToOneEndpointArriveInOrderEachOnceWithoutAPoll() {
        int count = 500;
        try (Receiver receiver = new Receiver()) {
            String secret;
            UUID subscriptionId;
            var created = events.as("member")
                    .body("{\"url\":\"" + receiver.url() + "\",\"events\":[\"referral.received\"]}")
                    .post("/api/webhooks")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath();
            secret = created.getString("secret");
            subscriptionId = UUID.fromString(created.getString("id"));

            // Recorded as the event consumer records them (insertOnce), in one transaction: its commit is the wake-up.
            QuarkusTransaction.requiringNew().run(() -> {
                for (int n = 0; n < count; n++) {
                    WebhookDelivery delivery = new WebhookDelivery();
                    delivery.id = UUID.randomUUID();
                    delivery.tenantId = events.tenant;
                    delivery.subscriptionId = subscriptionId;
                    delivery.eventId = "event-" + n;
                    delivery.eventType = "referral.received";
                    delivery.payload = "{\"specversion\":\"1.0\",\"n\":" + n + "}";
                    delivery.createdAt = Instant.now();
                    assertTrue(deliveries.insertOnce(delivery));
                }
            });
            long started = System.nanoTime();
            await().atMost(WAIT).until(() -> receiver.requests().size() >= count);
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf(
                    "[delivery figures] %d webhook deliveries to one endpoint in %d ms (%.0f/s), no poll%n",
                    count, millis, count * 1000.0 / millis);

            await().atMost(WAIT)
                    .until(() -> QuarkusTransaction.requiringNew()
                                    .call(() -> deliveries.count(
                                            "subscriptionId = ?1 and status = ?2",
                                            subscriptionId,
                                            DeliveryStatus.DELIVERED))
                            == count);
            List<Receiver.Request> got = receiver.requests();
            assertEquals(count, got.size(), "each delivery once");
            Set<String> ids = new HashSet<>();
            for (int n = 0; n < count; n++) {
                Receiver.Request request = got.get(n);
                assertEquals("{\"specversion\":\"1.0\",\"n\":" + n + "}", request.body(), "in the order recorded");
                assertTrue(ids.add(request.id()), "one webhook-id once: " + request.id());
                assertTrue(Receiver.verifies(request, secret), "signed: " + request.id());
            }
            List<Integer> attempts = QuarkusTransaction.requiringNew()
                    .call(() -> deliveries.list("subscriptionId", subscriptionId).stream()
                            .map(d -> d.attempts)
                            .distinct()
                            .toList());
            assertEquals(List.of(1), attempts, "one attempt each");
        }
    }

    @Test
    void threeHundredMailsArriveEachOnceWithoutAPoll() {
        int count = 300;
        events.settings("referral_thank_you");
        long started = System.nanoTime();
        receive(events, count);
        await().atMost(WAIT).until(() -> Mailbox.to(events.referrerEmail).size() >= count);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(
                "[delivery figures] %d events consumed and mailed in %d ms (%.0f/s end to end), no poll%n",
                count, millis, count * 1000.0 / millis);

        await().atMost(WAIT)
                .until(() -> QuarkusTransaction.requiringNew()
                                .call(() -> notifications.count(
                                        "tenantId = ?1 and status = ?2", events.tenant, NotificationStatus.SENT))
                        == count);
        List<MimeMessage> mail = Mailbox.to(events.referrerEmail);
        assertEquals(count, mail.size(), "each message once");
        Set<String> messageIds = new HashSet<>();
        for (MimeMessage message : mail) {
            assertTrue(messageIds.add(Mailbox.header(message, "Message-ID")), "one Message-ID once");
        }
        List<Integer> attempts = QuarkusTransaction.requiringNew()
                .call(() -> notifications.list("tenantId", events.tenant).stream()
                        .map(m -> m.attempts)
                        .distinct()
                        .toList());
        assertEquals(List.of(1), attempts, "one attempt each");
    }

    @Test
    void threeHundredDraftsQueuedAtOnceGoOutInBatchesEachOnce() {
        int count = 300;
        Events practice = new Events();
        practice.settings(); // drafts: nothing is sent until queued
        receive(practice, count);
        await().atMost(WAIT)
                .until(() -> QuarkusTransaction.requiringNew()
                                .call(() -> notifications.count(
                                        "tenantId = ?1 and status = ?2", practice.tenant, NotificationStatus.DRAFTED))
                        == count);
        assertEquals(0, Mailbox.to(practice.referrerEmail).size());

        // Approved at once, as NotificationService.send approves one: queued, and the sender woken after the commit.
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now();
            for (Notification draft :
                    notifications.list("tenantId = ?1 and status = ?2", practice.tenant, NotificationStatus.DRAFTED)) {
                draft.queue(now);
                notifications.senderAfterCommit(draft);
            }
        });
        long started = System.nanoTime();
        await().atMost(WAIT).until(() -> Mailbox.to(practice.referrerEmail).size() >= count);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(
                "[delivery figures] %d queued mails sent to GreenMail in %d ms (%.0f/s), no poll%n",
                count, millis, count * 1000.0 / millis);

        await().atMost(WAIT)
                .until(() -> QuarkusTransaction.requiringNew()
                                .call(() -> notifications.count(
                                        "tenantId = ?1 and status = ?2", practice.tenant, NotificationStatus.SENT))
                        == count);
        List<MimeMessage> mail = Mailbox.to(practice.referrerEmail);
        assertEquals(count, mail.size(), "each message once");
        assertEquals(
                count,
                mail.stream()
                        .map(m -> Mailbox.header(m, "Message-ID"))
                        .distinct()
                        .count(),
                "one Message-ID once");
    }

    @Test
    void twoSendersAtOnceAsTwoReplicasNeverMailOneMessageTwice() throws Exception {
        int count = 200;
        Events practice = new Events();
        practice.settings(); // drafts: nothing is sent until queued
        receive(practice, count);
        awaitStatus(practice, NotificationStatus.DRAFTED, count);
        // Queued without a wake-up (and no poll in this profile): only the senders below send them.
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now();
            for (Notification draft :
                    notifications.list("tenantId = ?1 and status = ?2", practice.tenant, NotificationStatus.DRAFTED)) {
                draft.queue(now);
            }
        });
        assertEquals(0, Mailbox.to(practice.referrerEmail).size());

        // Two replicas' senders, each claiming batches in transactions of its own, started at the same moment.
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> replica = () -> {
                start.await();
                return sender.sendDue();
            };
            Future<Integer> first = two.submit(replica);
            Future<Integer> second = two.submit(replica);
            start.countDown();
            int a = first.get();
            int b = second.get();
            // Split between them as the claims fell; no assertion on the split, only on what arrived.
            System.out.printf("[delivery figures] two senders at once mailed %d + %d messages%n", a, b);
        } finally {
            two.shutdownNow();
        }
        await().atMost(WAIT).until(() -> Mailbox.to(practice.referrerEmail).size() >= count);
        List<MimeMessage> mail = Mailbox.to(practice.referrerEmail);
        assertEquals(count, mail.size(), "each message once");
        assertEquals(
                count,
                mail.stream()
                        .map(m -> Mailbox.header(m, "Message-ID"))
                        .distinct()
                        .count(),
                "one Message-ID once");
        List<Integer> attempts = QuarkusTransaction.requiringNew()
                .call(() -> notifications.list("tenantId", practice.tenant).stream()
                        .map(m -> m.attempts)
                        .distinct()
                        .toList());
        assertEquals(List.of(1), attempts, "one attempt each");
    }

    @Test
    void aMessageWhoseConsentNarrowedAfterItWasQueuedIsNotSentAndTheRestOfTheBatchIs() {
        Events practice = new Events();
        practice.settings(); // drafts
        UUID referral = practice.received("Ann One", Consent.CONTACT_MADE);
        practice.status(referral, ReferralStatus.RECEIVED, ReferralStatus.CONTACTED, Consent.CONTACT_MADE);
        awaitStatus(practice, NotificationStatus.DRAFTED, 2); // the thank-you and the contact-made update
        // Both queued (no wake-up, no poll), then the consent narrowed on the referral's state as a consumer records
        // it: the sender's own check at send time is what must hold the update back.
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now();
            for (Notification draft :
                    notifications.list("tenantId = ?1 and status = ?2", practice.tenant, NotificationStatus.DRAFTED)) {
                draft.queue(now);
            }
            referralStates.find(practice.tenant, referral).orElseThrow().consent = Consent.NONE;
        });

        sender.sendDue();

        List<Notification> stored =
                QuarkusTransaction.requiringNew().call(() -> notifications.list("tenantId", practice.tenant));
        Notification update = stored.stream()
                .filter(m -> m.kind == NotificationKind.CONTACT_MADE_UPDATE)
                .findFirst()
                .orElseThrow();
        assertEquals(NotificationStatus.WITHDRAWN, update.status);
        assertEquals(0, update.attempts, "never attempted");
        Notification thanks = stored.stream()
                .filter(m -> m.kind == NotificationKind.REFERRAL_THANK_YOU)
                .findFirst()
                .orElseThrow();
        assertEquals(NotificationStatus.SENT, thanks.status);
        await().atMost(WAIT).until(() -> Mailbox.to(practice.referrerEmail).size() >= 1);
        List<MimeMessage> mail = Mailbox.to(practice.referrerEmail);
        assertEquals(1, mail.size(), "only the thank-you");
        assertEquals(thanks.messageId, Mailbox.header(mail.get(0), "Message-ID"));
        assertFalse(Mailbox.part(mail.get(0), "text/plain").contains("Ann"), "re-rendered without the name");
    }

    private void awaitStatus(Events practice, NotificationStatus status, int count) {
        await().atMost(WAIT)
                .until(() -> QuarkusTransaction.requiringNew()
                                .call(() ->
                                        notifications.count("tenantId = ?1 and status = ?2", practice.tenant, status))
                        == count);
    }

    /** That many ReferralReceived of the practice's partner, through one producer, as referral-service's relay. */
    private static void receive(Events practice, int count) {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformTestResource.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (int n = 0; n < count; n++) {
                UUID referralId = UUID.randomUUID();
                CloudEvent event = EventCodec.wrap(
                        EventTypes.REFERRAL_RECEIVED,
                        Topics.source(EventTypes.REFERRAL_RECEIVED.topic()).orElseThrow(),
                        practice.tenant,
                        referralId.toString(),
                        new ReferralReceived(
                                referralId,
                                new Referrer(practice.partnerId, "Dana Lee", practice.referrerEmail),
                                "Sam Rivera",
                                Consent.OUTCOME,
                                Instant.now(),
                                null,
                                Instant.now().plusSeconds(86_400)));
                var record = new ProducerRecord<>(
                        EventTypes.REFERRAL_RECEIVED.topic(), event.subject(), EventCodec.encode(event));
                event.kafkaHeaders()
                        .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                producer.send(record);
            }
            producer.flush();
        }
    }
}
