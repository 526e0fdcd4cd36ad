package io.referrals.metrics.service;

/**
 * A rebuild replays a practice's events under a staging tenant id, so that the live rows keep answering reads until
 * the swap. Staging rows have no side effects (no dormancy events).
 */
public final class RebuildTenants {
    public static final String PREFIX = "rebuild:";

    private RebuildTenants() {}

    public static String staging(String tenantId) {
        return PREFIX + tenantId;
    }

    public static String live(String stagingId) {
        return stagingId.substring(PREFIX.length());
    }

    public static boolean isStaging(String tenantId) {
        return tenantId.startsWith(PREFIX);
    }
}
