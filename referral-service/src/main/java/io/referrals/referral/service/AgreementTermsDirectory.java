package io.referrals.referral.service;

import io.referrals.events.CloudEvent;
import io.referrals.events.MalformedEventException;
import io.referrals.events.partner.AgreementActivated;
import io.referrals.events.partner.AgreementEnded;
import io.referrals.referral.entity.AgreementTerms;
import io.referrals.referral.entity.AgreementTermsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Keeps the compensation terms of partners' agreements, and when each was in force, from partner-service. */
@ApplicationScoped
public class AgreementTermsDirectory {

    @Inject
    AgreementTermsRepository agreements;

    @Inject
    RewardService rewards;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onActivated(CloudEvent event, AgreementActivated data) {
        // Looked up within the event's practice: an agreement id is never another practice's to overwrite. Ids are
        // partner-service's random UUIDs, so one already held by another practice means the event is not genuine.
        AgreementTerms terms =
                agreements.findInTenant(event.tenantid(), data.agreementId()).orElseGet(AgreementTerms::new);
        if (terms.agreementId == null && agreements.exists(data.agreementId())) {
            throw new MalformedEventException("Event " + event.id() + " names an agreement of another practice");
        }
        terms.agreementId = data.agreementId();
        terms.tenantId = event.tenantid();
        terms.partnerId = data.partnerId();
        terms.compensationType = data.compensation().type();
        terms.percent = data.compensation().percent();
        terms.flatFeeAmount = data.compensation().flatFee() == null
                ? null
                : data.compensation().flatFee().amount();
        terms.flatFeeCurrency = data.compensation().flatFee() == null
                ? null
                : data.compensation().flatFee().currency();
        terms.feeDisclosedToClients = data.feeDisclosedToClients();
        terms.effectiveFrom = data.effectiveFrom();
        terms.effectiveTo = data.effectiveTo();
        terms.activatedAt = data.activatedAt();
        agreements.persist(terms);
        rewards.settleConversionsCoveredBy(terms);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onEnded(CloudEvent event, AgreementEnded data) {
        // An end that overtakes its activation is kept until the activation arrives; partner-service orders both
        // on the partner's key, so this does not happen on one topic.
        agreements
                .findInTenant(event.tenantid(), data.agreementId())
                .ifPresent(t -> t.endedAt = earliest(t.endedAt, data.endedAt()));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
