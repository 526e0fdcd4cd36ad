package io.referrals.platform.rest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * How large a request body may be: {@link #maxBytes()} (64 KB) on every path but {@link #largeBodyPaths()}
 * (partner-service's CSV import), which are held to {@link #largeMaxBytes()} (3 MB). Both are answered as problem+json
 * ({@link BodyLimitFilter}, {@link HttpLimits}); {@code quarkus.http.limits.max-body-size} (4 MB) is only the codec's
 * cut-off above them.
 */
@ConfigMapping(prefix = "platform.http.body")
public interface BodyLimitConfig {
    /** Bytes a request body may have on every other path: 64 KB. */
    @WithDefault("65536")
    long maxBytes();

    /** Exact request paths allowed up to {@link #largeMaxBytes()}. */
    Optional<List<String>> largeBodyPaths();

    /** Bytes a request body may have on a large-body path, and the most any request may declare: 3 MB. */
    @WithDefault("3145728")
    long largeMaxBytes();
}
