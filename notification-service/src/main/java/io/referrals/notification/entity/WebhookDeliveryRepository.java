package io.referrals.notification.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Pages;
import io.referrals.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {
    @Inject
    Sql sql;

    @Inject
    Event<WebhookDeliveryQueued> queued;

    /**
     * Records a delivery unless this subscription already has one for this event (a redelivered event, a replay):
     * returns whether it did.
     */
    public boolean insertOnce(WebhookDelivery delivery) {
        delivery.status = DeliveryStatus.PENDING;
        delivery.attempts = 0;
        delivery.queuedAt = delivery.createdAt;
        delivery.nextAttemptAt = delivery.createdAt;
        delivery.updatedAt = delivery.createdAt;
        delivery.keepTraceContext(); // not persisted through the session, so no @PrePersist
        // One statement, the unique (subscription, event) deciding: no count first, and the row is in the table at
        // once (a consumer batch keeps its session unflushed until its end; nothing there waits for this row).
        boolean inserted = sql.update(
                        """
                insert into webhook_delivery (id, tenant_id, subscription_id, event_id, event_type, referral_id,
                    payload, status, attempts, queued_at, next_attempt_at, created_at, updated_at, trace_parent,
                    trace_state)
                values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)
                on conflict (subscription_id, event_id) do nothing""",
                        delivery.id,
                        delivery.tenantId,
                        delivery.subscriptionId,
                        delivery.eventId,
                        delivery.eventType,
                        delivery.referralId,
                        delivery.payload,
                        delivery.status.name(),
                        delivery.queuedAt,
                        delivery.nextAttemptAt,
                        delivery.createdAt,
                        delivery.updatedAt,
                        delivery.trace == null ? null : delivery.trace.traceParent,
                        delivery.trace == null ? null : delivery.trace.traceState)
                == 1;
        if (inserted) {
            // The dispatcher sends it right after this transaction commits, not at its next poll.
            queued.fire(new WebhookDeliveryQueued(delivery.subscriptionId));
        }
        return inserted;
    }

    /**
     * Enabled endpoints with due deliveries whose lane is free (no replica's lease, or an expired one), oldest due
     * first, none in {@code busy} (those this replica sends to now): the candidates for a lane. An endpoint another
     * replica sends to is not among them, so it takes no free lane of this one's. Nothing is locked here; a lane first
     * takes the endpoint's lease.
     */
    public List<UUID> endpointsDue(Instant now, Collection<UUID> busy, int limit) {
        String busyList = busy.stream().map(UUID::toString).collect(Collectors.joining(","));
        return sql.query("""
                select d.subscription_id from webhook_delivery d
                join webhook_subscription s on s.id = d.subscription_id
                where d.status = 'PENDING' and d.next_attempt_at <= ?
                  and s.enabled and (s.dispatch_lease_until is null or s.dispatch_lease_until <= ?)
                  and not (d.subscription_id::text = any (string_to_array(?, ',')))
                group by d.subscription_id
                order by min(d.next_attempt_at)
                limit ?""", row -> row.getObject(1, UUID.class), now, now, busyList, limit);
    }

    /**
     * Takes up to {@code limit} due deliveries of one endpoint, in the order they were recorded, each row locked
     * ({@code FOR UPDATE SKIP LOCKED}: a concurrent claim takes others) and leased until {@code leaseUntil} (their
     * next attempt moved on, so that no other claim takes them while they are sent, and a replica dying mid-send
     * leaves them to be sent again).
     */
    public List<WebhookDelivery> claimForEndpoint(UUID subscriptionId, Instant now, Instant leaseUntil, int limit) {
        List<UUID> ids = sql.query("""
                select id from webhook_delivery
                where subscription_id = ? and status = 'PENDING' and next_attempt_at <= ?
                order by seq
                limit ?
                for update skip locked""", row -> row.getObject(1, UUID.class), subscriptionId, now, limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, WebhookDelivery> byId = new HashMap<>();
        for (WebhookDelivery delivery : list("id in ?1", ids)) {
            delivery.nextAttemptAt = leaseUntil;
            byId.put(delivery.id, delivery);
        }
        List<WebhookDelivery> claimed = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            claimed.add(byId.get(id));
        }
        return claimed;
    }

    /** Gives claimed deliveries that were not sent back to be taken again now (their lease ends). */
    public void release(Collection<UUID> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        update(
                "nextAttemptAt = ?1 where id in ?2 and status = ?3 and nextAttemptAt > ?1",
                now,
                ids,
                DeliveryStatus.PENDING);
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
