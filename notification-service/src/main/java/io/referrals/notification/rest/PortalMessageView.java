package io.referrals.notification.rest;

import io.referrals.notification.service.portal.PortalMessage;
import io.referrals.notification.service.portal.PortalMessageKind;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "PortalMessage",
        description = "A message the practice sent the signed-in partner, as they received it (the text part)")
public record PortalMessageView(
        UUID id,

        @Schema(
                description =
                        "thank_you (referral_thank_you); update (contact_made_update, outcome_update); check_in"
                                + " (pleased_check_in); outreach (partner_outreach); introduction (partner_introduction); ask (campaign_ask)",
                example = "thank_you")
        PortalMessageKind kind,

        @Schema(example = "Thank you for your referral") String subject,
        @Schema(description = "The text part as sent") String body,
        Instant sentAt) {

    public static PortalMessageView of(PortalMessage message) {
        return new PortalMessageView(message.id(), message.kind(), message.subject(), message.body(), message.sentAt());
    }
}
