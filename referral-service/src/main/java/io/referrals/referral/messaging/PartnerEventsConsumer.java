package io.referrals.referral.messaging;

import io.referrals.events.EventTypes;
import io.referrals.platform.inbox.EventConsumer;
import io.referrals.platform.inbox.EventRouter;
import io.referrals.platform.portal.EndedPortalSessions;
import io.referrals.referral.service.AgreementTermsDirectory;
import io.referrals.referral.service.CampaignService;
import io.referrals.referral.service.PartnerDirectory;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class PartnerEventsConsumer extends EventConsumer {
    @Inject
    PartnerDirectory directory;

    @Inject
    AgreementTermsDirectory agreements;

    @Inject
    EndedPortalSessions endedSessions;

    @Inject
    CampaignService campaigns;

    @Override
    protected void routes(EventRouter router) {
        router.on(EventTypes.PARTNER_CREATED, directory::onCreated)
                .on(EventTypes.PARTNER_UPDATED, directory::onUpdated)
                .on(EventTypes.AGREEMENT_ACTIVATED, agreements::onActivated)
                .on(EventTypes.AGREEMENT_ENDED, agreements::onEnded)
                .on(EventTypes.PARTNER_PORTAL_ACCESS_CHANGED, directory::onPortalAccessChanged)
                .on(EventTypes.PARTNER_PORTAL_SESSION_ENDED, endedSessions::onSessionEnded)
                .on(EventTypes.CAMPAIGN_STARTED, campaigns::onStarted)
                .on(EventTypes.CAMPAIGN_ENDED, campaigns::onEnded)
                .on(EventTypes.CAMPAIGN_ASK_ASSIGNED, campaigns::onAskAssigned);
    }

    @Incoming("partner-events")
    @Blocking(ordered = true)
    public void onRecords(ConsumerRecords<String, String> batch) {
        consumeBatch(batch);
    }
}
