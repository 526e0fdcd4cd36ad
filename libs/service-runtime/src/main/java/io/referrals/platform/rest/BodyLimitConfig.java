package io.referrals.platform.rest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * How large a request body may be. {@code quarkus.http.limits.max-body-size} (2 MB) is the server's hard limit for
 * every route; JSON and every other body is held to {@link #maxBytes()} unless its path is one of
 * {@link #largeBodyPaths()} (partner-service's CSV import).
 */
@ConfigMapping(prefix = "platform.http.body")
public interface BodyLimitConfig {
    /** Bytes a request body may have on every other path: 64 KB. */
    @WithDefault("65536")
    long maxBytes();

    /** Exact request paths allowed up to the server's hard limit. */
    Optional<List<String>> largeBodyPaths();
}
