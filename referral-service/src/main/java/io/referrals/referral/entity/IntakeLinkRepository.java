package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Pages;
import io.referrals.platform.persistence.Sql;
import io.referrals.platform.persistence.Where;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Tenant-scoped look-ups, plus the one look-up by token hash that tells the public intake its practice. */
@ApplicationScoped
public class IntakeLinkRepository implements PanacheRepositoryBase<IntakeLink, UUID> {
    @Inject
    Sql sql;

    public Optional<IntakeLink> findInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /** The active (not revoked) link with this token hash. */
    public Optional<IntakeLink> findActiveByTokenHash(String tokenHash) {
        return find("tokenHash = ?1 and revokedAt is null", tokenHash).firstResultOptional();
    }

    /**
     * Up to {@code limit} links of every practice whose signing secret or partner token is not stored under
     * {@code currentPrefix}, in
     * id order after {@code after}, locked until the transaction ends: a batch for re-encrypting them under the
     * current key. Another replica doing the same waits for the lock, then no longer finds the rows re-encrypted.
     */
    public List<IntakeLink> signingSecretsNotUnder(String currentPrefix, UUID after, int limit) {
        return find(
                        "((signingSecret is not null and signingSecret not like ?1) "
                                + "or (partnerToken is not null and partnerToken not like ?1)) and id > ?2",
                        Sort.by("id"),
                        currentPrefix + "%",
                        after)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .page(0, limit)
                .list();
    }

    /**
     * The partner's newest active link whose token is kept for them to see again (see {@code partnerToken}); never a
     * campaign link, which is the ask's own.
     */
    public Optional<IntakeLink> findShownToPartner(String tenantId, UUID partnerId) {
        return find(
                        "tenantId = ?1 and partnerId = ?2 and revokedAt is null and signed = false "
                                + "and partnerToken is not null and campaignAskId is null",
                        Sort.descending("createdAt").and("id"),
                        tenantId,
                        partnerId)
                .firstResultOptional();
    }

    /** The link made for a campaign's ask, if it was made already. */
    public Optional<IntakeLink> findByCampaignAsk(String tenantId, UUID askId) {
        return find("tenantId = ?1 and campaignAskId = ?2", tenantId, askId).firstResultOptional();
    }

    /** Newest first, revoked ones included. */
    public Page<IntakeLink> list(String tenantId, Paging paging) {
        Where where = Where.tenant(tenantId);
        return Pages.of(find(where.query(), Sort.descending("createdAt").and("id"), where.parameters()), paging);
    }

    /**
     * Counts one request in the link's current minute window and answers the count so far, across replicas:
     * the upsert takes the window row's lock only for its own short transaction.
     */
    public int countRequest(UUID linkId, Instant windowStart) {
        return sql.single("""
                insert into intake_rate_window (link_id, window_start, requests) values (?, ?, 1)
                on conflict (link_id, window_start) do update set requests = intake_rate_window.requests + 1
                returning requests""", row -> row.getInt(1), linkId, windowStart);
    }

    /** Counts one failed signature check in the link's minute window (apart from requests); answers failures so far. */
    public int countFailure(UUID linkId, Instant windowStart) {
        return sql.single("""
                insert into intake_rate_window (link_id, window_start, requests, failures) values (?, ?, 0, 1)
                on conflict (link_id, window_start) do update set failures = intake_rate_window.failures + 1
                returning failures""", row -> row.getInt(1), linkId, windowStart);
    }

    /** Counts one request in the link's day and answers the count so far, across replicas. */
    public int countDay(UUID linkId, LocalDate day) {
        return sql.single("""
                insert into intake_daily_count (link_id, day, requests) values (?, ?, 1)
                on conflict (link_id, day) do update set requests = intake_daily_count.requests + 1
                returning requests""", row -> row.getInt(1), linkId, day);
    }

    /** Remembers a signed request's webhook-id; false when the link has accepted it before. */
    public boolean rememberWebhookId(UUID linkId, String webhookId, Instant receivedAt) {
        return sql.update("""
                insert into intake_webhook_message (link_id, webhook_id, received_at) values (?, ?, ?)
                on conflict do nothing""", linkId, webhookId, receivedAt) == 1;
    }

    public void deleteWebhookIdsBefore(Instant before) {
        sql.update("delete from intake_webhook_message where received_at < ?", before);
    }

    public void deleteDaysBefore(LocalDate before) {
        sql.update("delete from intake_daily_count where day < ?", before);
    }

    public void deleteWindowsBefore(Instant before) {
        sql.update("delete from intake_rate_window where window_start < ?", before);
    }
}
