package io.referrals.localstack;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the launcher takes from its environment, read once (by {@link Options#defaults()}) so that a stack does what
 * its {@link Options} say. The services inherit the launcher's environment besides, so the variables the launcher
 * does not read (SMTP_PORT, SMTP_USERNAME, MAIL_FROM ...) reach them unchanged.
 *
 * @param externalDatabase {@code DB_URL} (with {@code DB_USER}, {@code DB_PASSWORD}): a PostgreSQL to use instead
 *     of the embedded one
 * @param externalKafka {@code KAFKA_BOOTSTRAP_SERVERS}: a Kafka to use instead of the local broker
 * @param externalSmtpHost {@code SMTP_HOST}: the mail server notification-service sends through instead of the
 *     local one
 * @param unsubscribeSecret {@code UNSUBSCRIBE_SECRET}; empty: a key for the local stack only
 * @param publicBaseUrl {@code PUBLIC_BASE_URL}; empty: the service's own address on this machine
 * @param webhooksAllowHttp {@code WEBHOOKS_ALLOW_HTTP}; empty: {@code true}
 * @param webhooksAllowedHosts {@code WEBHOOKS_ALLOWED_HOSTS}; empty: this machine's names
 * @param serviceJvmOptions {@code SERVICE_JVM_OPTIONS}, split at spaces; empty: the launcher's settings for a small
 *     machine
 */
public record Environment(
        Optional<ExternalDatabase> externalDatabase,
        Optional<String> externalKafka,
        Optional<String> externalSmtpHost,
        Optional<String> unsubscribeSecret,
        Optional<String> publicBaseUrl,
        Optional<String> webhooksAllowHttp,
        Optional<String> webhooksAllowedHosts,
        List<String> serviceJvmOptions) {

    /** The PostgreSQL named by {@code DB_URL}; user and password default to {@code referrals}. */
    public record ExternalDatabase(String jdbcUrl, String user, String password) {}

    public Environment {
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
    }

    /** This process's environment variables. */
    public static Environment read() {
        return of(System.getenv());
    }

    /**
     * The launcher's reading of {@code variables}. A blank {@code DB_URL}, {@code KAFKA_BOOTSTRAP_SERVERS} or
     * {@code SMTP_HOST} counts as unset; the services' own settings are passed on as given once set, even empty.
     */
    static Environment of(Map<String, String> variables) {
        Optional<ExternalDatabase> database = nonBlank(variables, "DB_URL")
                .map(url -> new ExternalDatabase(
                        url,
                        nonBlank(variables, "DB_USER").orElse("referrals"),
                        nonBlank(variables, "DB_PASSWORD").orElse("referrals")));
        return new Environment(
                database,
                nonBlank(variables, "KAFKA_BOOTSTRAP_SERVERS"),
                nonBlank(variables, "SMTP_HOST"),
                Optional.ofNullable(variables.get("UNSUBSCRIBE_SECRET")),
                Optional.ofNullable(variables.get("PUBLIC_BASE_URL")),
                Optional.ofNullable(variables.get("WEBHOOKS_ALLOW_HTTP")),
                Optional.ofNullable(variables.get("WEBHOOKS_ALLOWED_HOSTS")),
                jvmOptions(variables.get("SERVICE_JVM_OPTIONS")));
    }

    /**
     * The same, with the services' JVM options {@code spaceSeparated} (as {@code SERVICE_JVM_OPTIONS} gives them);
     * for a program that embeds the launcher (the benchmark).
     */
    public Environment withServiceJvmOptions(String spaceSeparated) {
        return new Environment(
                externalDatabase,
                externalKafka,
                externalSmtpHost,
                unsubscribeSecret,
                publicBaseUrl,
                webhooksAllowHttp,
                webhooksAllowedHosts,
                jvmOptions(spaceSeparated));
    }

    private static Optional<String> nonBlank(Map<String, String> variables, String name) {
        return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
    }

    private static List<String> jvmOptions(String spaceSeparated) {
        return spaceSeparated == null || spaceSeparated.isBlank()
                ? List.of()
                : Arrays.asList(spaceSeparated.strip().split("\\s+"));
    }
}
