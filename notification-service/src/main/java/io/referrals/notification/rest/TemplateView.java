package io.referrals.notification.rest;

import io.referrals.notification.entity.NotificationKind;
import io.referrals.notification.service.mail.Templates;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MessageTemplate", description = "A Qute template: a subject line and a plain-text body")
public record TemplateView(
        @Schema(example = "referral_thank_you") NotificationKind kind,
        @Schema(example = "Thank you for your referral") String subject,

        @Schema(
                example =
                        "Dear {referrerFirstName},\n\nThank you for {#if referredFirstName}referring {referredFirstName} to us{#else}your recent referral{/if}.\n\n{signature}")
        String body,

        @Schema(description = "false: the shipped default") boolean custom,

        @Schema(
                description = "What the template may name; bookingLink is the practice's booking page with the"
                        + " referral's code attached (empty without a booking integration)")
        List<String> placeholders) {

    public static TemplateView of(Templates.Source source) {
        return new TemplateView(
                source.kind(), source.subject(), source.body(), source.custom(), Templates.PLACEHOLDERS);
    }
}
