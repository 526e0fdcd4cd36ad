package io.referrals.partner.mapping;

import io.referrals.events.Compensation;
import io.referrals.events.Money;
import io.referrals.events.partner.AgreementActivated;
import io.referrals.events.partner.AgreementEnded;
import io.referrals.partner.entity.Agreement;
import java.util.UUID;

/** Agreements as their events carry them. */
public final class AgreementMapper {
    private AgreementMapper() {}

    public static Compensation toCompensation(Agreement a) {
        Money flatFee = a.flatFeeAmount == null ? null : new Money(a.flatFeeAmount, a.flatFeeCurrency);
        return new Compensation(a.compensationType, a.compensationPercent, flatFee);
    }

    public static AgreementActivated toActivated(Agreement a, UUID supersedes) {
        return new AgreementActivated(
                a.id,
                a.partnerId,
                a.kind.json(),
                a.direction.json(),
                toCompensation(a),
                a.feeDisclosedToClients,
                a.effectiveFrom,
                a.effectiveTo,
                supersedes,
                a.createdAt);
    }

    public static AgreementEnded toEnded(Agreement a) {
        return new AgreementEnded(a.id, a.partnerId, a.endReason, a.supersededBy, a.endedAt);
    }
}
