package io.referrals.partner.service;

import static io.referrals.events.PartnerStage.BUILDING_RAPPORT;
import static io.referrals.events.PartnerStage.DORMANT;
import static io.referrals.events.PartnerStage.ENDED;
import static io.referrals.events.PartnerStage.IDENTIFIED;
import static io.referrals.events.PartnerStage.MUTUAL_BENEFIT_AGREED;
import static io.referrals.events.PartnerStage.REACHED_OUT;
import static io.referrals.events.PartnerStage.TRUSTED;

import io.referrals.events.PartnerStage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The relationship lifecycle: identified, reached out, building rapport, mutual benefit agreed, trusted, one
 * step at a time; any active stage can go dormant or end. Reviving is a transition too: a dormant relationship
 * picks up at any active stage, an ended one starts again from identified or reached out.
 */
public final class PartnerLifecycle {
    private static final Map<PartnerStage, List<PartnerStage>> NEXT = new EnumMap<>(PartnerStage.class);

    static {
        NEXT.put(IDENTIFIED, List.of(REACHED_OUT, DORMANT, ENDED));
        NEXT.put(REACHED_OUT, List.of(BUILDING_RAPPORT, DORMANT, ENDED));
        NEXT.put(BUILDING_RAPPORT, List.of(MUTUAL_BENEFIT_AGREED, DORMANT, ENDED));
        NEXT.put(MUTUAL_BENEFIT_AGREED, List.of(TRUSTED, DORMANT, ENDED));
        NEXT.put(TRUSTED, List.of(DORMANT, ENDED));
        NEXT.put(DORMANT, List.of(REACHED_OUT, BUILDING_RAPPORT, MUTUAL_BENEFIT_AGREED, TRUSTED, ENDED));
        NEXT.put(ENDED, List.of(IDENTIFIED, REACHED_OUT));
    }

    private PartnerLifecycle() {}

    public static List<PartnerStage> allowedFrom(PartnerStage stage) {
        return NEXT.get(stage);
    }

    public static boolean allows(PartnerStage from, PartnerStage to) {
        return NEXT.get(from).contains(to);
    }

    /** Stages a partner may be created in: the active ones (an import may bring relationships already under way). */
    public static boolean isActive(PartnerStage stage) {
        return stage != DORMANT && stage != ENDED;
    }
}
