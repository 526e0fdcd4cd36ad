package io.referrals.notification.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Pages;
import io.referrals.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Subscriptions of one practice; another practice's subscription is not found. */
@ApplicationScoped
public class WebhookSubscriptionRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {
    @Inject
    Sql sql;

    /**
     * Takes or renews the endpoint's dispatch lease for {@code owner} (a dispatcher) until {@code until}: it is
     * taken when free, expired or already the owner's, and only for an enabled subscription. Returns whether the
     * owner holds it now. One lane per endpoint across replicas: this is what keeps an endpoint's deliveries in order.
     */
    public boolean takeLane(UUID id, UUID owner, Instant now, Instant until) {
        return sql.update("""
                update webhook_subscription set dispatch_owner = ?, dispatch_lease_until = ?
                where id = ? and enabled
                  and (dispatch_owner = ? or dispatch_lease_until is null or dispatch_lease_until <= ?)""", owner, until, id, owner, now) == 1;
    }

    /** Gives the endpoint's lease up, if {@code owner} still holds it. */
    public void releaseLane(UUID id, UUID owner) {
        sql.update(
                "update webhook_subscription set dispatch_owner = null, dispatch_lease_until = null"
                        + " where id = ? and dispatch_owner = ?",
                id,
                owner);
    }

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
