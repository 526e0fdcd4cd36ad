package io.referrals.metrics.service;

import io.referrals.events.ReferralChannel;
import io.referrals.metrics.entity.PartnerMetrics;
import java.util.ArrayList;
import java.util.List;

/** Where a fact's numbers are added: the practice, one partner, a group of partners, or a channel. */
public record Scope(String name, String key) {
    public static final String PRACTICE = "practice";
    public static final String PARTNER = "partner";
    public static final String CATEGORY = "category";
    public static final String ALLIANCE = "alliance";
    public static final String STAGE = "stage";
    public static final String CHANNEL = "channel";
    /** The channel key of referrals given, next to the inbound channels. */
    public static final String GIVEN_CHANNEL = "given";

    public static Scope practice() {
        return new Scope(PRACTICE, "");
    }

    public static Scope channel(ReferralChannel channel) {
        return new Scope(CHANNEL, (channel == null ? ReferralChannel.API : channel).json());
    }

    /** The partner itself and the groups its current attributes put it in. */
    public static List<Scope> ofPartner(PartnerMetrics partner) {
        List<Scope> scopes = new ArrayList<>();
        scopes.add(new Scope(PARTNER, partner.partnerId.toString()));
        scopes.addAll(groupsOf(partner));
        return scopes;
    }

    /** The group scopes of a partner: they follow its current category, alliance types and stage. */
    public static List<Scope> groupsOf(PartnerMetrics partner) {
        List<Scope> groups = new ArrayList<>();
        if (partner.category != null) {
            groups.add(new Scope(CATEGORY, partner.category.json()));
        }
        partner.allianceTypeList().forEach(type -> groups.add(new Scope(ALLIANCE, type)));
        if (partner.stage != null) {
            groups.add(new Scope(STAGE, partner.stage.json()));
        }
        return groups;
    }
}
