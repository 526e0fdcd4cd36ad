package io.referrals.referral.service;

import io.referrals.events.Money;
import io.referrals.events.RewardType;
import io.referrals.platform.text.MultiLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the reward API asks of {@link RewardService}; the request bodies are these records. */
public final class RewardCommands {
    private RewardCommands() {}

    @Schema(name = "ClientReward", description = "A reward for a client who referred someone")
    public record ClientReward(
            @NotNull @Schema(example = "session_credit") RewardType type,

            @NotBlank @Size(max = 2000) @Schema(example = "One free coaching session") @MultiLine
            String description,

            @Valid @Schema(description = "Its money value, if it has one")
            Amount amount) {

        public Money value() {
            return amount == null ? null : new Money(amount.amount(), amount.currency());
        }
    }

    @Schema(name = "RewardAmount")
    public record Amount(
            @NotNull @DecimalMin("0.00") @Digits(integer = 15, fraction = 2) @Schema(type = SchemaType.STRING, example = "150.00")
            BigDecimal amount,

            @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as USD") @Schema(example = "USD")
            String currency) {}

    @Schema(name = "RewardPayment")
    public record Payment(
            @Schema(description = "When it was paid or given; defaults to now")
            Instant paidAt,

            @Size(max = 200) @Schema(example = "Bank transfer 2026-11-30")
            String reference) {}

    @Schema(name = "RewardWaiver")
    public record Waiver(
            @NotBlank @Size(max = 2000) @Schema(example = "Partner declined the fee") @MultiLine
            String reason) {}
}
