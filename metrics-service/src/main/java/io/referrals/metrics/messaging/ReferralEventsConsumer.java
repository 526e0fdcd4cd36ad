package io.referrals.metrics.messaging;

import io.referrals.events.EventTypes;
import io.referrals.metrics.service.ExchangeProjection;
import io.referrals.metrics.service.ReferralProjection;
import io.referrals.platform.inbox.EventConsumer;
import io.referrals.platform.inbox.EventRouter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Inbound referrals through their lifecycle, referrals given, and rewards earned and paid. */
@ApplicationScoped
public class ReferralEventsConsumer extends EventConsumer {
    @Inject
    ReferralProjection referrals;

    @Inject
    ExchangeProjection exchange;

    @Override
    protected void routes(EventRouter router) {
        router.on(EventTypes.REFERRAL_RECEIVED, referrals::onReceived)
                .on(EventTypes.REFERRAL_STATUS_CHANGED, referrals::onStatusChanged)
                .on(EventTypes.REFERRAL_CONVERTED, referrals::onConverted)
                .on(EventTypes.REFERRAL_CLOSED, referrals::onClosed)
                .on(EventTypes.REFERRAL_GIVEN, exchange::onGiven)
                .on(EventTypes.REWARD_EARNED, exchange::onRewardEarned)
                .on(EventTypes.REWARD_PAID, exchange::onRewardPaid);
    }

    @Incoming("referral-events")
    @Blocking(ordered = true)
    public void onRecord(String payload) {
        consume(payload);
    }
}
