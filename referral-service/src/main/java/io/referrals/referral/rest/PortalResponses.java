package io.referrals.referral.rest;

/** The words of the answers every portal path shares, so that each says the same. */
final class PortalResponses {
    private PortalResponses() {}

    static final String UNAUTHORIZED = "No open portal session (none, expired, a staff token, or access revoked)";

    static final String FORBIDDEN_READ_ONLY =
            "The practice's read-only \"view as this partner\" session: it reads, and changes nothing";
}
