package io.referrals.partner.rest;

import io.referrals.events.PartnerStage;
import io.referrals.partner.entity.StageChange;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StageChange", description = "One dated step of a relationship; the first has no `from`")
public record StageChangeView(
        @Schema(example = "reached_out") PartnerStage from,
        @Schema(example = "building_rapport") PartnerStage to,

        @Schema(example = "Coffee at the chamber breakfast went well")
        String note,

        String reason,
        @Schema(example = "user@practice") String changedBy,
        Instant changedAt) {

    public static StageChangeView of(StageChange change) {
        return new StageChangeView(
                change.fromStage, change.toStage, change.note, change.reason, change.changedBy, change.changedAt);
    }
}
