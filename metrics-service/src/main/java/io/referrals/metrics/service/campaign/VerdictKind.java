package io.referrals.metrics.service.campaign;

import io.referrals.events.WireEnum;

/** What the results say, in one word; the verdict's text says it in a sentence. */
public enum VerdictKind implements WireEnum {
    /** Too few trials yet to tell the difference the practice cares about, or the data still undecided. */
    NOT_ENOUGH_DATA,
    /** One variant is very likely the best and choosing it costs little if it is not. */
    LEADER,
    /** Two or more variants are so close that choosing either costs less than a tenth of the difference. */
    NO_MEANINGFUL_DIFFERENCE,
    /** The campaign has one variant: there is nothing to compare. */
    SINGLE_VARIANT
}
