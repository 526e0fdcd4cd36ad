package io.referrals.notification.service.mail;

import io.referrals.notification.entity.NotificationKind;
import io.referrals.platform.text.MultiLine;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the practice sends to change its messages and settings. */
public final class NotificationCommands {
    private NotificationCommands() {}

    @Schema(
            name = "NotificationEdit",
            description = "A draft's new subject and/or body (plain text); absent: unchanged")
    public record Edit(
            @Size(min = 1, max = 300) @Schema(example = "Thank you, Dana!")
            String subject,

            @Size(min = 1, max = 20000) @Schema(example = "Dear Dana,\n\nThank you so much for thinking of us.")
            @MultiLine
            String body) {}

    @Schema(
            name = "NotificationCompose",
            description = "A message the practice starts itself: a pleased check-in about a converted referral, an"
                    + " outreach to a prospective partner, or an introduction of two partners")
    public record Compose(
            @NotNull @Schema(example = "partner_outreach") NotificationKind kind,

            @NotNull @Schema(description = "The partner it goes to")
            UUID partnerId,

            @Schema(description = "The referral a pleased_check_in is about")
            UUID referralId,

            @Schema(description = "The partner a partner_introduction introduces")
            UUID otherPartnerId) {}

    @Schema(name = "NotificationSettings")
    public record Settings(
            @Size(max = 200) @Schema(example = "Blake Coaching")
            String practiceName,

            @Email @Size(max = 320) @Schema(
                    description = "The practice's address: the Reply-To of its messages",
                    example = "jordan@blakecoaching.example")
            String replyTo,

            @Size(max = 2000) @Schema(example = "Jordan Blake\nBlake Coaching") @MultiLine
            String signature,

            @Size(max = 200) @Schema(description = "What a client joins, for {program}", example = "coaching program")
            String program,

            @Schema(
                    description = "Kinds sent without review; the others are drafted for the practice to send",
                    example = "[\"referral_thank_you\"]")
            List<@NotNull NotificationKind> autoSend,

            @Schema(description = "Email a daily list of tasks due and overdue", example = "true")
            Boolean digestEnabled,

            @Email @Size(max = 320) @Schema(example = "jordan@blakecoaching.example")
            String digestEmail) {}
}
