package io.referrals.notification.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Pages;
import io.referrals.platform.persistence.Sql;
import io.referrals.platform.persistence.Where;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Every query is scoped to one practice, except the sender's, which takes any practice's due message. */
@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {
    @Inject
    Sql sql;

    @Inject
    Event<NotificationQueued> queued;

    /** Has the sender look for due messages right after this transaction commits, not at its next poll. */
    public void senderAfterCommit(Notification message) {
        queued.fire(new NotificationQueued(message.id));
    }

    /** Newest first, optionally only those addressed to one partner or in one status. */
    public Page<Notification> list(
            String tenantId, UUID partnerId, NotificationStatus status, NotificationKind kind, Paging paging) {
        Where where = Where.tenant(tenantId)
                .and("partnerId = :partner", "partner", partnerId)
                .and("status = :status", "status", status)
                .and("kind = :kind", "kind", kind);
        return Pages.of(find(where.query(), Sort.descending("createdAt").and("id"), where.parameters()), paging);
    }

    /**
     * What the practice sent the partner (accepted by the SMTP server), newest first: never a draft or an unsent message,
     * never one to another partner. The practice's own digest names no partner, so it is never among them.
     */
    public Page<Notification> sentTo(String tenantId, UUID partnerId, Paging paging) {
        return Pages.of(
                find(
                        "tenantId = ?1 and partnerId = ?2 and status = ?3 and kind <> ?4",
                        Sort.descending("sentAt").and("id", Sort.Direction.Descending),
                        tenantId,
                        partnerId,
                        NotificationStatus.SENT,
                        NotificationKind.DAILY_DIGEST),
                paging);
    }

    /** One message the practice sent the partner; empty for any other (another partner's, a draft, another practice's). */
    public Optional<Notification> findSentTo(String tenantId, UUID partnerId, UUID id) {
        return find(
                        "tenantId = ?1 and partnerId = ?2 and id = ?3 and status = ?4 and kind <> ?5",
                        tenantId,
                        partnerId,
                        id,
                        NotificationStatus.SENT,
                        NotificationKind.DAILY_DIGEST)
                .firstResultOptional();
    }

    public Optional<Notification> findInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /** The message, locked until the transaction ends, so that the sender and the practice do not both act on it. */
    public Optional<Notification> lockInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public boolean exists(String tenantId, NotificationKind kind, UUID referralId) {
        return count("tenantId = ?1 and kind = ?2 and referralId = ?3", tenantId, kind, referralId) > 0;
    }

    /** The kind of each message about those referrals: what {@link #exists} answers, for a batch of them at once. */
    public List<KindAbout> kindsAbout(String tenantId, Collection<UUID> referralIds) {
        if (referralIds.isEmpty()) {
            return List.of();
        }
        return sql.query(
                "select kind, referral_id from notification where tenant_id = ? and referral_id = any (?)",
                row -> new KindAbout(NotificationKind.valueOf(row.getString(1)), row.getObject(2, UUID.class)),
                tenantId,
                Sql.array("uuid", referralIds.toArray()));
    }

    /** A message's kind and the referral it is about. */
    public record KindAbout(NotificationKind kind, UUID referralId) {}

    /** Whether the ask of a campaign (CampaignLinkIssued.askId) was written. */
    public boolean askExists(String tenantId, UUID askId) {
        return count("tenantId = ?1 and askId = ?2", tenantId, askId) > 0;
    }

    /**
     * The send time of the practice's latest paced message (campaign asks), or null; the caller holds
     * {@link #lockPacing}, so two asks queued at once never read the same one.
     */
    public Instant latestSendAfter(String tenantId) {
        return sql.single(
                "select max(send_after) from notification where tenant_id = ? and send_after is not null",
                row -> {
                    OffsetDateTime latest = row.getObject(1, OffsetDateTime.class);
                    return latest == null ? null : latest.toInstant();
                },
                tenantId);
    }

    /** Remembers that a campaign ended, for links of its asks read after its end. */
    public void campaignEnded(String tenantId, UUID campaignId, Instant endedAt) {
        sql.update(
                "insert into ended_campaign (tenant_id, campaign_id, ended_at) values (?, ?, ?) on conflict do nothing",
                tenantId,
                campaignId,
                java.time.OffsetDateTime.ofInstant(endedAt, java.time.ZoneOffset.UTC));
    }

    /** Whether the campaign has ended (its CampaignEnded was read). */
    public boolean hasCampaignEnded(String tenantId, UUID campaignId) {
        return sql.single(
                "select exists (select 1 from ended_campaign where tenant_id = ? and campaign_id = ?)",
                row -> row.getBoolean(1),
                tenantId,
                campaignId);
    }

    /**
     * Holds, until the transaction ends, the practice's pacing lock: taken last, after any row, so that it never waits
     * for anything its holder waits for.
     */
    public void lockPacing(String tenantId) {
        sql.query(
                "select pg_advisory_xact_lock(?, ?)",
                row -> Boolean.TRUE,
                "notification-service:campaign-ask-pacing".hashCode(),
                tenantId.hashCode());
    }

    /** A campaign's drafted or queued asks, locked. */
    public List<Notification> unsentOfCampaign(String tenantId, UUID campaignId) {
        return find(
                        "tenantId = ?1 and campaignId = ?2 and status in ?3",
                        tenantId,
                        campaignId,
                        List.of(NotificationStatus.DRAFTED, NotificationStatus.QUEUED))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /** Drafted or queued messages about a referral, locked. */
    public List<Notification> unsentAbout(String tenantId, UUID referralId) {
        return find(
                        "tenantId = ?1 and referralId = ?2 and status in ?3",
                        tenantId,
                        referralId,
                        List.of(NotificationStatus.DRAFTED, NotificationStatus.QUEUED))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /** Every message about these referrals, whatever its status, locked, oldest first. */
    public List<Notification> about(String tenantId, List<UUID> referralIds) {
        if (referralIds.isEmpty()) {
            return List.of();
        }
        return find("tenantId = ?1 and referralId in ?2 order by createdAt, id", tenantId, referralIds)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /** Drafted or queued messages to a partner, locked. */
    public List<Notification> unsentTo(String tenantId, UUID partnerId) {
        return find(
                        "tenantId = ?1 and partnerId = ?2 and status in ?3",
                        tenantId,
                        partnerId,
                        List.of(NotificationStatus.DRAFTED, NotificationStatus.QUEUED))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /**
     * Takes up to {@code limit} queued messages whose time has come, oldest due first, each row locked
     * ({@code FOR UPDATE SKIP LOCKED}: another replica's sender takes others) until the caller's transaction ends.
     */
    public List<Notification> claimDue(Instant now, int limit) {
        List<UUID> ids = sql.query("""
                select id from notification
                where status = 'QUEUED' and next_attempt_at <= ? and (send_after is null or send_after <= ?)
                order by next_attempt_at, id limit ?
                for update skip locked""", row -> row.getObject(1, UUID.class), now, now, limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Notification> byId = new HashMap<>();
        for (Notification message : list("id in ?1", ids)) {
            byId.put(message.id, message);
        }
        List<Notification> claimed = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            claimed.add(byId.get(id));
        }
        return claimed;
    }
}
