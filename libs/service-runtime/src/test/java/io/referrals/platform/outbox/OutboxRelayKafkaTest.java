package io.referrals.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.referrals.platform.config.ServiceConfig;
import io.referrals.platform.kafka.KafkaClientsTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboxRelayKafkaTest {

    @Test
    void theRelaysProducerConnectsAsTheChannelsDoAndStillWaitsForEveryReplica() {
        OutboxRelay relay = new OutboxRelay();
        relay.kafka = KafkaClientsTest.securedClients();
        relay.service = new FixedService();

        Map<String, Object> producer = relay.producerProperties();

        KafkaClientsTest.assertSecured(producer);
        assertEquals("all", producer.get("acks"));
        assertEquals(true, producer.get("enable.idempotence"));
        assertEquals("referral-service-outbox", producer.get("client.id"));
    }

    static final class FixedService implements ServiceConfig {
        @Override
        public String name() {
            return "referral-service";
        }

        @Override
        public String tenantClaim() {
            return "practice_id";
        }
    }
}
