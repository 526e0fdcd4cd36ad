package io.referrals.notification.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** notification-service's own settings; the SMTP server itself is configured under quarkus.mailer. */
@ConfigMapping(prefix = "notifications")
public interface NotificationConfig {
    Sender sender();

    Mail mail();

    Unsubscribe unsubscribe();

    Tasks tasks();

    Digest digest();

    Webhooks webhooks();

    interface Sender {
        /**
         * How often queued messages are looked for besides the run after each commit that queues one: retries that
         * came due and paced campaign asks (a Quarkus duration, or off); read by the @Scheduled expression.
         */
        @WithDefault("1s")
        String every();

        /** Messages claimed, sent and recorded per transaction; batches follow one another while messages are due. */
        @WithDefault("50")
        int batchSize();

        /** Messages of a batch sent at once (at most quarkus.mailer.max-pool-size, 10 by default: one per connection). */
        @WithDefault("10")
        int concurrency();

        /** Pauses after the 1st, 2nd ... failed attempt; the last one repeats. */
        @WithDefault("1m,5m,30m,2h,6h")
        List<Duration> retryPauses();

        /** How long after it was queued a message is retried before it is marked failed. */
        @WithDefault("24h")
        Duration giveUpAfter();
    }

    interface Mail {
        /** The sender address (envelope and From), e.g. notifications@practice-tool.example. */
        String from();

        /** The domain of the Message-ID each message gets when it is created. */
        @WithDefault("notifications.referrals.local")
        String messageIdDomain();

        /** The longest one message's send may take before it counts as failed (quarkus.mailer.timeout). */
        @WithDefault("30s")
        Duration sendTimeout();
    }

    interface Unsubscribe {
        /** The secret unsubscribe tokens are signed with (HMAC-SHA256); at least 32 characters. */
        String secret();

        /** Where this service is reachable from the recipients' mail clients, e.g. https://notify.example. */
        String publicBaseUrl();

        /** A mailbox that takes unsubscribe requests by email, offered besides the link; none when unset. */
        Optional<String> mailto();
    }

    interface Tasks {
        /** How often due partner check-ins are looked for (a Quarkus duration, or off). */
        @WithDefault("60s")
        String scanEvery();

        /** Days after a conversion when the referrer is asked whether their person was pleased. */
        @WithDefault("14")
        int pleasedCheckInDays();

        /** The check-in cadence when neither the partner nor its practice sets one. */
        @WithDefault("30")
        int defaultCadenceDays();

        /** Hours to the first contact when a referral names no deadline (older events). */
        @WithDefault("24")
        int firstContactHours();
    }

    interface Digest {
        /** How often practices due a digest are looked for (a Quarkus duration, or off). */
        @WithDefault("15m")
        String every();

        /** The hour of the practice's day from which its digest goes out. */
        @WithDefault("7")
        int hour();
    }

    interface Webhooks {
        /**
         * How often due deliveries are looked for besides the wake-up after each commit that records one (retries,
         * redeliveries; a Quarkus duration, or off); read by the @Scheduled expression.
         */
        @WithDefault("1s")
        String every();

        /**
         * Endpoints sent to at once (lanes), one delivery in flight per endpoint: a slow endpoint holds one of these,
         * no more.
         */
        @WithDefault("8")
        int concurrency();

        /**
         * Deliveries a lane claims at once from one endpoint, sends back to back and records in one transaction; the
         * lane then claims the next ones at once.
         */
        @WithDefault("50")
        int batchSize();

        /** Time to open the connection to an endpoint. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Time for a whole attempt: connect, send, and read the answer's status and first 1 KB. */
        @WithDefault("15s")
        Duration timeout();

        /**
         * Pauses after the 1st, 2nd ... failed attempt (the last one repeats), each varied by up to 10 % (jitter) so
         * that endpoints coming back are not hit all at once.
         */
        @WithDefault("5s,5m,30m,2h,5h,10h")
        List<Duration> retryPauses();

        /** How long a delivery is retried, and how long an endpoint may fail without a break before it is disabled. */
        @WithDefault("3d")
        Duration giveUpAfter();

        /** How long the previous secret keeps signing after a rotation. */
        @WithDefault("24h")
        Duration rotationOverlap();

        /**
         * How long claimed deliveries and an endpoint's lane stay leased (renewed per batch): a replica that dies
         * mid-send leaves them to be sent again after this. More than the timeout: a lane sends a claimed delivery
         * only while the lease still leaves a whole attempt's time.
         */
        @WithDefault("30s")
        Duration lease();

        /** Whether plain http endpoints are accepted: for local development only; https otherwise. */
        @WithDefault("false")
        boolean allowHttp();

        /**
         * Host names (exactly as written in an endpoint's URL) that may resolve to private, loopback or otherwise
         * internal addresses: for tests and local development only, empty in production.
         */
        Optional<List<String>> allowedHosts();

        /**
         * AES-256 key (base64 of 32 bytes) that encrypts signing secrets at rest; when unset, a key derived from the
         * unsubscribe secret (HMAC-SHA256 with a label of its own) is used.
         */
        Optional<String> secretKey();

        /** Subscriptions one practice may have. */
        @WithDefault("50")
        int maxPerPractice();
    }
}
