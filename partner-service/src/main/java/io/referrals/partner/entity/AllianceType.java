package io.referrals.partner.entity;

import io.referrals.events.WireEnum;
import java.util.ArrayList;
import java.util.List;

/** Ways a partner works with the practice; a partner may have several. */
public enum AllianceType implements WireEnum {
    REFERRAL,
    PROMOTIONAL,
    COLLABORATION,
    EXTENSION,
    EXPERT_TEAM_MEMBER,
    JOINT_VENTURE;

    /** The names a partner stores, each once. */
    public static List<String> names(List<AllianceType> types) {
        return new ArrayList<>(types.stream().map(AllianceType::name).distinct().toList());
    }
}
