package io.referrals.metrics.service.projection;

import io.referrals.events.CloudEvent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventType;
import io.referrals.events.EventTypes;
import io.referrals.events.MalformedEventException;
import io.referrals.metrics.entity.Fact;
import io.referrals.metrics.entity.FactRepository;
import io.referrals.metrics.entity.GivenFact;
import io.referrals.metrics.entity.PartnerMetricsRepository;
import io.referrals.metrics.entity.PracticeRepository;
import io.referrals.metrics.entity.ReferralFact;
import io.referrals.metrics.entity.RewardFact;
import io.referrals.platform.inbox.EventRouter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Which projection applies which event: listed once, for the live consumers (one per topic) and for a rebuild's
 * replay, so that a rebuild folds every event through exactly the code the live projection runs.
 */
@ApplicationScoped
public class Projections {
    @Inject
    PracticeRepository practiceRows;

    @Inject
    PartnerProjection partners;

    @Inject
    PracticeProjection practice;

    @Inject
    ReferralProjection referrals;

    @Inject
    ExchangeProjection exchange;

    @Inject
    CampaignProjection campaigns;

    @Inject
    FactRepository facts;

    @Inject
    PartnerMetricsRepository partnerRows;

    private final Map<String, Consumer<CloudEvent>> byType = new HashMap<>();

    /** The fact and partner rows an event of each type changes, by CloudEvent type: what a batch locks up front. */
    private final Map<String, BiFunction<CloudEvent, EventRouter.Payloads, Rows>> rowsByType = new HashMap<>();

    /** The rows one event changes: a fact of a kind (or none) and a partner (or none). */
    private record Rows(Class<? extends Fact> factType, UUID factId, UUID partnerId) {}

    @PostConstruct
    void index() {
        all(new Routes() {
            @Override
            public <T> void on(EventType<T> type, EventRouter.Handler<T> handler) {
                byType.put(type.cloudEventType(), event -> handler.handle(event, EventCodec.data(event, type)));
            }
        });
        rows(EventTypes.PARTNER_CREATED, d -> new Rows(null, null, d.partnerId()));
        rows(EventTypes.PARTNER_UPDATED, d -> new Rows(null, null, d.partnerId()));
        rows(EventTypes.PARTNER_STAGE_CHANGED, d -> new Rows(null, null, d.partnerId()));
        rows(EventTypes.PARTNER_ARCHIVED, d -> new Rows(null, null, d.partnerId()));
        rows(EventTypes.AGREEMENT_ACTIVATED, d -> new Rows(null, null, d.partnerId()));
        rows(EventTypes.AGREEMENT_ENDED, d -> new Rows(null, null, d.partnerId()));
        rows(EventTypes.TOUCHPOINT_LOGGED, d -> new Rows(null, null, d.partnerId()));
        rows(
                EventTypes.REFERRAL_RECEIVED,
                d -> new Rows(ReferralFact.class, d.referralId(), d.referrer().partnerId()));
        rows(EventTypes.REFERRAL_STATUS_CHANGED, d -> new Rows(ReferralFact.class, d.referralId(), d.partnerId()));
        rows(EventTypes.REFERRAL_CONVERTED, d -> new Rows(ReferralFact.class, d.referralId(), d.partnerId()));
        rows(EventTypes.REFERRAL_CLOSED, d -> new Rows(ReferralFact.class, d.referralId(), d.partnerId()));
        rows(
                EventTypes.REFERRAL_ATTRIBUTED,
                d -> new Rows(ReferralFact.class, d.referralId(), d.referrer().partnerId()));
        rows(EventTypes.REFERRAL_GIVEN, d -> new Rows(GivenFact.class, d.givenId(), d.partnerId()));
        rows(EventTypes.REWARD_EARNED, d -> new Rows(RewardFact.class, d.rewardId(), d.partnerId()));
        rows(EventTypes.REWARD_PAID, d -> new Rows(RewardFact.class, d.rewardId(), d.partnerId()));
    }

    private <T> void rows(EventType<T> type, Function<T, Rows> rows) {
        rowsByType.put(type.cloudEventType(), (event, payloads) -> rows.apply(payloads.data(event, type)));
    }

