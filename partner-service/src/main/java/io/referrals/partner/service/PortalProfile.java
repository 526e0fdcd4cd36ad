package io.referrals.partner.service;

import java.util.UUID;

/** What the signed-in partner may read about themselves. */
public record PortalProfile(UUID partnerId, String name, String email, String practiceId) {}
