package io.referrals.events;

/**
 * What the referred person allows the referrer to be told. The levels are ordered, each allowing what the one before
 * it does: {@code none} < {@code contact_made} < {@code outcome}. Ask {@link #allows} rather than comparing values.
 */
public enum Consent implements WireEnum {
    /** Nothing beyond a thank-you for the introduction: not whether or when they were contacted, not their name. */
    NONE,
    /** That the practice made contact. */
    CONTACT_MADE,
    /** Whether they became a client. */
    OUTCOME;

    /** Whether this consent allows telling the referrer what {@code needed} covers. */
    public boolean allows(Consent needed) {
        return compareTo(java.util.Objects.requireNonNull(needed, "needed")) >= 0;
    }
}
