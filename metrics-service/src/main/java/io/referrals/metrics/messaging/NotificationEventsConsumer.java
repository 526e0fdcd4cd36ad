package io.referrals.metrics.messaging;

import io.referrals.events.Topics;
import io.referrals.metrics.service.projection.Projections;
import io.referrals.metrics.service.query.ReadAnswers;
import io.referrals.platform.inbox.EventConsumer;
import io.referrals.platform.inbox.EventRouter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Campaign asks that reached the SMTP server (CampaignAskSent): who a campaign asked, per variant. */
@ApplicationScoped
public class NotificationEventsConsumer extends EventConsumer {
    @Inject
    Projections projections;

    @Inject
    ReadAnswers answers;

    @Override
    protected void routes(EventRouter router) {
        projections.ofTopic(Topics.NOTIFICATION_EVENTS, router::on);
        router.lockingPractices(projections::lockPractices)
                .preparing(projections::prepare)
                .sessionPerBatch()
                .afterApplied(answers::changed);
    }

    @Incoming("notification-events")
    @Blocking(ordered = true)
    public void onRecords(ConsumerRecords<String, String> batch) {
        consumeBatch(batch);
    }
}
