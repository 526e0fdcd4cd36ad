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
        String status,

        @Schema(
                description = "The practice's booking page with this referral's code attached, so that the person "
                        + "referred can book a consultation at once; null while the practice has no booking "
                        + "integration",
                nullable = true,
                example = "https://cal.com/your-practice/consultation?metadata%5Bref%5D=R7K2M9Q4TX")
        String bookingLink) {

    static IntakeReceipt of(Referral referral, String bookingLink) {
        return new IntakeReceipt(referral.id, "received", bookingLink);
    }
}
