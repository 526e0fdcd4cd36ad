package io.referrals.metrics.service;

import io.referrals.events.CloudEvent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventType;
import io.referrals.events.EventTypes;
import io.referrals.metrics.entity.PracticeRepository;
import io.referrals.platform.inbox.EventRouter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.function.Consumer;

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

    private final Map<String, Consumer<CloudEvent>> byType = new HashMap<>();

    @PostConstruct
    void index() {
        all(new Routes() {
            @Override
            public <T> void on(EventType<T> type, EventRouter.Handler<T> handler) {
                byType.put(type.cloudEventType(), event -> handler.handle(event, EventCodec.data(event, type)));
            }
        });
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
        routes.on(EventTypes.REWARD_EARNED, exchange::onRewardEarned);
        routes.on(EventTypes.REWARD_PAID, exchange::onRewardPaid);
    }

    /**
     * Takes the practices of a consumer transaction exclusively, in name order, before it applies anything: the two
     * consumers (and a rebuild's swap) then take turns per practice instead of locking its partner rows in
     * different orders and deadlocking.
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
