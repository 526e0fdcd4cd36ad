package io.referrals.notification.service.mail;

import io.referrals.platform.text.MultiLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the practice sends to edit and try its templates. */
public final class TemplateCommands {
    private TemplateCommands() {}

    @Schema(name = "MessageTemplateUpdate", description = "A Qute template: a subject line and a plain-text body")
    public record Put(
            @NotBlank @Size(max = 300) @Schema(example = "Thank you, {referrerFirstName}!")
            String subject,

            @NotBlank @Size(max = 20000) @Schema(
                    example =
                            "Dear {referrerFirstName},\n\nThank you for {#if referredFirstName}referring {referredFirstName}{#else}your referral{/if}.\n\n{signature}")
            @MultiLine
            String body) {}

    @Schema(
            name = "TemplatePreviewRequest",
            description = "Values to render with instead of the samples, by placeholder; and optionally an unsaved"
                    + " template to try")
    public record Preview(
            @Schema(example = "{\"referrerName\": \"Dana Lee\", \"referredFirstName\": \"Sam\"}") @MultiLine
            Map<@NotBlank String, @Size(max = 500) String> values,

            @Size(max = 300) String subject,
            @Size(max = 20000) @MultiLine String body) {}
}
