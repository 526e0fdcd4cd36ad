package io.referrals.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The launcher reads its environment variables as deploy/local-stack/README.md describes them. */
class EnvironmentTest {

    @Test
    void nothingSetMeansEverythingLocalWithTheLaunchersOwnDefaults() {
        Environment environment = Environment.of(Map.of());
        assertEquals(Optional.empty(), environment.externalDatabase());
        assertEquals(Optional.empty(), environment.externalKafka());
        assertEquals(Optional.empty(), environment.externalSmtpHost());
        assertEquals(Optional.empty(), environment.unsubscribeSecret());
        assertEquals(Optional.empty(), environment.publicBaseUrl());
        assertEquals(Optional.empty(), environment.webhooksAllowHttp());
        assertEquals(Optional.empty(), environment.webhooksAllowedHosts());
        assertEquals(List.of(), environment.serviceJvmOptions());
    }

    @Test
    void anExternalDatabasesUserAndPasswordDefaultToReferrals() {
        Environment environment = Environment.of(Map.of("DB_URL", "jdbc:postgresql://db.internal:5432/referrals"));
        assertEquals(
                Optional.of(new Environment.ExternalDatabase(
                        "jdbc:postgresql://db.internal:5432/referrals", "referrals", "referrals")),
                environment.externalDatabase());
    }

    @Test
    void blankAddressesOfExternalPartsCountAsUnset() {
        Environment environment = Environment.of(Map.of(
                "DB_URL",
                " ",
                "DB_USER",
                "me",
                "KAFKA_BOOTSTRAP_SERVERS",
                "",
                "SMTP_HOST",
                "  ",
                "SERVICE_JVM_OPTIONS",
                " "));
        assertEquals(Optional.empty(), environment.externalDatabase());
        assertEquals(Optional.empty(), environment.externalKafka());
        assertEquals(Optional.empty(), environment.externalSmtpHost());
        assertEquals(List.of(), environment.serviceJvmOptions());
    }

    @Test
    void theServicesSettingsArePassedOnAsGivenOnceSet() {
        Environment environment = Environment.of(Map.of(
                "DB_URL", "jdbc:postgresql://db/referrals",
                "DB_USER", "me",
                "DB_PASSWORD", "secret",
                "KAFKA_BOOTSTRAP_SERVERS", "kafka.internal:9092",
                "SMTP_HOST", "mail.internal",
                "UNSUBSCRIBE_SECRET", "",
                "PUBLIC_BASE_URL", "https://practice.example",
                "WEBHOOKS_ALLOW_HTTP", "false",
                "WEBHOOKS_ALLOWED_HOSTS", "hooks.internal",
                "SERVICE_JVM_OPTIONS", "  -Xmx512m   -XX:+UseSerialGC "));
        assertEquals(
                Optional.of(new Environment.ExternalDatabase("jdbc:postgresql://db/referrals", "me", "secret")),
                environment.externalDatabase());
        assertEquals(Optional.of("kafka.internal:9092"), environment.externalKafka());
        assertEquals(Optional.of("mail.internal"), environment.externalSmtpHost());
        assertEquals(Optional.of(""), environment.unsubscribeSecret());
        assertEquals(Optional.of("https://practice.example"), environment.publicBaseUrl());
        assertEquals(Optional.of("false"), environment.webhooksAllowHttp());
        assertEquals(Optional.of("hooks.internal"), environment.webhooksAllowedHosts());
        assertEquals(List.of("-Xmx512m", "-XX:+UseSerialGC"), environment.serviceJvmOptions());
    }

    @Test
    void anEmbeddingProgramSetsTheServicesJvmOptionsOnTopOfTheRest() {
        Environment environment = Environment.of(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka.internal:9092"))
                .withServiceJvmOptions("-Xmx256m -XX:+UseSerialGC");
        assertEquals(Optional.of("kafka.internal:9092"), environment.externalKafka());
        assertEquals(List.of("-Xmx256m", "-XX:+UseSerialGC"), environment.serviceJvmOptions());
    }
}
