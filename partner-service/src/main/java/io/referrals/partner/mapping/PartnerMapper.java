package io.referrals.partner.mapping;

import io.referrals.events.WireEnum;
import io.referrals.events.partner.PartnerCreated;
import io.referrals.events.partner.PartnerUpdated;
import io.referrals.partner.entity.AllianceType;
import io.referrals.partner.entity.Partner;
import io.referrals.partner.rest.PartnerView;
import java.util.List;

public final class PartnerMapper {
    private PartnerMapper() {
    }

    public static PartnerView toView(Partner p) {
        return new PartnerView(p.id, p.name, p.email, p.category, p.organization, p.role, p.licensed, p.phone,
                p.website, p.notes, List.copyOf(p.tags), List.copyOf(p.niches),
                p.allianceTypes.stream().map(AllianceType::valueOf).toList(),
                p.activeAgreementId == null ? PartnerView.Relationship.SOURCE : PartnerView.Relationship.PARTNER,
                p.stage, p.owner, p.checkInCadenceDays, p.candidate, p.candidateReferralId, p.needsReview,
                p.activeAgreementId, new PartnerView.Fit(p.fitScore, List.copyOf(p.fitReasons)), p.lastTouchpointAt,
                p.nextCheckInDue, p.archivedAt, p.createdAt, p.updatedAt);
    }

    public static List<String> names(List<? extends WireEnum> values) {
        return values.stream().map(WireEnum::name).distinct().toList();
    }

    public static PartnerCreated toCreated(Partner partner) {
        return new PartnerCreated(partner.id, partner.name, partner.email, partner.category, partner.createdAt);
    }

    public static PartnerUpdated toUpdated(Partner partner) {
        return new PartnerUpdated(partner.id, partner.name, partner.email, partner.category, partner.updatedAt);
    }
}
