package io.referrals.partner.rest;

import io.referrals.partner.entity.Agreement;
import io.referrals.partner.entity.AgreementDirection;
import io.referrals.partner.entity.AgreementKind;
import io.referrals.partner.entity.AgreementStatus;
import io.referrals.partner.entity.SignedVia;
import io.referrals.partner.service.CompensationTerms;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Agreement")
public record AgreementView(
        @Schema(example = "5f0c2a3e-6d1b-4c8e-9f7a-1b2c3d4e5f60")
        UUID id,

        @Schema(example = "0b7c1f0e-8f8e-4a4b-9a53-2b8d1c3f5e61")
        UUID partnerId,

        @Schema(example = "incentivized") AgreementKind kind,
        @Schema(example = "reciprocal") AgreementDirection direction,

        @Schema(example = "[\"Refers clients who need couples therapy\"]")
        List<String> practiceGives,

        @Schema(example = "[\"Refers clients in a career transition\"]")
        List<String> partnerGives,

        CompensationTerms compensation,
        @Schema(example = "2026-01-01") LocalDate effectiveFrom,
        LocalDate effectiveTo,
        LocalDate signedOn,
        @Schema(example = "email_summary") SignedVia signedVia,
        boolean feeDisclosedToClients,
        boolean complianceAcknowledged,

        @Schema(
                description = "active until a newer agreement supersedes it or the practice ends it",
                example = "active")
        AgreementStatus status,

        @Schema(description = "The agreement that replaced this one")
        UUID supersededBy,

        Instant endedAt,

        @Schema(description = "superseded, or the reason given when the practice ended it")
        String endReason,

        Instant createdAt,
        @Schema(example = "user@practice") String createdBy) {

    public static AgreementView of(Agreement a) {
        return new AgreementView(
                a.id,
                a.partnerId,
                a.kind,
                a.direction,
                List.copyOf(a.practiceGives),
                List.copyOf(a.partnerGives),
                compensationOf(a),
                a.effectiveFrom,
                a.effectiveTo,
                a.signedOn,
                a.signedVia,
                a.feeDisclosedToClients,
                a.complianceAcknowledged,
                a.status,
                a.supersededBy,
                a.endedAt,
                a.endReason,
                a.createdAt,
                a.createdBy);
    }

    private static CompensationTerms compensationOf(Agreement a) {
        CompensationTerms.FlatFee flatFee =
                a.flatFeeAmount == null ? null : new CompensationTerms.FlatFee(a.flatFeeAmount, a.flatFeeCurrency);
        return new CompensationTerms(a.compensationType, a.compensationPercent, flatFee);
    }
}
