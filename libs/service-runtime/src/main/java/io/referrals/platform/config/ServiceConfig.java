package io.referrals.platform.config;

import io.smallrye.config.ConfigMapping;

/**
 * Who this service is, for the parts of service-runtime that name it. Set once, from {@code quarkus.application.name}
 * and {@code JWT_TENANT_CLAIM}, in service-runtime's {@code microprofile-config.properties}. (The prefix is not plain
 * {@code platform}: the Quarkus platform's own properties live under {@code platform.quarkus}.)
 */
@ConfigMapping(prefix = "platform.service")
public interface ServiceConfig {
    /** The service's name: the source of its events, its consumer group and its dead-letter topic's prefix. */
    String name();

    /** The JWT claim holding the practice (tenant) id. */
    String tenantClaim();
}
