package io.referrals.metrics.service.rebuild;

import java.util.List;

/** The history of the consumed topics (partner, referral and notification events), read from the beginning by a rebuild (implemented over Kafka). */
public interface EventLog {

    /** Opens a reader of one practice's records on partner.events, referral.events and notification.events, at their beginning. */
    Reader open(String tenantId);

    interface Reader extends AutoCloseable {
        /** Sets the stop point to the topics' end offsets now; reading resumes where it stopped. */
        void markEnd();

        /** The next values of the practice's records before the stop point; empty once it is reached. */
        List<String> next();

        @Override
        void close();
    }
}
