package io.referrals.referral.rest;

import io.referrals.events.booking.BookingProvider;
import io.referrals.referral.entity.BookingIntegration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The one answer that shows the receiving URL whole, and a signing secret the platform made. */
@Schema(
        name = "BookingIntegrationSecret",
        description = "A booking integration right after it was connected or rotated: the receiving URL in full (when "
                + "it was issued now) and the signing secret the platform made (when it made one): paste both into "
                + "the provider now, they are not shown again")
public record BookingIntegrationSecretView(
        UUID id,
        @Schema(example = "calcom") BookingProvider provider,

        @Schema(example = "https://cal.com/your-practice/consultation")
        String bookingPageUrl,

        @Schema(
                description = "The full URL when it was issued by this request (connect, or rotate with "
                        + "newReceivingUrl); else elided as on every read",
                example =
                        "https://referrals.example.com/api/bookings/calcom/bk_9mQ3yZk0c1hT7uJ2bX4eV8rN6pL5sD0aF3gH1jK2lM4")
        String receivingUrl,

        Instant connectedAt,
        @Schema(nullable = true) Instant rotatedAt,
        @Schema(nullable = true) Instant lastDeliveryAt,
        @Schema(example = "0") long deliveries,
        @Schema(example = "0") long refused,

        @Schema(
                description = "Only when the platform made the secret (Cal.com without one given): paste it into "
                        + "the Cal.com webhook's secret; null when you gave it",
                nullable = true,
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwKq3Yz0bC1dE")
        String signingSecret) {

    static BookingIntegrationSecretView of(BookingIntegration i, String receivingUrl, String signingSecret) {
        return new BookingIntegrationSecretView(
                i.id,
                i.provider,
                i.bookingPageUrl,
                receivingUrl,
                i.connectedAt,
                i.rotatedAt,
                i.lastDeliveryAt,
                i.deliveries,
                i.refused,
                signingSecret);
    }
}
