package io.referrals.partner.entity;

import io.referrals.events.WireEnum;

/** Where a campaign is in its life; the allowed moves are the service's CampaignLifecycle. */
public enum CampaignStatus implements WireEnum {
    /** Being written: every part may change, nothing is asked. */
    DRAFT,
    /** Waiting for its startsAt; may still change. */
    SCHEDULED,
    /** Asking: its variants, weights and seed are frozen, and every assignment it made stays. */
    RUNNING,
    /** Finished, at its end or earlier by the practice. */
    ENDED;

    /** A started campaign's assignments and variants never change. */
    public boolean started() {
        return this == RUNNING || this == ENDED;
    }
}
