package io.referrals.notification.rest;

import io.referrals.notification.entity.NotificationKind;
import io.referrals.notification.entity.PracticeSettings;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NotificationSettingsView")
public record SettingsView(
        @Schema(example = "Blake Coaching") String practiceName,
        @Schema(example = "jordan@blakecoaching.example") String replyTo,
        @Schema(example = "Jordan Blake\nBlake Coaching") String signature,
        @Schema(example = "coaching program") String program,

        @Schema(description = "Kinds sent without review", example = "[\"referral_thank_you\"]")
        List<NotificationKind> autoSend,

        @Schema(description = "Kinds drafted for review", example = "[\"contact_made_update\", \"outcome_update\"]")
        List<NotificationKind> drafted,

        boolean digestEnabled,
        String digestEmail,

        @Schema(description = "From the practice profile", example = "30")
        Integer defaultCheckInCadenceDays,

        @Schema(description = "From the practice profile", example = "Europe/Berlin")
        String timeZone,

        Instant updatedAt) {

    public static SettingsView of(PracticeSettings s) {
        List<NotificationKind> kinds = Arrays.stream(NotificationKind.values())
                .filter(NotificationKind::hasTemplate)
                .toList();
        return new SettingsView(
                s.practiceName,
                s.replyTo,
                s.signature,
                s.program,
                kinds.stream().filter(s::autoSends).toList(),
                kinds.stream().filter(k -> !s.autoSends(k)).toList(),
                s.digestEnabled,
                s.digestEmail,
                s.defaultCadenceDays,
                s.timeZone,
                s.updatedAt);
    }
}
