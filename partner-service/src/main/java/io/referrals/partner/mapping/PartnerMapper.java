package io.referrals.partner.mapping;

import io.referrals.events.partner.PartnerCreated;
import io.referrals.events.partner.PartnerUpdated;
import io.referrals.partner.entity.Partner;

/** Partners as their events carry them. */
public final class PartnerMapper {
    private PartnerMapper() {
    }

    public static PartnerCreated toCreated(Partner partner) {
        return new PartnerCreated(partner.id, partner.name, partner.email, partner.category, partner.createdAt);
    }

    public static PartnerUpdated toUpdated(Partner partner) {
        return new PartnerUpdated(partner.id, partner.name, partner.email, partner.category, partner.updatedAt);
    }
}
