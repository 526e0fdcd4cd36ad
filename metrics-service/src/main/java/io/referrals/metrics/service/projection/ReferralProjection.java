package io.referrals.metrics.service.projection;

import io.referrals.events.CloudEvent;
import io.referrals.events.ReferralStatus;
import io.referrals.events.referral.ReferralAttributed;
import io.referrals.events.referral.ReferralClosed;
import io.referrals.events.referral.ReferralConverted;
import io.referrals.events.referral.ReferralReceived;
import io.referrals.events.referral.ReferralStatusChanged;
import io.referrals.metrics.entity.PartnerMetrics;
import io.referrals.metrics.entity.ReferralFact;
import io.referrals.platform.persistence.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Folds inbound referral events into their fact rows, and the facts into buckets and partner totals. Each event
 * only narrows what is known (earliest time of each step, first non-null value), so any order gives the same facts.
 * Runs inside the inbox transaction that records the event id.
 */
@ApplicationScoped
class ReferralProjection {
    @Inject
    FactUpdates facts;

    @Inject
    Dormancy dormancy;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onReceived(CloudEvent event, ReferralReceived data) {
        PartnerMetrics partner =
                update(event.tenantid(), data.referralId(), data.referrer().partnerId(), fact -> {
                    fact.receivedAt = earliest(fact.receivedAt, data.receivedAt());
                    fact.channel = fact.channel != null ? fact.channel : data.channel();
                    fact.firstContactDueAt = Timestamps.stored(
                            fact.firstContactDueAt != null ? fact.firstContactDueAt : data.firstContactDueAt());
                });
        if (partner != null) { // else an unverified attribution: nobody's referral until ReferralAttributed
            referredBy(partner, data.referrer().name(), data.receivedAt());
        }
    }

    /**
     * The practice confirmed an unverified attribution: the partner is credited with the referral and with whatever
     * it reached meanwhile (received, converted or closed, on their own days), as if it had been theirs from the start.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onAttributed(CloudEvent event, ReferralAttributed data) {
        Instant[] receivedAt = new Instant[1];
        PartnerMetrics partner = update(
                event.tenantid(),
                data.referralId(),
                data.referrer().partnerId(),
                fact -> receivedAt[0] = fact.receivedAt);
        if (receivedAt[0] != null) {
            referredBy(partner, data.referrer().name(), receivedAt[0]);
        }
    }

    private void referredBy(PartnerMetrics partner, String referrerName, Instant receivedAt) {
        if (partner.partnerName == null) {
            partner.partnerName = referrerName;
        }
        partner.firstReferralAt = earliest(partner.firstReferralAt, receivedAt);
        partner.lastReferralAt = latest(partner.lastReferralAt, receivedAt);
        dormancy.activity(partner, Timestamps.stored(receivedAt));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onStatusChanged(CloudEvent event, ReferralStatusChanged data) {
        update(event.tenantid(), data.referralId(), data.partnerId(), fact -> reached(fact, data.to(), data.at()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onConverted(CloudEvent event, ReferralConverted data) {
        update(event.tenantid(), data.referralId(), data.partnerId(), fact -> {
            fact.receivedAt = earliest(fact.receivedAt, data.receivedAt());
            fact.convertedAt = earliest(fact.convertedAt, data.convertedAt());
            if (fact.programAmount == null) {
                fact.programAmount = data.programValue().amount();
                fact.programCurrency = data.programValue().currency();
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onClosed(CloudEvent event, ReferralClosed data) {
        update(event.tenantid(), data.referralId(), data.partnerId(), fact -> {
            fact.receivedAt = earliest(fact.receivedAt, data.receivedAt());
            reached(fact, data.outcome(), data.closedAt());
        });
    }

    private PartnerMetrics update(String tenantId, UUID referralId, UUID partnerId, Consumer<ReferralFact> change) {
        return facts.update(tenantId, ReferralFact.class, referralId, partnerId, ReferralContributions::of, change);
    }

    private static void reached(ReferralFact fact, ReferralStatus status, Instant at) {
        switch (status) {
            case CONTACTED -> fact.contactedAt = earliest(fact.contactedAt, at);
            case CONSULTATION_BOOKED -> fact.consultationAt = earliest(fact.consultationAt, at);
            case CONVERTED -> fact.convertedAt = earliest(fact.convertedAt, at);
            case NOT_A_FIT, DECLINED, NO_RESPONSE -> {
                if (fact.closedAt == null || at.isBefore(fact.closedAt)) {
                    fact.closedAt = Timestamps.stored(at);
                    fact.closedOutcome = status;
                }
            }
            default -> {}
        }
    }

    static Instant earliest(Instant current, Instant candidate) {
        Instant stored = Timestamps.stored(candidate);
        return current == null || (stored != null && stored.isBefore(current)) ? stored : current;
    }

    static Instant latest(Instant current, Instant candidate) {
        Instant stored = Timestamps.stored(candidate);
        return current == null || (stored != null && stored.isAfter(current)) ? stored : current;
    }
}
