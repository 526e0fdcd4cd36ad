package io.referrals.notification.service.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class WebhookCommands {
    private WebhookCommands() {}

    @Schema(name = "WebhookCreate")
    public record Create(
            @NotBlank @Size(max = 2048) @Schema(example = "https://crm.example/hooks/referrals")
            String url,

            @NotEmpty @Size(max = 20) @Schema(
                    description = "Names from GET /api/webhooks/event-types",
                    example = "[\"referral.received\",\"referral.converted\"]")
            List<@NotBlank String> events,

            @Size(max = 500) @Schema(example = "CRM sync") String description) {}

    @Schema(name = "WebhookUpdate", description = "Fields left out stay as they are")
    public record Update(
            @Size(min = 1, max = 20) List<@NotBlank String> events,
            @Size(max = 500) String description,

            @Schema(description = "false pauses deliveries (pending ones are given up); true resumes")
            Boolean enabled) {}

    @Schema(name = "HookSubscribe", description = "A Zapier REST hook subscription")
    public record Hook(
            @JsonProperty("target_url")
            @NotBlank @Size(max = 2048) @Schema(example = "https://hooks.zapier.com/hooks/standard/123/abc")
            String targetUrl,

            @NotBlank @Schema(example = "referral.received") String event) {}
}
