package io.referrals.metrics.service.query;

import io.referrals.events.PartnerStage;
import io.referrals.metrics.entity.PartnerMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A partner in a dormancy episode: its last activity, the whole days since then, and when the scan marked it. */
public record DormantPartner(
        UUID partnerId,
        String partnerName,
        PartnerStage stage,
        Instant lastActivityAt,
        long silentDays,
        Instant dormantSince) {

    static DormantPartner of(PartnerMetrics partner, Instant now) {
        return new DormantPartner(
                partner.partnerId,
                partner.partnerName,
                partner.stage,
                partner.lastActivityAt,
                Duration.between(partner.lastActivityAt, now).toDays(),
                partner.dormantSince);
    }
}
