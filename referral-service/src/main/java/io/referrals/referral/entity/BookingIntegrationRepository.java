package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.referrals.events.booking.BookingProvider;
import io.referrals.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Tenant-scoped look-ups, plus the look-up by token hash that tells a receiving URL its practice. */
@ApplicationScoped
public class BookingIntegrationRepository implements PanacheRepositoryBase<BookingIntegration, UUID> {
    @Inject
    Sql sql;

    /** An active (not removed) integration of the practice; a removed one is not found. */
    public Optional<BookingIntegration> findActiveInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2 and removedAt is null", tenantId, id)
                .firstResultOptional();
    }

    /** The practice's active integration, if it connected one. */
    public Optional<BookingIntegration> findActive(String tenantId) {
        return find("tenantId = ?1 and removedAt is null", tenantId).firstResultOptional();
    }

    public List<BookingIntegration> listActive(String tenantId) {
        return find("tenantId = ?1 and removedAt is null", Sort.descending("connectedAt"), tenantId)
                .list();
    }

    /** The active integration of this provider with this token hash. */
    public Optional<BookingIntegration> findActiveByTokenHash(BookingProvider provider, String tokenHash) {
        return find("tokenHash = ?1 and provider = ?2 and removedAt is null", tokenHash, provider)
                .firstResultOptional();
    }

    /** Counts one request in the integration's minute window, in a transaction of its own; answers the count. */
    public int countRequest(UUID integrationId, Instant windowStart) {
        return sql.singleInOwnTransaction("""
                insert into booking_rate_window (integration_id, window_start, requests) values (?, ?, 1)
                on conflict (integration_id, window_start) do update set requests = booking_rate_window.requests + 1
                returning requests""", row -> row.getInt(1), integrationId, windowStart);
    }

    /** Counts a refused delivery (bad signature, stale, malformed); an increment, so concurrent ones all count. */
    public void countRefused(UUID integrationId) {
        sql.update("update booking_integration set refused = refused + 1 where id = ?", integrationId);
    }

    /** Counts an accepted delivery and dates it. */
    public void countDelivery(UUID integrationId, Instant at) {
        sql.update(
                "update booking_integration set deliveries = deliveries + 1, last_delivery_at = ? where id = ?",
                at,
                integrationId);
    }

    /** Remembers a delivery's key; false when the integration has applied it before (the provider's retry). */
    public boolean rememberDelivery(UUID integrationId, String deliveryKey, Instant receivedAt) {
        return sql.update("""
                insert into booking_delivery (integration_id, delivery_key, received_at) values (?, ?, ?)
                on conflict do nothing""", integrationId, deliveryKey, receivedAt) == 1;
    }

    /**
     * Up to {@code limit} integrations of every practice whose signing secret is not stored under {@code currentPrefix},
     * in id order after {@code after}, locked until the transaction ends: a batch for re-encrypting them under the
     * current key (as {@code IntakeLinkRepository#signingSecretsNotUnder} does for intake links).
     */
    public List<BookingIntegration> signingSecretsNotUnder(String currentPrefix, UUID after, int limit) {
        return find("signingSecret not like ?1 and id > ?2", Sort.by("id"), currentPrefix + "%", after)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .page(0, limit)
                .list();
    }

    public void deleteWindowsBefore(Instant before) {
        sql.update("delete from booking_rate_window where window_start < ?", before);
    }
}
