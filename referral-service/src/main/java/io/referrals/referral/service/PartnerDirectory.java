package io.referrals.referral.service;

import io.referrals.events.CloudEvent;
import io.referrals.events.PartnerCategory;
import io.referrals.events.partner.PartnerCreated;
import io.referrals.events.partner.PartnerPortalAccessChanged;
import io.referrals.events.partner.PartnerUpdated;
import io.referrals.platform.problem.ProblemException;
import io.referrals.platform.text.Text;
import io.referrals.referral.entity.KnownPartner;
import io.referrals.referral.entity.KnownPartnerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * referral-service's copy of the partners of each practice: kept current from partner-service's events, and the one
 * place that answers whether a partner is known here.
 */
@ApplicationScoped
public class PartnerDirectory {

    @Inject
    KnownPartnerRepository partners;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onCreated(CloudEvent event, PartnerCreated data) {
        upsert(event, data.partnerId(), data.name(), data.email(), data.category());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onUpdated(CloudEvent event, PartnerUpdated data) {
        upsert(event, data.partnerId(), data.name(), data.email(), data.category());
    }

    /**
     * The practice gave the partner portal access or took it away. A revocation also ends every session issued before
     * it, for good; an older change arriving late is ignored.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onPortalAccessChanged(CloudEvent event, PartnerPortalAccessChanged data) {
        partners.findInTenant(event.tenantid(), data.partnerId())
                .ifPresent(
                        partner -> partner.portalAccess(partner.portalAccess().after(data)));
    }

    /**
     * The partner, or a 422 {@code unknown-partner}: a partner created in partner-service moments ago may not have
     * arrived here yet, so the client may retry.
     */
    public KnownPartner requireKnown(String tenantId, UUID partnerId) {
        return partners.findInTenant(tenantId, partnerId)
                .orElseThrow(() -> ProblemException.unprocessable(
                        "unknown-partner",
                        "Unknown partner",
                        "No partner " + partnerId + " is known in this practice. A "
                                + "partner created moments ago may take a second to arrive here; retry shortly."));
    }

    /** The partner's name as referral-service knows it; null for a partner not known here. */
    public String nameOf(String tenantId, UUID partnerId) {
        return partners.findInTenant(tenantId, partnerId).map(p -> p.name).orElse(null);
    }

    /**
     * The partner a referrer named by name and email stands for: the known one with that email, or a new source
     * whose id is chosen here, so that partner-service records the candidate under the same id and every later
     * referral from the same email joins it. Its copy yields to partner-service's events (changed at the epoch).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Source sourceOf(String tenantId, ReferralCommands.NewReferrer referrer) {
        String email = Text.blankToNull(referrer.email());
        Optional<KnownPartner> known = email == null ? Optional.empty() : partners.findByEmail(tenantId, email);
        if (known.isPresent()) {
            return new Source(known.get(), true);
        }
        KnownPartner source = new KnownPartner();
        source.key = new KnownPartner.Key(tenantId, UUID.randomUUID());
        source.name = referrer.name().strip();
        source.email = email;
        source.category = referrer.category() == null ? PartnerCategory.UNCATEGORIZED : referrer.category();
        source.changedAt = Instant.EPOCH;
        partners.persist(source);
        return new Source(source, false);
    }

    /** The partner a referrer stands for, and whether it was an existing one matched by the referrer's email. */
    public record Source(KnownPartner partner, boolean matchedByEmail) {}

    private void upsert(CloudEvent event, UUID partnerId, String name, String email, PartnerCategory category) {
        Instant changedAt = event.time() == null ? clock.instant() : event.time();
        KnownPartner partner =
                partners.findInTenant(event.tenantid(), partnerId).orElse(null);
        if (partner == null) {
            partner = new KnownPartner();
            partner.key = new KnownPartner.Key(event.tenantid(), partnerId);
        } else if (partner.changedAt.isAfter(changedAt)) {
            return;
        }
        partner.name = name;
        partner.email = email;
        partner.category = category;
        partner.changedAt = changedAt;
        partners.persist(partner);
    }
}
