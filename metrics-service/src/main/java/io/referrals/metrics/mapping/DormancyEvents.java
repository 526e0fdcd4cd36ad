package io.referrals.metrics.mapping;

import io.referrals.events.metrics.PartnerReactivated;
import io.referrals.events.metrics.PartnerWentDormant;
import io.referrals.metrics.entity.PartnerMetrics;
import java.time.Duration;
import java.time.Instant;

/** Partner dormancy as the events metrics-service publishes on metrics.events. */
public final class DormancyEvents {
    private DormancyEvents() {}

    public static PartnerWentDormant wentDormant(PartnerMetrics partner, int cadenceDays, Instant now) {
        int silentDays = (int) Duration.between(partner.lastActivityAt, now).toDays();
        return new PartnerWentDormant(partner.partnerId, partner.lastActivityAt, silentDays, cadenceDays, now);
    }

    public static PartnerReactivated reactivated(PartnerMetrics partner, Instant now) {
        return new PartnerReactivated(partner.partnerId, partner.dormantSince, now);
    }
}
