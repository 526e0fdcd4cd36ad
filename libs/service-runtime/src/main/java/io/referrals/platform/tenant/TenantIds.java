package io.referrals.platform.tenant;

import java.util.regex.Pattern;

/**
 * What a practice (tenant) id may be, wherever one enters a service (a token's claim, an event's {@code tenantid}):
 * 1 to 64 ASCII letters, digits, dots, underscores and hyphens, starting with a letter or digit. Any other character
 * is free for a service's own reserved ids, which no practice can then reach (metrics-service stages a rebuild under
 * {@code rebuild:<practice>}).
 */
public final class TenantIds {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private TenantIds() {}

    public static boolean isValid(String tenantId) {
        return tenantId != null && VALID.matcher(tenantId).matches();
    }
}
