package io.referrals.platform.persistence;

import io.referrals.platform.config.ServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Every PostgreSQL advisory lock key of the platform is made here. Advisory locks belong to the whole database, which
 * the services' schemas share, so a key is the hash of names that say whose lock it is ({@code <service>:<job>},
 * {@code outbox-relay:<service>}, {@code inbox:<service>} with the practice as a second key). The hashes are those
 * the services have always used: a changed key would let an old and a new replica both hold "the" lock during a
 * rolling upgrade. All locks here are transaction-scoped: they end with the transaction that took them.
 */
@ApplicationScoped
public class AdvisoryLocks {
    @Inject
    Sql sql;

    @Inject
    ServiceConfig service;

    /** Whether this transaction now holds the lock of one of this service's singleton jobs (one replica runs it). */
    public boolean tryJob(String job) {
        return sql.single("select pg_try_advisory_xact_lock(?)", row -> row.getBoolean(1), jobKey(service.name(), job));
    }

    /** Waits until this transaction holds the lock of the practices' consumers of this service, in key order. */
    public void lockPractices(Iterable<String> tenantIds) {
        List<int[]> keys = new ArrayList<>();
        tenantIds.forEach(tenant -> keys.add(practiceKey(service.name(), tenant)));
        // In one order, so that two transactions never wait for each other's.
        keys.sort(Comparator.comparingInt(key -> key[1]));
        for (int[] key : keys) {
            sql.query("select pg_advisory_xact_lock(?, ?)", row -> Boolean.TRUE, key[0], key[1]);
        }
    }

    /** Keys older than the naming scheme, kept so that old and new replicas agree during a rolling upgrade. */
    private static final Map<String, Long> EARLIER_KEYS = Map.of("metrics-service:dormancy-scan", 0x6d657472_69637321L);

    /** A singleton job of a service. */
    public static long jobKey(String serviceName, String job) {
        String name = serviceName + ":" + job;
        return EARLIER_KEYS.getOrDefault(name, (long) name.hashCode());
    }

    /** A service's outbox relay: one replica relays at a time, so one aggregate's events keep their order. */
    public static long relayKey(String serviceName) {
        return ("outbox-relay:" + serviceName).hashCode();
    }

    /**
     * A practice in a service's consumers: two keys, the service's space and the practice, so that one service's
     * consumers never wait on another's, and a two-key lock never meets a one-key lock.
     */
    public static int[] practiceKey(String serviceName, String tenantId) {
        return new int[] {("inbox:" + serviceName).hashCode(), tenantId.hashCode()};
    }
}