    /**
     * Locks, per practice, the fact and partner rows the batch's events change, in a few statements for the whole
     * batch; the projections then find them in the session. A row an event reaches otherwise (a fact's earlier
     * partner) is still locked when the projection asks for it. An event whose data cannot be read is left to its
     * handler, which reports it as malformed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void prepare(List<CloudEvent> events, EventRouter.Payloads payloads) {
        Map<String, Map<Class<? extends Fact>, Set<UUID>>> factIds = new TreeMap<>();
        Map<String, Set<UUID>> partnerIds = new TreeMap<>();
        for (CloudEvent event : events) {
            Rows rows = rowsOf(event, payloads);
            if (rows == null) {
                continue;
            }
            if (rows.factType() != null && rows.factId() != null) {
                factIds.computeIfAbsent(event.tenantid(), t -> new HashMap<>())
                        .computeIfAbsent(rows.factType(), t -> new HashSet<>())
                        .add(rows.factId());
            }
            if (rows.partnerId() != null) {
                partnerIds
                        .computeIfAbsent(event.tenantid(), t -> new HashSet<>())
                        .add(rows.partnerId());
            }
        }
        // Facts before partners, as FactUpdates takes them.
        factIds.forEach((tenantId, byType) -> byType.forEach((type, ids) -> facts.lockAll(type, tenantId, ids)));
        partnerIds.forEach(partnerRows::lockAll);
    }

    private Rows rowsOf(CloudEvent event, EventRouter.Payloads payloads) {
        BiFunction<CloudEvent, EventRouter.Payloads, Rows> rows = rowsByType.get(event.type());
        try {
            return rows == null ? null : rows.apply(event, payloads);
        } catch (MalformedEventException e) {
            return null;
        }
    }

    /** The routes of the events of one topic: what its consumer subscribes to. */
    public void ofTopic(String topic, Routes routes) {
        all(new Routes() {
            @Override
            public <T> void on(EventType<T> type, EventRouter.Handler<T> handler) {
                if (type.topic().equals(topic)) {
                    routes.on(type, handler);
                }
            }
        });
    }

    private void all(Routes routes) {
        routes.on(EventTypes.PARTNER_CREATED, partners::onCreated);
        routes.on(EventTypes.PARTNER_UPDATED, partners::onUpdated);
        routes.on(EventTypes.PARTNER_STAGE_CHANGED, partners::onStageChanged);
        routes.on(EventTypes.PARTNER_ARCHIVED, partners::onArchived);
        routes.on(EventTypes.AGREEMENT_ACTIVATED, partners::onAgreementActivated);
        routes.on(EventTypes.AGREEMENT_ENDED, partners::onAgreementEnded);
        routes.on(EventTypes.TOUCHPOINT_LOGGED, partners::onTouchpoint);
        routes.on(EventTypes.PRACTICE_PROFILE_UPDATED, practice::onProfileUpdated);
        routes.on(EventTypes.REFERRAL_RECEIVED, referrals::onReceived);
        routes.on(EventTypes.REFERRAL_STATUS_CHANGED, referrals::onStatusChanged);
        routes.on(EventTypes.REFERRAL_CONVERTED, referrals::onConverted);
        routes.on(EventTypes.REFERRAL_CLOSED, referrals::onClosed);
        routes.on(EventTypes.REFERRAL_ATTRIBUTED, referrals::onAttributed);
        routes.on(EventTypes.REFERRAL_GIVEN, exchange::onGiven);
        // One handler per type: a reward counts for the partner's numbers and, when a campaign's, for its cost.
        routes.on(EventTypes.REWARD_EARNED, (event, data) -> {
            exchange.onRewardEarned(event, data);
            campaigns.onRewardEarned(event, data);
        });
        routes.on(EventTypes.REWARD_PAID, exchange::onRewardPaid);
        routes.on(EventTypes.CAMPAIGN_STARTED, campaigns::onStarted);
        routes.on(EventTypes.CAMPAIGN_ENDED, campaigns::onEnded);
        routes.on(EventTypes.REFERRAL_ATTRIBUTED_TO_CAMPAIGN, campaigns::onAttributed);
        routes.on(EventTypes.CAMPAIGN_ASK_SENT, campaigns::onAskSent);
    }

    /**
     * Takes the practices of a consumer transaction exclusively, in name order, before it applies anything: the two
     * consumers (and a rebuild's swap) then take turns per practice instead of locking its partner rows in
     * different orders and deadlocking. The inbox takes this lock instead of its advisory one, which would only
     * serialise the same batches a second time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockPractices(SortedSet<String> tenantIds) {
        tenantIds.forEach(practiceRows::lockExclusive);
    }

    public boolean handles(String cloudEventType) {
        return byType.containsKey(cloudEventType);
    }

    /** Applies an event of either topic as its tenant's; the caller decided it is to be applied (no inbox). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        Consumer<CloudEvent> handler = byType.get(event.type());
        if (handler != null) {
            handler.accept(event);
        }
    }
}
