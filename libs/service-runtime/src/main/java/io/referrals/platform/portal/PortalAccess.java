package io.referrals.platform.portal;

import io.referrals.events.partner.PartnerPortalAccessChanged;
import java.time.Instant;

/**
 * What a service that answers portal requests (but does not issue sessions) knows of a partner's portal access, kept
 * from {@link PartnerPortalAccessChanged} on its own copy of the partner, and the one decision it makes with it: may a
 * session issued at a given time still be used. A revocation refuses every session of the partner from the event on,
 * and the sessions issued before it for good, even once access is granted again (a revoked session never returns). A
 * change older than the one reflected, arriving late, changes nothing.
 *
 * @param revoked the practice has taken the partner's access away
 * @param sessionsValidFrom the latest revocation: a session issued before it is refused; null when never revoked
 * @param changedAt time of the change this reflects; null when none arrived
 */
public record PortalAccess(boolean revoked, Instant sessionsValidFrom, Instant changedAt) {
    /** A partner of whose access no change has arrived: their sessions are admitted. */
    public static final PortalAccess NEVER_CHANGED = new PortalAccess(false, null, null);

    /** Whether a session of the partner issued at {@code sessionIssuedAt} (the token's {@code iat}) may be used. */
    public boolean admits(Instant sessionIssuedAt) {
        return !revoked && (sessionsValidFrom == null || !sessionIssuedAt.isBefore(sessionsValidFrom));
    }

    /** The access after {@code change}; this one unchanged when the change is older than the one it reflects. */
    public PortalAccess after(PartnerPortalAccessChanged change) {
        if (changedAt != null && changedAt.isAfter(change.changedAt())) {
            return this;
        }
        boolean revokes = change.access() == PartnerPortalAccessChanged.Access.REVOKED;
        return new PortalAccess(revokes, revokes ? change.changedAt() : sessionsValidFrom, change.changedAt());
    }
}
