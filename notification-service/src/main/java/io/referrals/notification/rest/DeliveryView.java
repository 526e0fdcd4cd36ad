package io.referrals.notification.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.referrals.events.EventCodec;
import io.referrals.notification.entity.DeliveryStatus;
import io.referrals.notification.entity.WebhookAttempt;
import io.referrals.notification.service.webhook.WebhookService;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDelivery")
public record DeliveryView(
        UUID id,

        @Schema(description = "The webhook-id header: the same on every attempt", example = "msg_2b1f4c...")
        String webhookId,

        String eventId,
        @Schema(example = "referral.received") String eventType,
        @Schema(example = "pending") DeliveryStatus status,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant deliveredAt,
        Integer lastStatusCode,
        String lastError,
        List<Attempt> attempts,
        @Schema(description = "The CloudEvent sent") JsonNode payload) {

    @Schema(name = "WebhookAttempt")
    public record Attempt(
            Instant attemptedAt,

            @Schema(description = "Null when no HTTP answer came")
            Integer statusCode,

            int latencyMs,

            @Schema(description = "The first 1 KB of the answer's body")
            String responseBody,

            @Schema(example = "timed out") String error) {
        static Attempt of(WebhookAttempt a) {
            return new Attempt(a.attemptedAt, a.statusCode, a.latencyMs, a.responseBody, a.error);
        }
    }

    public static DeliveryView of(WebhookService.DeliveryLog log) {
        var d = log.delivery();
        JsonNode payload;
        try {
            payload = EventCodec.mapper().readTree(d.payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return new DeliveryView(
                d.id,
                d.webhookId(),
                d.eventId,
                d.eventType,
                d.status,
                d.createdAt,
                d.nextAttemptAt,
                d.deliveredAt,
                d.lastStatusCode,
                d.lastError,
                log.attempts().stream().map(Attempt::of).toList(),
                payload);
    }
}
