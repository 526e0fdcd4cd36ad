package io.referrals.referral.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.referrals.referral.entity.IntakeLink;
import io.referrals.referral.service.IntakeLinkService;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An intake link; {@code token} and {@code signingSecret} appear only in the answer that created them. */
@Schema(name = "IntakeLink")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntakeLinkView(
        UUID id,
        @Schema(example = "Website referral form") String name,

        @Schema(description = "The partner the link is bound to, if any")
        UUID partnerId,

        @Schema(example = "false") boolean signed,
        @Schema(example = "60") int rateLimitPerMinute,

        @Schema(description = "Requests the link accepts per UTC day", example = "1000")
        int dailyCap,

        Instant createdAt,
        Instant rotatedAt,
        Instant revokedAt,

        @Schema(
                description = "Only when created or rotated: the secret to post to `POST /api/intake/{token}`. "
                        + "It is stored hashed and cannot be shown again.",
                example = "il_9mQ3yZk0c1hT7uJ2bX4eV8rN6pL5sD0aF3gH1jK2lM4")
        String token,

        @Schema(
                description = "Only when a signed link is created or rotated: the Standard Webhooks secret",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String signingSecret,

        @Schema(description = "Only for a campaign link: the campaign whose ask it was made for")
        UUID campaignId,

        @Schema(description = "Only for a campaign link: the ask's variant", example = "b")
        String campaignVariant) {

    /** Never carries the token or the signing secret. */
    public static IntakeLinkView of(IntakeLink l) {
        return new IntakeLinkView(
                l.id,
                l.name,
                l.partnerId,
                l.signed,
                l.rateLimitPerMinute,
                l.dailyCap,
                l.createdAt,
                l.rotatedAt,
                l.revokedAt,
                null,
                null,
                l.campaignId,
                l.campaignVariant);
    }

    /** The one answer that shows the secrets: right after creating or rotating the link. */
    public static IntakeLinkView withSecrets(IntakeLinkService.WithSecrets s) {
        IntakeLink l = s.link();
        return new IntakeLinkView(
                l.id,
                l.name,
                l.partnerId,
                l.signed,
                l.rateLimitPerMinute,
                l.dailyCap,
                l.createdAt,
                l.rotatedAt,
                l.revokedAt,
                s.token(),
                s.signingSecret(),
                l.campaignId,
                l.campaignVariant);
    }
}
