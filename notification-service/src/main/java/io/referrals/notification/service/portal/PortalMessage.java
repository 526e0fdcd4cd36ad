package io.referrals.notification.service.portal;

import io.referrals.notification.entity.Notification;
import java.time.Instant;
import java.util.UUID;

/** A message the practice sent the partner, as the partner reads it in the portal: what they received, nothing more. */
public record PortalMessage(UUID id, PortalMessageKind kind, String subject, String body, Instant sentAt) {

    /** The text part, as it was sent (the HTML part says the same). */
    static PortalMessage of(Notification sent) {
        return new PortalMessage(sent.id, PortalMessageKind.of(sent.kind), sent.subject, sent.body, sent.sentAt);
    }
}
