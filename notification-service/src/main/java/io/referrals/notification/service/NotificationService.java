package io.referrals.notification.service;

import io.referrals.notification.entity.Notification;
import io.referrals.notification.entity.NotificationRepository;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** What the practice reads of the messages it owes. */
@ApplicationScoped
public class NotificationService {

    @Inject
    NotificationRepository notifications;

    public Page<Notification> list(String tenantId, UUID partnerId, Paging paging) {
        return notifications.list(tenantId, partnerId, paging);
    }
}
