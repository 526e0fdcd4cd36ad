package io.referrals.metrics.service;

import io.referrals.platform.tenant.TenantIds;

/**
 * A rebuild replays a practice's events under a staging tenant id, so that the live rows keep answering reads until
 * the swap. Staging rows have no side effects (no dormancy events). The staging id {@code rebuild:<practice>} is its
 * own namespace: no practice id has a colon ({@link TenantIds}, checked on every token and every consumed event), so
 * no token or event can name a staging copy, read it or write to it.
 */
public final class RebuildTenants {
    public static final String PREFIX = "rebuild:";

    private RebuildTenants() {}

    public static String staging(String tenantId) {
        if (!TenantIds.isValid(tenantId)) {
            throw new IllegalArgumentException("Only a practice id has a staging id");
        }
        return PREFIX + tenantId;
    }

    public static String live(String stagingId) {
        return stagingId.substring(PREFIX.length());
    }

    public static boolean isStaging(String tenantId) {
        return tenantId.startsWith(PREFIX);
    }
}
