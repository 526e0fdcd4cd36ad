package io.referrals.metrics.service.projection;

import io.referrals.metrics.entity.Fact;
import io.referrals.metrics.entity.FactRepository;
import io.referrals.metrics.entity.PartnerMetrics;
import io.referrals.metrics.entity.PartnerMetricsRepository;
import io.referrals.metrics.entity.Practice;
import io.referrals.metrics.entity.PracticeRepository;
import io.referrals.metrics.service.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The one way a projection changes a fact: practice (share, when not held already), fact, then partner rows locked,
 * always in this order, then the change applied to buckets and the partner's totals as the fact's new minus old
 * contributions.
 */
@ApplicationScoped
class FactUpdates {
    @Inject
    PracticeRepository practices;

    @Inject
    FactRepository facts;

    @Inject
    PartnerMetricsRepository partners;

    @Inject
    BucketWriter writer;

    /** What a fact adds to the buckets, in the practice's zone and its partner's current groups. */
    @FunctionalInterface
    public interface Numbers<F> {
        Contributions of(F fact, ZoneId zone, List<Scope> scopes);
    }

    /**
     * Applies {@code change} to the fact; returns its partner, locked (the fact's partner once known), or null while
     * it is nobody's: an inbound referral whose attribution is unverified counts for the practice alone. The first
     * event that names a partner for such a fact (ReferralAttributed) credits that partner with everything the fact
     * counted so far, so the numbers end up as if the partner had been known from the start.
     */
    public <F extends Fact> PartnerMetrics update(
            String tenantId, Class<F> type, UUID factId, UUID partnerId, Numbers<F> numbers, Consumer<F> change) {
        Practice practice = practices.lockShared(tenantId);
        F fact = facts.lock(type, tenantId, factId);
        UUID credited = fact.partnerId != null ? fact.partnerId : partnerId;
        if (credited == null) {
            writer.change(tenantId, null, fact, f -> numbers.of(f, practice.zone(), List.of()), change);
            return null;
        }
        PartnerMetrics partner = partners.lock(tenantId, credited);
        if (fact.partnerId == null) {
            writer.change(
                    tenantId,
                    partner,
                    fact,
                    f -> numbers.of(f, practice.zone(), f.partnerId == null ? List.of() : Scope.ofPartner(partner)),
                    f -> f.partnerId = partner.partnerId);
        }
        writer.change(partner, fact, f -> numbers.of(f, practice.zone(), Scope.ofPartner(partner)), change);
        return partner;
    }
}
