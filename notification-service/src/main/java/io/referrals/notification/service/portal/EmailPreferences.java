package io.referrals.notification.service.portal;

import io.referrals.notification.entity.EmailTopic;
import io.referrals.notification.entity.PartnerContact;

/**
 * Which of the practice's emails a partner wants (each maps onto message kinds: {@link EmailTopic}). A partner who
 * unsubscribed by the link in an email wants none until they turn one on again here.
 */
public record EmailPreferences(boolean thankYous, boolean referralUpdates, boolean checkIns, boolean news) {

    static EmailPreferences of(PartnerContact partner) {
        return new EmailPreferences(
                partner.wants(EmailTopic.THANK_YOUS),
                partner.wants(EmailTopic.REFERRAL_UPDATES),
                partner.wants(EmailTopic.CHECK_INS),
                partner.wants(EmailTopic.NEWS));
    }

    boolean wantsAny() {
        return thankYous || referralUpdates || checkIns || news;
    }
}
