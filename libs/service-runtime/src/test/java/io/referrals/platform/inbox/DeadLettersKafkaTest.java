package io.referrals.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.referrals.platform.config.ServiceConfig;
import io.referrals.platform.kafka.KafkaClientsTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLettersKafkaTest {

    @Test
    void theDeadLetterProducerConnectsAsTheChannelsDo() {
        DeadLetters deadLetters = new DeadLetters();
        deadLetters.kafka = KafkaClientsTest.securedClients();
        deadLetters.service = new ServiceConfig() {
            @Override
            public String name() {
                return "metrics-service";
            }

            @Override
            public String tenantClaim() {
                return "practice_id";
            }
        };

        Map<String, Object> producer = deadLetters.producerProperties();

        KafkaClientsTest.assertSecured(producer);
        assertEquals("all", producer.get("acks"));
        assertEquals("metrics-service-dead-letters", producer.get("client.id"));
    }
}
