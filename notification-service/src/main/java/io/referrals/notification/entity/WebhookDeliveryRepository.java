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
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {
    @Inject
    Sql sql;

    /**
     * Records a delivery unless this subscription already has one for this event (a redelivered event, a replay):
     * returns whether it did.
     */
    public boolean insertOnce(WebhookDelivery delivery) {
        // One consumer applies an event at a time (the inbox), so a check suffices; the unique index stays the guard.
        if (count("subscriptionId = ?1 and eventId = ?2", delivery.subscriptionId, delivery.eventId) > 0) {
            return false;
        }
        delivery.status = DeliveryStatus.PENDING;
        delivery.attempts = 0;
        delivery.queuedAt = delivery.createdAt;
        delivery.nextAttemptAt = delivery.createdAt;
        delivery.updatedAt = delivery.createdAt;
        persist(delivery);
        return true;
    }

    /**
     * Takes up to {@code limit} due deliveries, at most one per subscription and none of a subscription in
     * {@code busy} (one this replica is sending to now), each row locked ({@code FOR UPDATE SKIP LOCKED}: another
     * replica takes others). The caller leases them (moves their next attempt on) in the same transaction.
     */
    public List<WebhookDelivery> claimDue(Instant now, Collection<UUID> busy, int limit) {
        String busyList = busy.stream().map(UUID::toString).collect(Collectors.joining(","));
        List<UUID> ids = sql.query("""
                select id from webhook_delivery
                where id in (
                    select distinct on (subscription_id) id from webhook_delivery
                    where status = 'PENDING' and next_attempt_at <= ?
                      and not (subscription_id::text = any (string_to_array(?, ',')))
                    order by subscription_id, next_attempt_at, created_at)
                  and status = 'PENDING' and next_attempt_at <= ?
                order by next_attempt_at
                limit ?
                for update skip locked""", row -> row.getObject(1, UUID.class), now, busyList, now, limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        return list("id in ?1", ids);
    }

    public Optional<WebhookDelivery> lock(UUID id) {
        return find("id = ?1", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<WebhookDelivery> lockInSubscription(String tenantId, UUID subscriptionId, UUID id) {
        return find("tenantId = ?1 and subscriptionId = ?2 and id = ?3", tenantId, subscriptionId, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** Newest first. */
    public Page<WebhookDelivery> list(String tenantId, UUID subscriptionId, Paging paging) {
        return Pages.of(
                find(
                        "tenantId = ?1 and subscriptionId = ?2",
                        Sort.descending("createdAt").and("id"),
                        tenantId,
                        subscriptionId),
                paging);
    }

    /** Gives up every pending delivery of a subscription (it was disabled). */
    public int failPending(UUID subscriptionId, String reason, Instant now) {
        return update(
                "status = ?1, nextAttemptAt = null, lastError = ?2, updatedAt = ?3"
                        + " where subscriptionId = ?4 and status = ?5",
                DeliveryStatus.FAILED,
                reason,
                now,
                subscriptionId,
                DeliveryStatus.PENDING);
    }

    /** Every delivery about these referrals, for erasing a person's name from the payloads. */
    public List<WebhookDelivery> about(String tenantId, List<UUID> referralIds) {
        if (referralIds.isEmpty()) {
            return List.of();
        }
        return find("tenantId = ?1 and referralId in ?2", tenantId, referralIds)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }
}
