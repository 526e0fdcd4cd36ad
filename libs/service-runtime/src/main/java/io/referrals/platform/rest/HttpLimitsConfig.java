package io.referrals.platform.rest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The request line and header limits a service answers as problem+json ({@link HttpLimits}). The HTTP codec's own
 * limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set well above these, so
 * that a request over them still reaches the service and gets an answer it can read.
 */
@ConfigMapping(prefix = "platform.http.limits")
public interface HttpLimitsConfig {
    /** Bytes of the request line (method, target, version): 4 KB, Quarkus' own default. */
    @WithDefault("4096")
    int maxRequestLine();

    /** Bytes of all header lines together: 20 KB, Quarkus' own default. */
    @WithDefault("20480")
    int maxHeaders();
}
