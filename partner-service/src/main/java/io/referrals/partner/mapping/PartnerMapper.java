package io.referrals.partner.mapping;

import io.referrals.events.PartnerEditor;
import io.referrals.events.partner.PartnerCreated;
import io.referrals.events.partner.PartnerUpdated;
import io.referrals.partner.entity.AllianceType;
import io.referrals.partner.entity.Partner;
import java.util.Arrays;
import java.util.List;

/** Partners as their events carry them. */
public final class PartnerMapper {
    private PartnerMapper() {}

    public static PartnerCreated toCreated(Partner partner) {
        return new PartnerCreated(
                partner.id,
                partner.name,
                partner.email,
                partner.category,
                partner.createdAt,
                allianceTypes(partner),
                partner.stage,
                partner.checkInCadenceDays,
                partner.candidate);
    }

    public static PartnerUpdated toUpdated(Partner partner, PartnerEditor changedBy) {
        return new PartnerUpdated(
                partner.id,
                partner.name,
                partner.email,
                partner.category,
                partner.updatedAt,
                allianceTypes(partner),
                partner.checkInCadenceDays,
                partner.fitScore,
                changedBy);
    }

    /**
     * What PartnerUpdated carries: the practice's change to any of these is announced, a change to others is not (a
     * partner's own change always is).
     */
    public static List<Object> announcedFields(Partner partner) {
        return Arrays.asList(
                partner.name,
                partner.email,
                partner.category,
                allianceTypes(partner),
                partner.checkInCadenceDays,
                partner.fitScore);
    }

    /** Alliance types as they travel: wire values such as {@code expert_team_member}. */
    private static List<String> allianceTypes(Partner partner) {
        return partner.allianceTypes.stream()
                .map(name -> AllianceType.valueOf(name).json())
                .toList();
    }
}
