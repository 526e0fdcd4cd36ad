package io.referrals.notification.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.referrals.notification.entity.WebhookSubscription;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Hook", description = "A Zapier REST hook subscription")
public record HookView(
        UUID id,
        @Schema(example = "referral.received") String event,
        @JsonProperty("target_url") String targetUrl) {

    static HookView of(WebhookSubscription s) {
        return new HookView(s.id, s.eventList().get(0), s.url);
    }
}
