package io.referrals.referral.rest;

import io.referrals.events.ReferralStatus;
import io.referrals.referral.entity.StatusChange;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReferralStatusChange", description = "One dated step of a referral's lifecycle")
public record StatusChangeView(
        @Schema(description = "Absent on the first entry, the receipt", example = "received")
        ReferralStatus from,

        @Schema(example = "contacted") ReferralStatus to,
        @Schema(example = "Spoke on the second call.") String note,
        @Schema(example = "2026-11-23T14:05:00Z") Instant changedAt) {

    public static StatusChangeView of(StatusChange c) {
        return new StatusChangeView(c.fromStatus, c.toStatus, c.note, c.changedAt);
    }
}
