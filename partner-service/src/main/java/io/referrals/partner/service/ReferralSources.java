package io.referrals.partner.service;

import io.referrals.events.CloudEvent;
import io.referrals.events.PartnerStage;
import io.referrals.events.referral.ReferralAttributed;
import io.referrals.events.referral.ReferralReceived;
import io.referrals.events.referral.Referrer;
import io.referrals.partner.entity.Partner;
import io.referrals.partner.entity.PartnerRepository;
import io.referrals.platform.inbox.BatchSession;
import io.referrals.platform.persistence.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What partner-service learns from referrals: a referrer with no partner record becomes a candidate source
 * (under the id referral-service gave it, so both services agree), and a referral from an ended partner is
 * accepted but flags that partner for review. Each referral a partner is credited with moves their lastReferralAt
 * (campaign audiences filter on it).
 */
@ApplicationScoped
public class ReferralSources {
    private static final Logger LOG = Logger.getLogger(ReferralSources.class);

    @Inject
    PartnerRepository partners;

    @Inject
    PartnerService partnerService;

    @Inject
    BatchPartners batchPartners;

    @Inject
    BatchSession session;

    @Inject
    Clock clock;

    /**
     * In the referral.events consumer's batch (issue 31) a referrer the batch loaded is credited in memory, written
     * once with the rest of the batch; one with no record when the batch began (or one not loaded) is looked up as
     * before, after what the batch changed so far is flushed, so that the queries by id and email see it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onReferralReceived(CloudEvent event, ReferralReceived data) {
        if (data.unverified()) {
            return; // matched by email on a public link: nobody's referral until the practice confirms it
        }
        Optional<Partner> loaded =
                batchPartners.partner(event.tenantid(), data.referrer().partnerId());
        if (loaded != null && loaded.isPresent()) {
            credit(loaded.get(), data.receivedAt());
            return;
        }
        session.flushingAsUsual(() -> receivedFromUnknown(event.tenantid(), data));
    }

    private void receivedFromUnknown(String tenantId, ReferralReceived data) {
        Referrer referrer = data.referrer();
        Optional<Partner> known = partners.findInTenant(tenantId, referrer.partnerId());
        if (known.isPresent()) {
            credit(known.get(), data.receivedAt());
            return;
        }
        Optional<Partner> sameEmail =
                referrer.email() == null ? Optional.empty() : partners.findByEmail(tenantId, referrer.email());
        if (sameEmail.isPresent()) {
            // referral-service had not heard of this partner yet and named a new source: keep one record.
            LOG.warnf(
                    "Referral %s names new source %s, but partner %s already has that email; flagged for review",
                    data.referralId(), referrer.partnerId(), sameEmail.get().id);
            sameEmail.get().needsReview = true;
            return;
        }
        Partner candidate = Partner.candidate(
                tenantId,
                referrer.partnerId(),
                referrer.name(),
                referrer.email(),
                data.referralId(),
                Timestamps.now(clock));
        candidate.referralSeen(data.receivedAt());
        partnerService.persistNew(candidate, "Sent referral " + data.referralId() + " before any agreement", null);
        batchPartners.created(candidate);
    }

    /**
     * The practice confirmed that an unverified referral is this partner's: it counts for the partner as a
     * ReferralReceived naming them would have (a partner it ended is flagged for review). The partner is one
     * referral-service knew, so never a new candidate.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onReferralAttributed(CloudEvent event, ReferralAttributed data) {
        // The referral was received earlier, but counts for the partner from its confirmation on.
        partners.findInTenant(event.tenantid(), data.referrer().partnerId())
                .ifPresent(partner -> credit(partner, data.attributedAt()));
    }

    /** A referral of the partner's, seen at {@code at}: a referral from an ended partner flags them for review. */
    private void credit(Partner partner, Instant at) {
        partner.referralSeen(at);
        flagIfEnded(partner);
    }

    /** A referral from an ended partner is accepted, but the practice should look at that partner again. */
    private void flagIfEnded(Partner partner) {
        if (partner.stage == PartnerStage.ENDED && !partner.needsReview) {
            partner.needsReview = true;
            partner.updatedAt = Timestamps.now(clock);
        }
    }
}
