package io.referrals.notification.service.portal;

import io.referrals.events.WireEnum;
import io.referrals.notification.entity.NotificationKind;

/** What a message the partner received was, in the partner's words. */
public enum PortalMessageKind implements WireEnum {
    /** {@code referral_thank_you}. */
    THANK_YOU,
    /** {@code contact_made_update}, {@code outcome_update}. */
    UPDATE,
    /** {@code pleased_check_in}. */
    CHECK_IN,
    /** {@code partner_outreach}. */
    OUTREACH,
    /** {@code partner_introduction}. */
    INTRODUCTION,
    /** {@code campaign_ask}: the practice asks for referrals, in a campaign. */
    ASK;

    static PortalMessageKind of(NotificationKind kind) {
        return switch (kind) {
            case REFERRAL_THANK_YOU -> THANK_YOU;
            case CONTACT_MADE_UPDATE, OUTCOME_UPDATE -> UPDATE;
            case PLEASED_CHECK_IN -> CHECK_IN;
            case PARTNER_OUTREACH -> OUTREACH;
            case PARTNER_INTRODUCTION -> INTRODUCTION;
            case CAMPAIGN_ASK -> ASK;
            case DAILY_DIGEST -> throw new IllegalArgumentException("the digest goes to the practice, to no partner");
        };
    }
}
