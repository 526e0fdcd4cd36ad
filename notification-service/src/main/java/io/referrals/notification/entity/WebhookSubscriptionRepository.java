package io.referrals.notification.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Subscriptions of one practice; another practice's subscription is not found. */
@ApplicationScoped
public class WebhookSubscriptionRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {

    public Page<WebhookSubscription> list(String tenantId, Paging paging) {
        return Pages.of(find("tenantId = ?1", Sort.ascending("createdAt").and("id"), tenantId), paging);
    }

    public Optional<WebhookSubscription> findInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public Optional<WebhookSubscription> lockInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public Optional<WebhookSubscription> lock(UUID id) {
        return find("id = ?1", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The practice's enabled subscriptions: what an event is fanned out to. */
    public List<WebhookSubscription> enabled(String tenantId) {
        return list("tenantId = ?1 and enabled = true", tenantId);
    }

    public long countInTenant(String tenantId) {
        return count("tenantId = ?1", tenantId);
    }
}
