package io.referrals.notification.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.referrals.notification.entity.SubscriptionKind;
import io.referrals.notification.entity.WebhookSubscription;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Webhook")
public record WebhookView(
        UUID id,

        @Schema(description = "webhook (made by the practice) or zapier (a REST hook)", example = "webhook")
        SubscriptionKind kind,

        @Schema(example = "https://crm.example/hooks/referrals")
        String url,

        @Schema(example = "[\"referral.received\",\"referral.converted\"]")
        List<String> events,

        String description,
        boolean enabled,

        @Schema(description = "Why it was disabled (by the practice, a 410 Gone, or 3 days of failures)")
        String disabledReason,

        @Schema(description = "Since when every attempt failed; null while the endpoint answers")
        Instant failingSince,

        @Schema(description = "Until when the secret before the last rotation still signs (a second signature)")
        Instant previousSecretExpiresAt,

        Instant createdAt,
        Instant updatedAt,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description = "The signing secret: only in the answer to its creation or rotation, never again",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String secret) {

    public static WebhookView of(WebhookSubscription s) {
        return of(s, null);
    }

    public static WebhookView of(WebhookSubscription s, String secret) {
        return new WebhookView(
                s.id,
                s.kind,
                s.url,
                s.eventList(),
                s.description,
                s.enabled,
                s.disabledReason,
                s.failingSince,
                s.previousSecretExpiresAt,
                s.createdAt,
                s.updatedAt,
                secret);
    }
}
