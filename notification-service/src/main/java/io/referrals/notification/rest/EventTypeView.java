package io.referrals.notification.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.referrals.notification.mapping.WebhookCatalogue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookEventType")
public record EventTypeView(
        @Schema(example = "referral.received") String name,
        String description,

        @Schema(description = "JSON Schema of the CloudEvent's data")
        JsonNode schema,

        @Schema(description = "A sample CloudEvent as an endpoint receives it")
        JsonNode sample) {

    static EventTypeView of(WebhookCatalogue.Entry<?> entry) {
        return new EventTypeView(entry.name(), entry.description(), entry.schema(), WebhookCatalogue.sample(entry));
    }
}
