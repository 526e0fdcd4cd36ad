package io.referrals.partner.mapping;

import io.referrals.events.Compensation;
import io.referrals.events.Money;
import io.referrals.events.partner.AgreementActivated;
import io.referrals.events.partner.AgreementEnded;
import io.referrals.partner.entity.Agreement;
import io.referrals.partner.rest.AgreementView;
import io.referrals.partner.rest.CompensationTerms;
import java.util.List;
import java.util.UUID;

public final class AgreementMapper {
    private AgreementMapper() {
    }

    public static AgreementView toView(Agreement a) {
        return new AgreementView(a.id, a.partnerId, a.kind, a.direction, List.copyOf(a.practiceGives),
                List.copyOf(a.partnerGives), toTerms(a), a.effectiveFrom, a.effectiveTo, a.signedOn, a.signedVia,
                a.feeDisclosedToClients, a.complianceAcknowledged, a.status, a.supersededBy, a.endedAt, a.endReason,
                a.createdAt, a.createdBy);
    }

    public static CompensationTerms toTerms(Agreement a) {
        CompensationTerms.FlatFee flatFee = a.flatFeeAmount == null ? null
                : new CompensationTerms.FlatFee(a.flatFeeAmount, a.flatFeeCurrency);
        return new CompensationTerms(a.compensationType, a.compensationPercent, flatFee);
    }

    public static Compensation toCompensation(Agreement a) {
        Money flatFee = a.flatFeeAmount == null ? null : new Money(a.flatFeeAmount, a.flatFeeCurrency);
        return new Compensation(a.compensationType, a.compensationPercent, flatFee);
    }

    public static AgreementActivated toActivated(Agreement a, UUID supersedes) {
        return new AgreementActivated(a.id, a.partnerId, a.kind.json(), a.direction.json(), toCompensation(a),
                a.feeDisclosedToClients, a.effectiveFrom, a.effectiveTo, supersedes, a.createdAt);
    }

    public static AgreementEnded toEnded(Agreement a) {
        return new AgreementEnded(a.id, a.partnerId, a.endReason, a.supersededBy, a.endedAt);
    }
}
