package io.referrals.partner.service;

import io.referrals.partner.entity.AgreementDirection;
import io.referrals.partner.entity.AgreementKind;
import io.referrals.partner.entity.SignedVia;
import io.referrals.platform.text.MultiLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the agreement service is asked to do; the agreement API takes them as its request bodies. */
public final class AgreementCommands {
    private AgreementCommands() {}

    @Schema(name = "CreateAgreement")
    public record Create(
            @NotNull @Schema(example = "incentivized") AgreementKind kind,
            @NotNull @Schema(example = "reciprocal") AgreementDirection direction,

            @Size(max = 20) @Schema(
                    description = "What the practice gives the partner",
                    example = "[\"Refers clients who need couples therapy\", \"Shares the partner's workshops\"]")
            List<@NotBlank @Size(max = 200) String> practiceGives,

            @Size(max = 20) @Schema(
                    description = "What the partner gives the practice",
                    example = "[\"Refers clients in a career transition\"]")
            List<@NotBlank @Size(max = 200) String> partnerGives,

            @Valid @Schema(description = "Defaults to none; an incentivized agreement needs another type")
            CompensationTerms compensation,

            @Schema(description = "Defaults to today (UTC)", example = "2026-01-01")
            LocalDate effectiveFrom,

            @Schema(description = "Open-ended if left out; after effectiveFrom", example = "2026-12-31")
            LocalDate effectiveTo,

            @Schema(example = "2025-12-15") LocalDate signedOn,
            @Schema(example = "email_summary") SignedVia signedVia,

            @Schema(
                    description = "Whether clients are told about the fee; required when the partner is paid",
                    example = "true")
            Boolean feeDisclosedToClients,

            @Schema(
                    description = "The practice checked that the partner's licensing board allows the compensation; "
                            + "required when a licensed partner is paid",
                    example = "true")
            Boolean complianceAcknowledged) {}

    @Schema(name = "EndAgreement")
    public record End(
            @NotBlank @Size(max = 2000) @Schema(example = "The partner retired") @MultiLine
            String reason) {}
}
