package io.referrals.metrics.service.projection;

import io.referrals.events.CloudEvent;
import io.referrals.events.partner.PracticeProfileUpdated;
import io.referrals.metrics.entity.BucketRepository;
import io.referrals.metrics.entity.FactRepository;
import io.referrals.metrics.entity.GivenFact;
import io.referrals.metrics.entity.PartnerMetricsRepository;
import io.referrals.metrics.entity.Practice;
import io.referrals.metrics.entity.PracticeRepository;
import io.referrals.metrics.entity.ReferralFact;
import io.referrals.metrics.entity.RewardFact;
import io.referrals.metrics.service.Scope;
import io.referrals.platform.persistence.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The practice profile: goal, default cadence and time zone. A new time zone moves every local day, so the practice's
 * buckets are recomputed from its facts in the consumer transaction, holding the practice lock that every projection
 * takes: rare, and the only place a projection reads facts in bulk.
 */
@ApplicationScoped
class PracticeProjection {
    private static final Logger LOG = Logger.getLogger(PracticeProjection.class);

    @Inject
    PracticeRepository practices;

    @Inject
    PartnerMetricsRepository partners;

    @Inject
    FactRepository facts;

    @Inject
    BucketRepository buckets;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onProfileUpdated(CloudEvent event, PracticeProfileUpdated data) {
        Practice practice = practices.lockExclusive(event.tenantid());
        Instant at = Timestamps.stored(data.updatedAt());
        if (practice.profileAt != null && at.isBefore(practice.profileAt)) {
            return;
        }
        practice.profileAt = at;
        practice.monthlyGoal = data.monthlyReferralGoal();
        practice.defaultCadenceDays = data.defaultCheckInCadenceDays() > 0 ? data.defaultCheckInCadenceDays() : null;
        ZoneId zone = zoneOrNull(data.timeZone());
        if (zone != null && !zone.getId().equals(practice.timeZone)) {
            practice.timeZone = zone.getId();
            rebucket(event.tenantid(), zone);
        }
    }

    /** Every bucket of the practice, written afresh from its facts in the given zone. */
    void rebucket(String tenantId, ZoneId zone) {
        buckets.deleteTenant(tenantId);
        Map<UUID, List<Scope>> scopes = new HashMap<>();
        Contributions all = new Contributions();
        facts.inTenant(ReferralFact.class, tenantId)
                .forEach(f -> all.addAll(ReferralContributions.of(f, zone, scopesOf(tenantId, f.partnerId, scopes))));
        facts.inTenant(GivenFact.class, tenantId)
                .forEach(f -> all.addAll(ExchangeContributions.ofGiven(f, scopesOf(tenantId, f.partnerId, scopes))));
        facts.inTenant(RewardFact.class, tenantId)
                .forEach(f ->
                        all.addAll(ExchangeContributions.ofReward(f, zone, scopesOf(tenantId, f.partnerId, scopes))));
        buckets.add(tenantId, all.values());
    }

    private List<Scope> scopesOf(String tenantId, UUID partnerId, Map<UUID, List<Scope>> known) {
        return known.computeIfAbsent(
                partnerId,
                id -> partners.findInTenant(tenantId, id).map(Scope::ofPartner).orElseGet(List::of));
    }

    /** An unknown zone keeps the current one: a bad profile value must not stop the consumer. */
    private static ZoneId zoneOrNull(String timeZone) {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            LOG.warnf("Ignoring unknown time zone %s", timeZone);
            return null;
        }
    }
}
