package io.referrals.notification.service.batch;

import io.referrals.notification.entity.MessageTemplate;
import io.referrals.notification.entity.NotificationKind;
import io.referrals.notification.entity.PartnerContact;
import io.referrals.notification.entity.PracticeSettings;
import io.referrals.notification.entity.ReferralState;
import io.referrals.notification.entity.TaskKind;
import io.referrals.notification.entity.WebhookSubscription;
import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a consumer's transaction loaded for its whole batch before applying it (issue 31: a few statements per poll
 * instead of several per event), kept until the transaction ends and asked first by the code its events run. Each
 * answer is {@code null} where nothing was loaded (that code then asks the database, as it always did), and covers
 * only what was loaded: rows absent then are known to be absent. What the transaction writes is added here by the
 * code that writes it (a message, a task, a referral's state), so that a second event of the batch about the same
 * referral finds it although the session has not been flushed. Empty in every other transaction.
 */
@TransactionScoped
public class BatchRows implements Serializable {
    private final Map<String, Optional<PracticeSettings>> settings = new HashMap<>();
    private final Map<PartnerContact.Key, Optional<PartnerContact>> partners = new HashMap<>();
    private final Map<String, Map<String, MessageTemplate>> templates = new HashMap<>();
    private final Map<String, List<WebhookSubscription>> subscriptions = new HashMap<>();
    private final Map<ReferralState.Key, Optional<ReferralState>> referrals = new HashMap<>();
    /** Referrals whose messages and tasks (keyed by the referral's id) were loaded, and what exists of them. */
    private final Set<ReferralState.Key> covered = new HashSet<>();

    private final Set<String> messages = new HashSet<>();
    private final Set<String> tasks = new HashSet<>();

    // --- loaded for the batch

    public void settingsLoaded(String tenantId, PracticeSettings stored) {
        settings.put(tenantId, Optional.ofNullable(stored));
    }

    public void partnersLoaded(String tenantId, Set<UUID> partnerIds, List<PartnerContact> found) {
        partnerIds.forEach(id -> partners.put(new PartnerContact.Key(tenantId, id), Optional.empty()));
        found.forEach(contact -> partners.put(contact.key, Optional.of(contact)));
    }

    public void templatesLoaded(String tenantId, List<MessageTemplate> found) {
        Map<String, MessageTemplate> byKind = new HashMap<>();
        found.forEach(template -> byKind.put(template.key.kind, template));
        templates.put(tenantId, byKind);
    }

    public void subscriptionsLoaded(String tenantId, List<WebhookSubscription> enabled) {
        subscriptions.put(tenantId, List.copyOf(enabled));
    }

    /**
     * The referrals' states (locked), their messages (by kind) and their tasks keyed by the referral's id, as they
     * were when the batch began.
     */
    public void referralsLoaded(
            String tenantId,
            Set<UUID> referralIds,
            List<ReferralState> states,
            List<MessageOf> messagesFound,
            List<TaskOf> tasksFound) {
        referralIds.forEach(id -> {
            ReferralState.Key key = new ReferralState.Key(tenantId, id);
            referrals.put(key, Optional.empty());
            covered.add(key);
        });
        states.forEach(state -> referrals.put(state.key, Optional.of(state)));
        messagesFound.forEach(message -> messageWritten(tenantId, message.kind(), message.referralId()));
        tasksFound.forEach(task -> taskOpened(tenantId, task.kind(), task.key()));
    }

    /** A message of a referral, as loaded: its kind. */
    public record MessageOf(NotificationKind kind, UUID referralId) {}

    /** A task, as loaded: its kind and key. */
    public record TaskOf(TaskKind kind, String key) {}

    // --- asked by the code the events run; null: not loaded, ask the database

    /** The practice's stored settings (empty: none stored), or null. */
    public Optional<PracticeSettings> settings(String tenantId) {
        return settings.get(tenantId);
    }

    /** The partner's row (empty: none), or null. */
    public Optional<PartnerContact> partner(String tenantId, UUID partnerId) {
        return partners.get(new PartnerContact.Key(tenantId, partnerId));
    }

    /** The practice's own template of that kind (empty: none, the default applies), or null. */
    public Optional<MessageTemplate> template(String tenantId, NotificationKind kind) {
        Map<String, MessageTemplate> byKind = templates.get(tenantId);
        return byKind == null ? null : Optional.ofNullable(byKind.get(kind.name()));
    }

    /** The practice's enabled subscriptions, or null. */
    public List<WebhookSubscription> subscriptions(String tenantId) {
        return subscriptions.get(tenantId);
    }

    /** The referral's state, locked (empty: not known here), or null. */
    public Optional<ReferralState> referral(String tenantId, UUID referralId) {
        return referrals.get(new ReferralState.Key(tenantId, referralId));
    }

    /** Whether a message of that kind about the referral was written, or null. */
    public Boolean messageExists(String tenantId, NotificationKind kind, UUID referralId) {
        if (!covered.contains(new ReferralState.Key(tenantId, referralId))) {
            return null;
        }
        return messages.contains(messageKey(tenantId, kind, referralId));
    }

    /** Whether a task of that kind and key (a referral's id) was ever opened, or null. */
    public Boolean taskExists(String tenantId, TaskKind kind, String key) {
        if (!coversTaskKey(tenantId, key)) {
            return null;
        }
        return tasks.contains(taskKey(tenantId, kind, key));
    }

    // --- written by the transaction

    public void referralCreated(ReferralState state) {
        if (referrals.containsKey(state.key)) {
            referrals.put(state.key, Optional.of(state));
        }
    }

    public void messageWritten(String tenantId, NotificationKind kind, UUID referralId) {
        if (referralId != null) {
            messages.add(messageKey(tenantId, kind, referralId));
        }
    }

    public void taskOpened(String tenantId, TaskKind kind, String key) {
        tasks.add(taskKey(tenantId, kind, key));
    }

    private boolean coversTaskKey(String tenantId, String key) {
        try {
            return covered.contains(new ReferralState.Key(tenantId, UUID.fromString(key)));
        } catch (IllegalArgumentException notAReferral) {
            return false;
        }
    }

    private static String messageKey(String tenantId, NotificationKind kind, UUID referralId) {
        return tenantId + '\n' + kind.name() + '\n' + referralId;
    }

    private static String taskKey(String tenantId, TaskKind kind, String key) {
        return tenantId + '\n' + kind.name() + '\n' + key;
    }
}
