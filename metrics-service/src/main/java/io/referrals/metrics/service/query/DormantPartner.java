package io.referrals.metrics.service.query;

import io.referrals.events.PartnerStage;
import io.referrals.metrics.entity.PartnerMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DormantPartner", description = "A partner in a dormancy episode")
public record DormantPartner(
        UUID partnerId,
        @Schema(example = "Dana Lee") String partnerName,
        @Schema(example = "trusted") PartnerStage stage,

        @Schema(description = "Last referral either way or touchpoint")
        Instant lastActivityAt,

        @Schema(description = "Days since the last activity, now", example = "75")
        long silentDays,

        @Schema(description = "When the scan found the partner silent")
        Instant dormantSince) {

    static DormantPartner of(PartnerMetrics partner, Instant now) {
        return new DormantPartner(
                partner.partnerId,
                partner.partnerName,
                partner.stage,
                partner.lastActivityAt,
                Duration.between(partner.lastActivityAt, now).toDays(),
                partner.dormantSince);
    }
}
