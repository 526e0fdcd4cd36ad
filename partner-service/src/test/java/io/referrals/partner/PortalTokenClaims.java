package io.referrals.partner;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a test reads from a portal session token it was given: its session id ({@code sid}). */
final class PortalTokenClaims {
    private static final Pattern SID = Pattern.compile("\"sid\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private PortalTokenClaims() {}

    static UUID sid(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        Matcher sid = SID.matcher(payload);
        if (!sid.find()) {
            throw new AssertionError("No sid in the session token");
        }
        return UUID.fromString(sid.group(1));
    }
}
