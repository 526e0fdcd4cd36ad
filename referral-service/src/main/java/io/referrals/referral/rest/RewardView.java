package io.referrals.referral.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.referrals.events.RewardType;
import io.referrals.referral.entity.Reward;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Reward")
public record RewardView(
        UUID id,
        UUID referralId,
        UUID partnerId,
        @Schema(example = "referral_fee") RewardType type,
        @Schema(example = "partner") Reward.Beneficiary beneficiary,

        @Schema(description = "The agreement a fee was computed under; null for rewards recorded by hand")
        UUID agreementId,

        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "15.00")
        BigDecimal percent,

        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "225.00")
        BigDecimal amount,

        @Schema(example = "USD") String currency,
        String description,
        @Schema(example = "owed") Reward.Status status,
        Instant earnedAt,
        Instant paidAt,
        String paymentReference,
        Instant waivedAt,
        String waiverReason) {

    public static RewardView of(Reward r) {
        return new RewardView(
                r.id,
                r.referralId,
                r.partnerId,
                r.type,
                r.beneficiary,
                r.agreementId,
                r.percent == null ? null : r.percent.setScale(2, RoundingMode.HALF_EVEN),
                r.amount == null ? null : r.amount.setScale(2, RoundingMode.HALF_EVEN),
                r.currency,
                r.description,
                r.status,
                r.earnedAt,
                r.paidAt,
                r.paymentReference,
                r.waivedAt,
                r.waiverReason);
    }
}
