package io.referrals.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.PartnerCategory;
import io.referrals.events.Topics;
import io.referrals.partner.entity.Partner;
import io.referrals.partner.service.PartnerCommands;
import io.referrals.partner.service.PartnerService;
import io.referrals.testing.KafkaTestClient;
import io.referrals.testing.PlatformTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class PartnerOutboxTest {
    private final String tenant = "practice-" + UUID.randomUUID();

    @Inject
    PartnerService service;

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    /** Creates a partner from what the API's clients send at the least: a name, maybe an email, a category. */
    private Partner create(String name, String email, PartnerCategory category) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("email", email);
        body.put("category", category);
        return service.create(tenant, json.convertValue(body, PartnerCommands.Create.class), "test");
    }

    @Test
    void aCommittedChangeReachesKafkaAsACloudEvent() {
        Partner partner = create("Ada", "ada@example.com", PartnerCategory.CENTER_OF_INFLUENCE);

        List<CloudEvent> events = new KafkaTestClient(PlatformTestResource.bootstrapServers())
                .eventsFor(Topics.PARTNER_EVENTS, partner.id.toString(), 1, Duration.ofSeconds(30));

        assertEquals(1, events.size());
        CloudEvent event = events.get(0);
        assertEquals(EventTypes.PARTNER_CREATED.cloudEventType(), event.type());
        assertEquals(tenant, event.tenantid());
        assertEquals("/partner-service", event.source());
        assertEquals("Ada", EventCodec.data(event, EventTypes.PARTNER_CREATED).name());
    }

    @Test
    void partnerEventsCarryWhatMetricsGroupByAndAnAllianceChangeIsAnnounced() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Rae");
        body.put("category", PartnerCategory.PROFESSIONAL);
        body.put("allianceTypes", List.of("referral", "expert_team_member"));
        body.put("checkInCadenceDays", 14);
        body.put("stage", "building_rapport");
        Partner partner = service.create(tenant, json.convertValue(body, PartnerCommands.Create.class), "test");
        service.update(
                tenant,
                partner.id,
                json.convertValue(Map.of("allianceTypes", List.of("promotional")), PartnerCommands.Update.class));
        service.update(
                tenant,
                partner.id,
                json.convertValue(Map.of("notes", "private, not announced"), PartnerCommands.Update.class));

        List<CloudEvent> events = new KafkaTestClient(PlatformTestResource.bootstrapServers())
                .eventsFor(Topics.PARTNER_EVENTS, partner.id.toString(), 2, Duration.ofSeconds(30));
        var created = EventCodec.data(events.get(0), EventTypes.PARTNER_CREATED);
        assertEquals(List.of("referral", "expert_team_member"), created.allianceTypes());
        assertEquals(14, created.checkInCadenceDays());
        assertEquals("building_rapport", created.stage().json());
        assertEquals(false, created.candidate());
        var updated = EventCodec.data(events.get(1), EventTypes.PARTNER_UPDATED);
        assertEquals(List.of("promotional"), updated.allianceTypes());
        assertEquals(
                2,
                new KafkaTestClient(PlatformTestResource.bootstrapServers())
                        .eventsFor(Topics.PARTNER_EVENTS, partner.id.toString(), 3, Duration.ofSeconds(3))
                        .size(),
                "a change to the notes alone is not announced");
    }

    @Test
    void onlyTheReplicaHoldingTheRelayLockSends() throws Exception {
        var client = new KafkaTestClient(PlatformTestResource.bootstrapServers());
        try (Connection otherReplica = dataSource.getConnection()) {
            otherReplica.setAutoCommit(false);
            try (var lock = otherReplica.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, "outbox-relay:partner-service".hashCode());
                lock.execute();
            }
            Partner waiting = create("Waiting", null, PartnerCategory.CLIENT);
            assertTrue(
                    client.eventsFor(Topics.PARTNER_EVENTS, waiting.id.toString(), 1, Duration.ofSeconds(3))
                            .isEmpty(),
                    "nothing is relayed while another replica holds the lock");
            otherReplica.rollback();
            assertEquals(
                    1,
                    client.eventsFor(Topics.PARTNER_EVENTS, waiting.id.toString(), 1, Duration.ofSeconds(30))
                            .size());
        }
    }

    @Test
    void aRolledBackChangeEmitsNothing() {
        UUID[] id = new UUID[1];
        QuarkusTransaction.begin();
        id[0] = create("Ghost", "ghost@example.com", PartnerCategory.CLIENT).id;
        QuarkusTransaction.rollback();

        long rows = QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery("select count(*) from outbox_event where event_key = ?1")
                                .setParameter(1, id[0].toString())
                                .getSingleResult())
                        .longValue());
        assertEquals(0, rows, "no outbox row for a rolled-back partner");

        // A later committed event proves the relay is running; the rolled-back one never appears before it.
        Partner witness = create("Witness", null, PartnerCategory.CLIENT);
        var client = new KafkaTestClient(PlatformTestResource.bootstrapServers());
        var seen = client.readUntil(
                Topics.PARTNER_EVENTS,
                Duration.ofSeconds(30),
                records -> records.stream().anyMatch(r -> witness.id.toString().equals(r.key())));
        assertTrue(seen.stream().anyMatch(r -> witness.id.toString().equals(r.key())));
        assertTrue(seen.stream().noneMatch(r -> id[0].toString().equals(r.key())));
    }
}
