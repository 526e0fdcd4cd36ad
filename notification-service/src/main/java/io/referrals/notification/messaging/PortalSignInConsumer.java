package io.referrals.notification.messaging;

import io.referrals.events.EventTypes;
import io.referrals.notification.service.portal.PortalMail;
import io.referrals.platform.inbox.EventConsumer;
import io.referrals.platform.inbox.EventRouter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Portal sign-in links partner-service issued (partner.portal-sign-in, a topic only this service reads): each is mailed
 * once. No webhook hears of them: they carry a credential.
 */
@ApplicationScoped
public class PortalSignInConsumer extends EventConsumer {
    @Inject
    PortalMail mail;

    @Override
    protected void routes(EventRouter router) {
        router.on(EventTypes.PORTAL_SIGN_IN_LINK_ISSUED, mail::onSignInLinkIssued);
    }

    @Incoming("portal-sign-in")
    @Blocking(ordered = true)
    public void onRecords(ConsumerRecords<String, String> batch) {
        consumeBatch(batch);
    }
}
