package io.referrals.notification.service.batch;

import io.referrals.events.CloudEvent;
import io.referrals.events.EventTypes;
import io.referrals.events.MalformedEventException;
import io.referrals.events.referral.ReferralReceived;
import io.referrals.notification.entity.MessageTemplateRepository;
import io.referrals.notification.entity.NotificationRepository;
import io.referrals.notification.entity.PartnerContactRepository;
import io.referrals.notification.entity.PracticeSettingsRepository;
import io.referrals.notification.entity.ReferralStateRepository;
import io.referrals.notification.entity.TaskRepository;
import io.referrals.notification.entity.WebhookSubscriptionRepository;
import io.referrals.platform.inbox.BatchSession;
import io.referrals.platform.inbox.EventRouter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The referral.events consumer's batch (issue 31): before the first event of a poll is applied, loads in a few
 * statements per practice what the poll's ReferralReceived events would each have asked for (the referrals' states,
 * locked, their messages and tasks, the practice's settings, templates and webhook subscriptions, the referrers'
 * rows) into {@link BatchRows}; the session is kept for the whole batch and flushed once. Every other event runs
 * {@link #flushingAsUsual}: its queries see all that the batch changed before it.
 */
@ApplicationScoped
public class ReferralBatch {
    @Inject
    BatchRows rows;

    @Inject
    BatchSession session;

    @Inject
    ReferralStateRepository referrals;

    @Inject
    NotificationRepository notifications;

    @Inject
    TaskRepository tasks;

    @Inject
    PracticeSettingsRepository settings;

    @Inject
    PartnerContactRepository partners;

    @Inject
    MessageTemplateRepository templates;

    @Inject
    WebhookSubscriptionRepository subscriptions;

    @Transactional(Transactional.TxType.MANDATORY)
    public void prepare(List<CloudEvent> events, EventRouter.Payloads payloads) {
        SortedSet<String> practices = new TreeSet<>();
        Map<String, Set<UUID>> referralIds = new TreeMap<>();
        Map<String, Set<UUID>> partnerIds = new TreeMap<>();
        for (CloudEvent event : events) {
            practices.add(event.tenantid());
            if (!EventTypes.REFERRAL_RECEIVED.cloudEventType().equals(event.type())) {
                continue;
            }
            ReferralReceived received;
            try {
                received = payloads.data(event, EventTypes.REFERRAL_RECEIVED);
            } catch (MalformedEventException e) {
                continue; // its handler reports it
            }
            if (received.referralId() == null) {
                continue;
            }
            referralIds.computeIfAbsent(event.tenantid(), t -> new HashSet<>()).add(received.referralId());
            Set<UUID> referrers = partnerIds.computeIfAbsent(event.tenantid(), t -> new HashSet<>());
            if (received.referrer() != null && received.referrer().partnerId() != null) {
                referrers.add(received.referrer().partnerId());
            }
        }
        practices.forEach(tenantId -> rows.subscriptionsLoaded(tenantId, subscriptions.enabled(tenantId)));
        referralIds.forEach((tenantId, ids) -> {
            rows.settingsLoaded(tenantId, settings.findById(tenantId));
            rows.templatesLoaded(tenantId, templates.ofPractice(tenantId));
            Set<UUID> referrers = partnerIds.get(tenantId);
            rows.partnersLoaded(tenantId, referrers, partners.findAll(tenantId, referrers));
            rows.referralsLoaded(
                    tenantId,
                    ids,
                    referrals.lockAll(tenantId, ids),
                    notifications.kindsAbout(tenantId, ids).stream()
                            .map(found -> new BatchRows.MessageOf(found.kind(), found.referralId()))
                            .toList(),
                    tasks.withKeys(tenantId, ids.stream().map(UUID::toString).toList()).stream()
                            .map(found -> new BatchRows.TaskOf(found.kind(), found.key()))
                            .toList());
        });
    }

    /** A handler whose queries must see what the batch's earlier events changed, as when each event was flushed. */
    public <T> EventRouter.Handler<T> flushingAsUsual(EventRouter.Handler<T> handler) {
        return (event, data) -> session.flushingAsUsual(() -> handler.handle(event, data));
    }
}
