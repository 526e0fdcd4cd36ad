package io.referrals.events.partner;

import io.referrals.events.WireEnum;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * v1: a partner was given a link to sign in to the practice's portal, for notification-service to mail. It carries the
 * link's secret ({@code signInUrl}), so it travels on its own topic ({@code Topics.PORTAL_SIGN_IN}), which only
 * notification-service may read and which keeps a record one day; never on {@code partner.events}. {@code partnerName}
 * is how the mail greets the partner.
 */
public record PortalSignInLinkIssued(
        UUID partnerId, String email, String partnerName, String signInUrl, Instant expiresAt, Purpose purpose) {
    public PortalSignInLinkIssued {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(partnerName, "partnerName");
        Objects.requireNonNull(signInUrl, "signInUrl");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(purpose, "purpose");
    }

    /** Whether the mail invites the partner for the first time or answers their request for a new link. */
    public enum Purpose implements WireEnum {
        INVITATION,
        SIGN_IN
    }

    /** Never the link: it is a credential until it is used or expires. */
    @Override
    public String toString() {
        return "PortalSignInLinkIssued[partnerId=" + partnerId + ", purpose=" + purpose + ", expiresAt=" + expiresAt
                + "]";
    }
}
