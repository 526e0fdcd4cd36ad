package io.referrals.partner.service;

import java.time.Instant;

/** A started portal session: its bearer token and when it expires. */
public record SignedIn(String accessToken, Instant expiresAt) {}
