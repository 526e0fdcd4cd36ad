package io.referrals.notification.service;

import io.referrals.events.CloudEvent;
import io.referrals.events.Consent;
import io.referrals.events.referral.ReferralReceived;
import io.referrals.notification.entity.Notification;
import io.referrals.notification.entity.NotificationKind;
import io.referrals.notification.entity.NotificationRepository;
import io.referrals.notification.entity.NotificationStatus;
import io.referrals.platform.persistence.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/**
 * Drafts a thank-you to the referrer for every referral received, converted or not. The referred person's
 * name appears only if they allowed the referrer to hear about them.
 */
@ApplicationScoped
public class ThankYouWriter {

    @Inject
    NotificationRepository notifications;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onReferralReceived(CloudEvent event, ReferralReceived data) {
        if (notifications.exists(event.tenantid(), NotificationKind.REFERRAL_THANK_YOU, data.referralId())) {
            return;
        }
        Notification thanks = new Notification();
        thanks.id = UUID.randomUUID();
        thanks.tenantId = event.tenantid();
        thanks.kind = NotificationKind.REFERRAL_THANK_YOU;
        thanks.status = NotificationStatus.PENDING;
        thanks.partnerId = data.referrer().partnerId();
        thanks.recipientName = data.referrer().name();
        thanks.recipientEmail = data.referrer().email();
        thanks.referralId = data.referralId();
        thanks.subject = "Thank you for your referral";
        thanks.body = body(data);
        thanks.createdAt = Timestamps.now(clock);
        notifications.persist(thanks);
    }

    static String body(ReferralReceived data) {
        String firstName = data.referrer().name().strip().split("\\s+")[0];
        String whom = data.consent() == Consent.NONE
                ? "your recent referral"
                : "referring " + data.referredName().strip().split("\\s+")[0] + " to us";
        return "Dear " + firstName + ",\n\nThank you for " + whom + ". Introductions from people who know our work "
                + "are how most of our clients find us, and we do not take your trust for granted.\n\nWith gratitude";
    }
}
