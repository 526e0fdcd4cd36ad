package io.referrals.partner.service;

import io.referrals.events.EventTypes;
import io.referrals.partner.entity.Agreement;
import io.referrals.partner.entity.AgreementRepository;
import io.referrals.partner.entity.AgreementStatus;
import io.referrals.partner.entity.Partner;
import io.referrals.partner.entity.PartnerRepository;
import io.referrals.partner.mapping.AgreementMapper;
import io.referrals.partner.rest.AgreementRequests;
import io.referrals.partner.rest.CompensationTerms;
import io.referrals.platform.outbox.Outbox;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Agreements with a practice's partners. A partner has at most one active agreement: a new one supersedes it.
 * Each change, the partner's active agreement and the events announcing them commit together; changes to one
 * partner's agreements take turns on the partner's row.
 */
@ApplicationScoped
public class AgreementService {
    /** The end reason of an agreement that a newer one replaced. */
    public static final String SUPERSEDED = "superseded";

    @Inject
    PartnerRepository partners;

    @Inject
    AgreementRepository agreements;

    @Inject
    Outbox outbox;

    @Transactional
    public Agreement create(String tenantId, UUID partnerId, AgreementRequests.Create request, String userId) {
        LocalDate effectiveFrom = request.effectiveFrom() == null ? LocalDate.now(ZoneOffset.UTC)
                : request.effectiveFrom();
        AgreementTerms.check(request, effectiveFrom);
        Partner partner = lockPartner(tenantId, partnerId);
        PartnerService.rejectArchived(partner);
        CompensationTerms compensation = AgreementTerms.compensationOf(request);
        boolean acknowledged = Boolean.TRUE.equals(request.complianceAcknowledged());
        if (compensation.type().paysPartner() && partner.licensed && !acknowledged) {
            throw ProblemException.unprocessable("compliance-acknowledgement-required",
                    "Compliance acknowledgement required",
                    "Licensing boards restrict or forbid referral fees for some professions (therapists, financial "
                            + "advisors, ...), and this partner's profession is licensed. Check that their board "
                            + "allows " + compensation.type().json() + " and send complianceAcknowledged: true, "
                            + "or choose compensation that does not pay the partner (none or "
                            + "client_discount_percent).");
        }

        Instant now = Timestamps.now();
        Agreement agreement = new Agreement();
        agreement.id = UUID.randomUUID();
        agreement.tenantId = tenantId;
        agreement.partnerId = partner.id;
        agreement.kind = request.kind();
        agreement.direction = request.direction();
        agreement.practiceGives = PartnerService.cleaned(request.practiceGives());
        agreement.partnerGives = PartnerService.cleaned(request.partnerGives());
        agreement.compensationType = compensation.type();
        // Scaled as stored, so that the answer to this request reads like every later one ("15.00", not "15").
        agreement.compensationPercent = compensation.percent() == null ? null
                : compensation.percent().setScale(2, RoundingMode.UNNECESSARY);
        if (compensation.flatFee() != null) {
            agreement.flatFeeAmount = compensation.flatFee().amount().setScale(4, RoundingMode.UNNECESSARY);
            agreement.flatFeeCurrency = compensation.flatFee().currency();
        }
        agreement.effectiveFrom = effectiveFrom;
        agreement.effectiveTo = request.effectiveTo();
        agreement.signedOn = request.signedOn();
        agreement.signedVia = request.signedVia();
        agreement.feeDisclosedToClients = Boolean.TRUE.equals(request.feeDisclosedToClients());
        agreement.complianceAcknowledged = acknowledged;
        agreement.status = AgreementStatus.ACTIVE;
        agreement.createdAt = now;
        agreement.createdBy = userId;

        UUID supersedes = agreements.findActive(tenantId, partner.id)
                .map(previous -> supersede(previous, agreement.id, now)).orElse(null);
        agreements.persist(agreement);
        outbox.publish(EventTypes.AGREEMENT_ACTIVATED, tenantId, partner.id,
                AgreementMapper.toActivated(agreement, supersedes));
        partner.activeAgreementId = agreement.id;
        partner.updatedAt = now;
        return agreement;
    }

    @Transactional
    public Agreement end(String tenantId, UUID partnerId, UUID agreementId, AgreementRequests.End request) {
        Partner partner = lockPartner(tenantId, partnerId);
        Agreement agreement = find(tenantId, partner.id, agreementId);
        if (!agreement.isActive()) {
            throw ProblemException.conflict("agreement-not-active", "Agreement is not active",
                    "Only an active agreement can end; this one is " + agreement.status.json() + ".",
                    Map.of("agreementStatus", agreement.status.json()));
        }
        Instant now = Timestamps.now();
        agreement.status = AgreementStatus.ENDED;
        agreement.endedAt = now;
        agreement.endReason = request.reason().strip();
        partner.activeAgreementId = null;
        partner.updatedAt = now;
        outbox.publish(EventTypes.AGREEMENT_ENDED, tenantId, partner.id, AgreementMapper.toEnded(agreement));
        return agreement;
    }

    public List<Agreement> list(String tenantId, UUID partnerId) {
        Partner partner = partner(tenantId, partnerId);
        return agreements.listForPartner(tenantId, partner.id);
    }

    public Agreement get(String tenantId, UUID partnerId, UUID agreementId) {
        Partner partner = partner(tenantId, partnerId);
        return find(tenantId, partner.id, agreementId);
    }

    /** Ends the active agreement in favour of its successor and announces it before the successor is. */
    private UUID supersede(Agreement previous, UUID successor, Instant now) {
        previous.status = AgreementStatus.SUPERSEDED;
        previous.supersededBy = successor;
        previous.endedAt = now;
        previous.endReason = SUPERSEDED;
        // Written now: the one-active-agreement index must see it leave ACTIVE before the successor arrives.
        agreements.flush();
        outbox.publish(EventTypes.AGREEMENT_ENDED, previous.tenantId, previous.partnerId,
                AgreementMapper.toEnded(previous));
        return previous.id;
    }

    private Partner partner(String tenantId, UUID partnerId) {
        return partners.findInTenant(tenantId, partnerId)
                .orElseThrow(() -> ProblemException.notFound("Partner", partnerId));
    }

    private Partner lockPartner(String tenantId, UUID partnerId) {
        return partners.findInTenantForUpdate(tenantId, partnerId)
                .orElseThrow(() -> ProblemException.notFound("Partner", partnerId));
    }

    private Agreement find(String tenantId, UUID partnerId, UUID agreementId) {
        return agreements.findForPartner(tenantId, partnerId, agreementId)
                .orElseThrow(() -> ProblemException.notFound("Agreement", agreementId));
    }
}
