package io.referrals.referral.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** The public intake's settings that are not a link's own (those are set per link). */
@ConfigMapping(prefix = "referral.intake")
public interface IntakeConfig {
    /**
     * Requests to {@code /api/intake/*} one client address (an IPv4 address, an IPv6 /64) may make per minute, whatever
     * the token (known or not), counted in PostgreSQL across every replica.
     */
    @WithDefault("120")
    int perAddressPerMinute();

    /**
     * The AES-256 key (base64 of 32 bytes, {@code INTAKE_SECRET_KEY}) that encrypts intake links' signing secrets at
     * rest. Required: the service does not start without it.
     */
    Optional<String> secretKey();

    /** Keys rotated away ({@code INTAKE_PREVIOUS_SECRET_KEYS}, comma-separated): still read, re-encrypted at start. */
    Optional<List<String>> previousSecretKeys();
}
