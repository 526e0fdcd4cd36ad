package io.referrals.metrics.rest;

import io.referrals.events.PartnerStage;
import io.referrals.metrics.service.query.DormantPartner;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DormantPartner", description = "A partner in a dormancy episode")
public record DormantPartnerView(
        UUID partnerId,
        @Schema(example = "Dana Lee") String partnerName,
        @Schema(example = "trusted") PartnerStage stage,

        @Schema(description = "Last referral either way or touchpoint")
        Instant lastActivityAt,

        @Schema(description = "Days since the last activity, now", example = "75")
        long silentDays,

        @Schema(description = "When the scan found the partner silent")
        Instant dormantSince) {

    static DormantPartnerView of(DormantPartner p) {
        return new DormantPartnerView(
                p.partnerId(), p.partnerName(), p.stage(), p.lastActivityAt(), p.silentDays(), p.dormantSince());
    }
}
