package io.referrals.metrics.rest;

import io.referrals.metrics.service.campaign.Verdict;
import io.referrals.metrics.service.campaign.VerdictKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The results in plain words, for an owner; a decision aid, not a test (README). */
@Schema(name = "CampaignVerdict")
public record CampaignVerdictView(
        @Schema(
                description = "not_enough_data: fewer trials per variant than the difference needs, or still"
                        + " undecided; leader: one variant has a chance to be best of at least 95 % and an"
                        + " expected loss under a tenth of the difference; no_meaningful_difference: two or"
                        + " more variants each cost less than that tenth; single_variant: nothing to compare")
        VerdictKind kind,

        @Schema(
                example = "Not enough yet: about 334 more partners asked per variant would tell a 10-point"
                        + " difference.")
        String text,

        @Schema(description = "The leading variant's key when kind is leader, else null", example = "b")
        String leader,

        @Schema(description = "About how many more trials each variant needs; 0 when decided", example = "334")
        long moreTrialsPerVariant,

        @Schema(description = "The difference in the goal's rate worth knowing, as asked", example = "0.1")
        double difference) {

    static CampaignVerdictView of(Verdict verdict) {
        return new CampaignVerdictView(
                verdict.kind(), verdict.text(), verdict.leader(), verdict.moreTrialsPerVariant(), verdict.difference());
    }
}
