package io.referrals.notification.rest;

import io.referrals.notification.service.portal.EmailPreferences;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "EmailPreferences",
        description = "Which of the practice's emails the signed-in partner gets. The portal's sign-in mail is always"
                + " sent. A partner who unsubscribed by an email's link gets none (all false) until they turn one on"
                + " again here.")
public record EmailPreferencesView(
        @Schema(description = "Thank-yous for referrals (referral_thank_you)", required = true) @NotNull Boolean thankYous,

        @Schema(
                description = "How a referral went on: contact made, outcome (contact_made_update, outcome_update)",
                required = true)
        @NotNull Boolean referralUpdates,

        @Schema(
                description = "Asking after a person referred, after they became a client (pleased_check_in)",
                required = true)
        @NotNull Boolean checkIns,

        @Schema(
                description = "The practice's other messages, about no referral: outreach and introductions to other"
                        + " partners, and its campaigns' asks for referrals (partner_outreach, partner_introduction,"
                        + " campaign_ask)",
                required = true)
        @NotNull Boolean news) {

    public static EmailPreferencesView of(EmailPreferences preferences) {
        return new EmailPreferencesView(
                preferences.thankYous(), preferences.referralUpdates(), preferences.checkIns(), preferences.news());
    }

    public EmailPreferences preferences() {
        return new EmailPreferences(thankYous, referralUpdates, checkIns, news);
    }
}
