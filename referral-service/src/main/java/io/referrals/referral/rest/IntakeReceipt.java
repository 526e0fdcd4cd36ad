package io.referrals.referral.rest;

import io.referrals.referral.entity.Referral;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the public intake answers: that the referral was received, and nothing about who it names. The same shape
 * whether the referred person was referred before or the referrer is a partner, so that a link's holder learns
 * neither.
 */
@Schema(name = "IntakeReceipt")
public record IntakeReceipt(
        @Schema(description = "The new referral's id", example = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b")
        UUID id,

        @Schema(description = "Always received", example = "received")
        String status) {

    static IntakeReceipt of(Referral referral) {
        return new IntakeReceipt(referral.id, "received");
    }
}
