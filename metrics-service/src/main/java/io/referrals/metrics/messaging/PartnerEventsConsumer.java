package io.referrals.metrics.messaging;

import io.referrals.events.EventTypes;
import io.referrals.metrics.service.PartnerProjection;
import io.referrals.metrics.service.PracticeProjection;
import io.referrals.platform.inbox.EventConsumer;
import io.referrals.platform.inbox.EventRouter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Partners (names, groups, stage, activity) and the practice profile (time zone, goal, default cadence). */
@ApplicationScoped
public class PartnerEventsConsumer extends EventConsumer {
    @Inject
    PartnerProjection partners;

    @Inject
    PracticeProjection practice;

    @Override
    protected void routes(EventRouter router) {
        router.on(EventTypes.PARTNER_CREATED, partners::onCreated)
                .on(EventTypes.PARTNER_UPDATED, partners::onUpdated)
                .on(EventTypes.PARTNER_STAGE_CHANGED, partners::onStageChanged)
                .on(EventTypes.PARTNER_ARCHIVED, partners::onArchived)
                .on(EventTypes.AGREEMENT_ACTIVATED, partners::onAgreementActivated)
                .on(EventTypes.AGREEMENT_ENDED, partners::onAgreementEnded)
                .on(EventTypes.TOUCHPOINT_LOGGED, partners::onTouchpoint)
                .on(EventTypes.PRACTICE_PROFILE_UPDATED, practice::onProfileUpdated);
    }

    @Incoming("partner-events")
    @Blocking(ordered = true)
    public void onRecord(String payload) {
        consume(payload);
    }
}
