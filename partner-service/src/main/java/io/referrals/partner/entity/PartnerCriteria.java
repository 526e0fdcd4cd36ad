package io.referrals.partner.entity;

import io.referrals.events.PartnerCategory;
import io.referrals.events.PartnerStage;

/**
 * What narrows and orders a practice's partner list (and its CSV export); {@code null} leaves a criterion out.
 * {@code sort} is a field name, prefixed with {@code -} for descending; {@code null} sorts by name.
 */
public record PartnerCriteria(
        PartnerCategory category,
        AllianceType allianceType,
        PartnerStage stage,
        String tag,
        String text,
        Boolean candidate,
        Boolean needsReview,
        boolean archived,
        String sort) {}
