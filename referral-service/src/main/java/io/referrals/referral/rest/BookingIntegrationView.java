package io.referrals.referral.rest;

import io.referrals.events.booking.BookingProvider;
import io.referrals.referral.entity.BookingIntegration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A booking integration as every read shows it: never its secret, and its receiving URL with the token elided. */
@Schema(name = "BookingIntegration")
public record BookingIntegrationView(
        UUID id,
        @Schema(example = "calcom") BookingProvider provider,

        @Schema(example = "https://cal.com/your-practice/consultation")
        String bookingPageUrl,

        @Schema(
                description = "Where the provider posts its bookings. The token is stored hashed, like intake links' "
                        + "tokens: the whole URL is shown once (BookingIntegrationSecret, when connected or given a "
                        + "new URL); here it is elided after its first characters.",
                example = "https://referrals.example.com/api/bookings/calcom/bk_9mQ3\u2026")
        String receivingUrl,

        Instant connectedAt,

        @Schema(nullable = true) Instant rotatedAt,

        @Schema(description = "When the last delivery was accepted", nullable = true)
        Instant lastDeliveryAt,

        @Schema(description = "Deliveries accepted (duplicates and ignored triggers included)", example = "42")
        long deliveries,

        @Schema(
                description = "Deliveries refused: signature missing, wrong or stale, or a malformed body",
                example = "0")
        long refused) {

    static BookingIntegrationView of(BookingIntegration i, String receivingUrl) {
        return new BookingIntegrationView(
                i.id,
                i.provider,
                i.bookingPageUrl,
                receivingUrl,
                i.connectedAt,
                i.rotatedAt,
                i.lastDeliveryAt,
                i.deliveries,
                i.refused);
    }
}
