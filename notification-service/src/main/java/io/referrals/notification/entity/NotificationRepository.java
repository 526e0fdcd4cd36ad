package io.referrals.notification.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Pages;
import io.referrals.platform.persistence.Where;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Every query is scoped to one practice. */
@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    /** Newest first, optionally only those addressed to one partner. */
    public Page<Notification> list(String tenantId, UUID partnerId, Paging paging) {
        Where where = Where.tenant(tenantId).and("partnerId = :partner", "partner", partnerId);
        return Pages.of(find(where.query(), Sort.descending("createdAt").and("id"), where.parameters()), paging);
    }

    public boolean exists(String tenantId, NotificationKind kind, UUID referralId) {
        return count("tenantId = ?1 and kind = ?2 and referralId = ?3", tenantId, kind, referralId) > 0;
    }
}
