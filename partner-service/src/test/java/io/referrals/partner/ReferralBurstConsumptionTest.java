package io.referrals.partner;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.Consent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.ReferralChannel;
import io.referrals.events.Topics;
import io.referrals.events.referral.ReferralAttributed;
import io.referrals.events.referral.ReferralReceived;
import io.referrals.events.referral.Referrer;
import io.referrals.partner.messaging.ReferralEventsConsumer;
import io.referrals.testing.Api;
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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A practice's referrals arriving all at once, as after a burst of intake (issue 31): each of the practice's partners
 * ends with the latest of its referrals as lastReferralAt (an older one read later leaves it), an ended partner is
 * flagged for review, a referrer with no record becomes one candidate however many of its referrals share a poll, a new
 * referrer with a known email flags that partner instead, an attribution counts from its confirmation and an unverified
 * referral credits nobody, whatever batches the consumer reads them in (a record sent twice among them); a redelivered
 * burst changes nothing. Prints how fast the consumer applied the burst (events/s) and what the database did per
 * event, for comparing changes to the consumer; nothing here asserts a time. {@code -Dpartner.referral-burst=3000}
 * makes the burst bigger for a measurement (default 400).
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ReferralBurstConsumptionTest {
    private static final int PARTNERS = 50;
    private static final int ENDED = 5;
    /** The partner whose email a new referrer gives: flagged for review, no second record. */
    private static final int SAME_EMAIL = 7;

    private static final String CREATED = "and event_type = '" + EventTypes.PARTNER_CREATED.cloudEventType() + "'";

    private final String tenant = "practice-" + UUID.randomUUID();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReferralEventsConsumer consumer;

    @Test
    void aBurstOfReferralsMovesEachPartnerOnceAndARedeliveryNothing() throws Exception {
        int burst = Integer.getInteger("partner.referral-burst", 400);
        List<UUID> partners = new ArrayList<>();
        for (int i = 0; i < PARTNERS; i++) {
            String id = Api.as(tenant, "owner")
                    .body("{\"name\":\"Partner " + i + "\",\"email\":\"partner" + i
                            + "@example.com\",\"category\":\"professional\"}")
                    .post("/api/partners")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            partners.add(UUID.fromString(id));
            if (i < ENDED) {
                Api.as(tenant, "owner")
                        .body("{\"to\":\"ended\",\"reason\":\"Retired\"}")
                        .post("/api/partners/" + id + "/stage-transitions")
                        .then()
                        .statusCode(200);
            }
        }

        // The burst as referral-service's relay would send it: received times out of order (an older referral read
        // after a newer one), now and then a record sent twice, a new referrer sending two referrals in a row, an
        // attribution confirmed and an unverified referral.
        Instant base = Instant.parse("2026-03-02T09:00:00Z");
        Map<UUID, Instant> latest = new HashMap<>();
        Set<UUID> candidates = new LinkedHashSet<>();
        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            UUID partner = partners.get(i % PARTNERS);
            Instant receivedAt = base.plusSeconds((i * 7919L) % burst);
            CloudEvent received = received(new Referrer(partner, "Partner", null), receivedAt);
            events.add(received);
            latest.merge(partner, receivedAt, ReferralBurstConsumptionTest::later);
            if (i % 40 == 3) {
                events.add(received); // the producer's retry: the same record again
            }
            if (i % 100 == 10) {
                UUID newcomer = UUID.randomUUID();
                candidates.add(newcomer);
                Referrer referrer = new Referrer(newcomer, "Newcomer " + i, "newcomer" + i + "@example.com");
                events.add(received(referrer, base.plusSeconds(i)));
                events.add(received(referrer, base.plusSeconds(i + 1L)));
                latest.put(newcomer, base.plusSeconds(i + 1L));
            }
            if (i % 100 == 50) {
                Instant confirmedAt = base.plusSeconds(burst + i);
                UUID referralId = UUID.randomUUID();
                events.add(EventCodec.wrap(
                        EventTypes.REFERRAL_ATTRIBUTED,
                        "/referral-service",
                        tenant,
                        referralId.toString(),
                        new ReferralAttributed(referralId, new Referrer(partner, "Partner", null), confirmedAt)));
                latest.merge(partner, confirmedAt, ReferralBurstConsumptionTest::later);
            }
            if (i % 100 == 70) {
                events.add(unverified());
            }
            if (i == 120) {
                events.add(received(
                        new Referrer(UUID.randomUUID(), "Same Email", "PARTNER" + SAME_EMAIL + "@example.com"), base));
            }
        }
        long unique = events.stream().map(CloudEvent::id).distinct().count();

        try (KafkaProducer<String, String> producer = producer()) {
            TableActivity before = TableActivity.of(dataSource);
            Recording recording = profile();
            long start = System.nanoTime();
            send(producer, events);
            await().atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> count("processed_event", "") == unique);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (recording != null) {
                recording.stop();
                recording.close();
            }
            System.out.printf(
                    Locale.ROOT,
                    "[referral burst] %d referral events applied in %.2f s: %.0f events/s%n",
                    unique,
                    seconds,
                    unique / seconds);
            TableActivity.of(dataSource).printSince(before, unique, "[referral burst]");

            Map<UUID, Instant> lastReferralAt = new HashMap<>();
            Set<UUID> flagged = new LinkedHashSet<>();
            Set<UUID> candidatesFound = new LinkedHashSet<>();
            Map<UUID, Integer> historyEntries = new HashMap<>();
            query("select id, last_referral_at, needs_review, candidate from partner where tenant_id = ?", row -> {
                UUID id = row.getObject(1, UUID.class);
                lastReferralAt.put(
                        id,
                        row.getTimestamp(2) == null ? null : row.getTimestamp(2).toInstant());
                if (row.getBoolean(3)) {
                    flagged.add(id);
                }
                if (row.getBoolean(4)) {
                    candidatesFound.add(id);
                }
            });
            query(
                    "select partner_id, count(*) from partner_stage_change where tenant_id = ? group by partner_id",
                    row -> historyEntries.put(row.getObject(1, UUID.class), row.getInt(2)));
            assertEquals(latest, lastReferralAt);
            assertEquals(candidates, candidatesFound);
            Set<UUID> expectFlagged = new LinkedHashSet<>(partners.subList(0, ENDED));
            if (burst > 120) {
                expectFlagged.add(partners.get(SAME_EMAIL));
            }
            assertEquals(expectFlagged, flagged);
            candidates.forEach(candidate -> assertEquals(1, historyEntries.get(candidate), "one history entry"));

            // The broker delivers the whole burst again (a consumer group reset): nothing changes. A marker on each
            // partition, read after the burst's records there, says when all of them were read.
            List<String> stateBefore = partnerRows();
            long historyBefore = count("partner_stage_change", "");
            long outboxBefore = count("outbox_event", CREATED);
            send(producer, events);
            int partitions = producer.partitionsFor(Topics.REFERRAL_EVENTS).size();
            for (int partition = 0; partition < partitions; partition++) {
                CloudEvent marker = unverified();
                producer.send(record(marker, partition));
            }
            producer.flush();
            await().atMost(Duration.ofMinutes(10)).until(() -> count("processed_event", "") == unique + partitions);
            assertEquals(stateBefore, partnerRows());
            assertEquals(historyBefore, count("partner_stage_change", ""));
            assertEquals(outboxBefore, count("outbox_event", CREATED));
        }
    }

    /**
     * One poll, handed to the consumer as the connector would: each partner it names is written once however many of
     * its referrals the poll holds, each later than the one before (its version moves by one, not once per referral),
     * with the latest of them; a new referrer's two referrals
     * make one candidate; the same poll again changes nothing.
     */
    @Test
    void aPollUpdatesEachPartnerOnce() throws Exception {
        List<UUID> partners = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = Api.as(tenant, "owner")
                    .body("{\"name\":\"Polled " + i + "\",\"category\":\"professional\"}")
                    .post("/api/partners")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            partners.add(UUID.fromString(id));
        }
        Map<UUID, Long> versions = new HashMap<>();
        query(
                "select id, version from partner where tenant_id = ?",
                row -> versions.put(row.getObject(1, UUID.class), row.getLong(2)));
        Instant base = Instant.parse("2026-03-02T09:00:00Z");
        UUID newcomer = UUID.randomUUID();
        List<CloudEvent> poll = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            if (i == 0 || i == 60) {
                // The first flushes what the poll changed before it (nothing yet) to look the newcomer up; the
                // second finds the candidate the first made.
                poll.add(received(new Referrer(newcomer, "Newcomer", "newcomer@example.com"), base.plusSeconds(i)));
            }
            poll.add(received(new Referrer(partners.get(i % 5), "Polled", null), base.plusSeconds(i)));
        }

        consumer.onRecords(records(poll));
        Map<UUID, Long> versionsAfter = new HashMap<>();
        Map<UUID, Instant> lastReferralAt = new HashMap<>();
        query("select id, version, last_referral_at from partner where tenant_id = ?", row -> {
            versionsAfter.put(row.getObject(1, UUID.class), row.getLong(2));
            lastReferralAt.put(row.getObject(1, UUID.class), row.getTimestamp(3).toInstant());
        });
        for (int i = 0; i < 5; i++) {
            UUID partner = partners.get(i);
            assertEquals(versions.get(partner) + 1, versionsAfter.get(partner), "one update of partner " + i);
            assertEquals(base.plusSeconds(95 + i), lastReferralAt.get(partner));
        }
        assertEquals(6, versionsAfter.size(), "the five and one candidate");
        assertEquals(base.plusSeconds(60), lastReferralAt.get(newcomer));

        List<String> stateBefore = partnerRows();
        consumer.onRecords(records(poll));
        assertEquals(stateBefore, partnerRows());
    }

    /** The events as one poll of the topic's first partition. */
    private static ConsumerRecords<String, String> records(List<CloudEvent> events) {
        TopicPartition partition = new TopicPartition(Topics.REFERRAL_EVENTS, 0);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (CloudEvent event : events) {
            records.add(new ConsumerRecord<>(
                    Topics.REFERRAL_EVENTS, 0, records.size(), event.subject(), EventCodec.encode(event)));
        }
        return new ConsumerRecords<>(Map.of(partition, records), Map.of());
    }

    private CloudEvent received(Referrer referrer, Instant receivedAt) {
        UUID referralId = UUID.randomUUID();
        return EventCodec.wrap(
                EventTypes.REFERRAL_RECEIVED,
                "/referral-service",
                tenant,
                referralId.toString(),
                new ReferralReceived(referralId, referrer, "Alex", Consent.NONE, receivedAt));
    }

    private static Instant later(Instant one, Instant other) {
        return one.isAfter(other) ? one : other;
    }

    /** Matched by email on a public link and not confirmed: credits nobody. */
    private CloudEvent unverified() {
        UUID referralId = UUID.randomUUID();
        return EventCodec.wrap(
                EventTypes.REFERRAL_RECEIVED,
                "/referral-service",
                tenant,
                referralId.toString(),
                new ReferralReceived(
                        referralId,
                        new Referrer(null, "Partner 1", null),
                        null,
                        Consent.NONE,
                        Instant.now(),
                        ReferralChannel.INTAKE_LINK,
                        null,
                        ReferralReceived.UNVERIFIED));
    }

    /** Every partner of the practice as stored, version and update time included. */
    private List<String> partnerRows() throws SQLException {
        List<String> rows = new ArrayList<>();
        query(
                """
                select id, last_referral_at, needs_review, candidate, version, updated_at from partner
                where tenant_id = ? order by id""",
                row -> rows.add(row.getString(1) + " " + row.getString(2) + " " + row.getBoolean(3) + " "
                        + row.getBoolean(4) + " " + row.getLong(5) + " " + row.getString(6)));
        return rows;
    }

    /**
     * {@code -Dpartner.referral-burst.jfr=<file>}: a flight recording (the JDK's profile settings) of the burst's
     * consumption alone, for {@code jfr view hot-methods <file>}.
     */
    private static Recording profile() throws Exception {
        String file = System.getProperty("partner.referral-burst.jfr");
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

    /** As the outbox relay sends them (structured mode, the binding's headers, keyed by subject), all acknowledged. */
    private static void send(KafkaProducer<String, String> producer, List<CloudEvent> events) {
        events.forEach(event -> producer.send(record(event, null)));
        producer.flush();
    }

    private static ProducerRecord<String, String> record(CloudEvent event, Integer partition) {
        var record = new ProducerRecord<>(Topics.REFERRAL_EVENTS, partition, event.subject(), EventCodec.encode(event));
        event.kafkaHeaders()
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    @FunctionalInterface
    private interface Row {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String query, Row reader) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, tenant);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }

    private long count(String table, String condition) throws SQLException {
        long[] count = new long[1];
        query("select count(*) from " + table + " where tenant_id = ? " + condition, row -> count[0] = row.getLong(1));
        return count[0];
    }
}
