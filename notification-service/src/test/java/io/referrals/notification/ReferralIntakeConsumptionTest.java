package io.referrals.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.Consent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.PartnerCategory;
import io.referrals.events.Topics;
import io.referrals.events.partner.PartnerCreated;
import io.referrals.events.referral.ReferralConsentChanged;
import io.referrals.events.referral.ReferralReceived;
import io.referrals.events.referral.Referrer;
import io.referrals.testing.PlatformTestResource;
import io.referrals.testing.TableActivity;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A practice's intake arriving all at once, as after a burst of referrals (issue 31): every ReferralReceived of the
 * burst gets its thank-you draft, its review task and its first-contact task, once, whatever batches the consumer reads
 * them in (a producer's retry among them too), a consent narrowed right after its referral re-renders the thank-you,
 * and a redelivered burst adds nothing. Prints how fast the consumer applied the burst (events/s) and what the
 * database did per event, for comparing changes to the consumer; nothing here asserts a time. {@code
 * -Dnotification.intake-burst=3000} makes the burst bigger for a measurement (default 400).
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(GreenMailResource.class)
class ReferralIntakeConsumptionTest {
    private static final int PARTNERS = 50;
    private static final String RECEIVED = "and event_type = '" + EventTypes.REFERRAL_RECEIVED.cloudEventType() + "'";

    private final String tenant = "practice-" + UUID.randomUUID();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aBurstOfReferralsGetsOneThankYouAndItsTasksEach() throws Exception {
        int burst = Integer.getInteger("notification.intake-burst", 400);
        Events practice = new Events(tenant, UUID.randomUUID());
        practice.settings();
        List<UUID> partners = new ArrayList<>();
        List<CloudEvent> created = new ArrayList<>();
        for (int i = 0; i < PARTNERS; i++) {
            UUID partnerId = UUID.randomUUID();
            partners.add(partnerId);
            created.add(EventCodec.wrap(
                    EventTypes.PARTNER_CREATED,
                    "/partner-service",
                    tenant,
                    partnerId.toString(),
                    new PartnerCreated(
                            partnerId,
                            "Partner " + i,
                            "partner" + i + "@example.com",
                            PartnerCategory.COLLEAGUE,
                            Instant.now())));
        }
        // The burst as referral-service's relay would send it: now and then a producer's retry (the same referral
        // under a new event id) and a referred person narrowing their consent right after, in the same polls.
        List<CloudEvent> received = new ArrayList<>();
        int retries = 0;
        int expectNoName = 0;
        Consent[] consents = Consent.values();
        for (int i = 0; i < burst; i++) {
            UUID referralId = UUID.randomUUID();
            int partner = i % PARTNERS;
            boolean narrowed = i % 40 == 5;
            Consent consent = narrowed ? Consent.OUTCOME : consents[i % consents.length];
            ReferralReceived data = new ReferralReceived(
                    referralId,
                    new Referrer(partners.get(partner), "Partner " + partner, "partner" + partner + "@example.com"),
                    "Sam Rivera " + i,
                    consent,
                    Instant.now(),
                    null,
                    Instant.now().plus(Duration.ofDays(1)));
            received.add(EventCodec.wrap(
                    EventTypes.REFERRAL_RECEIVED, "/referral-service", tenant, referralId.toString(), data));
            if (i % 40 == 3) {
                received.add(EventCodec.wrap(
                        EventTypes.REFERRAL_RECEIVED, "/referral-service", tenant, referralId.toString(), data));
                retries++;
            }
            if (narrowed) {
                received.add(EventCodec.wrap(
                        EventTypes.REFERRAL_CONSENT_CHANGED,
                        "/referral-service",
                        tenant,
                        referralId.toString(),
                        new ReferralConsentChanged(
                                referralId, partners.get(partner), Consent.OUTCOME, Consent.NONE, Instant.now())));
            }
            if (narrowed || consent == Consent.NONE) {
                expectNoName++;
            }
        }
        int receivedEvents = burst + retries;
        int noName = expectNoName;

        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, Topics.PARTNER_EVENTS, created);
            await().atMost(Duration.ofSeconds(60)).until(() -> count("partner_contact", "") == PARTNERS);

            TableActivity before = TableActivity.of(dataSource);
            Recording recording = profile();
            long start = System.nanoTime();
            send(producer, Topics.REFERRAL_EVENTS, received);
            await().atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> count("processed_event", RECEIVED) == receivedEvents);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (recording != null) {
                recording.stop();
                recording.close();
            }
            System.out.printf(
                    Locale.ROOT,
                    "[intake burst] %d referral.received applied in %.2f s: %.0f events/s%n",
                    receivedEvents,
                    seconds,
                    receivedEvents / seconds);
            TableActivity.of(dataSource).printSince(before, receivedEvents, "[intake burst]");

            assertEquals(burst, count("notification", "and kind = 'REFERRAL_THANK_YOU' and status = 'DRAFTED'"));
            assertEquals(burst, distinct("notification", "referral_id", "and kind = 'REFERRAL_THANK_YOU'"));
            assertEquals(burst, count("task", "and kind = 'FIRST_CONTACT' and status = 'OPEN'"));
            assertEquals(burst, distinct("task", "referral_id", "and kind = 'FIRST_CONTACT'"));
            assertEquals(burst, count("task", "and kind = 'REVIEW_DRAFT' and status = 'OPEN'"));
            assertEquals(burst, count("referral_state", ""));
            // A consent narrowed in the same poll as its referral's thank-you was written re-rendered it.
            await().atMost(Duration.ofMinutes(10))
                    .until(() -> count("referral_state", "and consent = 'NONE'") == noName);
            assertEquals(
                    noName, count("notification", "and kind = 'REFERRAL_THANK_YOU' and rendered_consent = 'NONE'"));

            // The broker delivers the whole burst again (a consumer group reset): nothing is added.
            send(producer, Topics.REFERRAL_EVENTS, received);
            CloudEvent marker = EventCodec.wrap(
                    EventTypes.REFERRAL_RECEIVED,
                    "/referral-service",
                    tenant,
                    UUID.randomUUID().toString(),
                    new ReferralReceived(
                            UUID.randomUUID(),
                            new Referrer(partners.get(0), "Partner 0", "partner0@example.com"),
                            null,
                            Consent.NONE,
                            Instant.now()));
            send(producer, Topics.REFERRAL_EVENTS, List.of(marker));
            await().atMost(Duration.ofMinutes(10))
                    .until(() -> count("processed_event", RECEIVED) == receivedEvents + 1);
            assertEquals(burst + 1, count("notification", "and kind = 'REFERRAL_THANK_YOU'"));
            assertEquals(burst + 1, count("task", "and kind = 'FIRST_CONTACT'"));
            assertEquals(burst + 1, count("task", "and kind = 'REVIEW_DRAFT'"));
        }
    }

    /**
     * {@code -Dnotification.intake-burst.jfr=<file>}: a flight recording (the JDK's profile settings) of the burst's
     * consumption alone, for {@code jfr view hot-methods <file>}.
     */
    private static Recording profile() throws Exception {
        String file = System.getProperty("notification.intake-burst.jfr");
        if (file == null) {
            return null;
        }
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.setDestination(Path.of(file));
        recording.start();
        return recording;
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                PlatformTestResource.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                10,
                ProducerConfig.BATCH_SIZE_CONFIG,
                256 * 1024,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName()));
    }

    /** As the outbox relay sends them (structured mode, the binding's headers), batched, all acknowledged. */
    private static void send(KafkaProducer<String, String> producer, String topic, List<CloudEvent> events) {
        for (CloudEvent event : events) {
            var record = new ProducerRecord<>(topic, event.subject(), EventCodec.encode(event));
            event.kafkaHeaders()
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(record);
        }
        producer.flush();
    }

    private long count(String table, String condition) throws SQLException {
        return single("select count(*) from " + table + " where tenant_id = ? " + condition);
    }

    private long distinct(String table, String column, String condition) throws SQLException {
        return single("select count(distinct " + column + ") from " + table + " where tenant_id = ? " + condition);
    }

    private long single(String query) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, tenant);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
