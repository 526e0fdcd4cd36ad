package io.referrals.partner.service;

import io.referrals.events.EventTypes;
import io.referrals.partner.entity.Agreement;
import io.referrals.partner.entity.AgreementRepository;
import io.referrals.partner.entity.AgreementStatus;
import io.referrals.partner.entity.Partner;
import io.referrals.partner.entity.TextList;
import io.referrals.partner.mapping.AgreementMapper;
import io.referrals.platform.outbox.Outbox;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.RoundingMode;
import java.time.Clock;
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
    Partners partners;

    @Inject
    AgreementRepository agreements;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional
    public Agreement create(String tenantId, UUID partnerId, AgreementCommands.Create command, String userId) {
        LocalDate effectiveFrom = command.effectiveFrom() == null
                ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                : command.effectiveFrom();
        AgreementTerms.check(command, effectiveFrom);
        Partner partner = partners.lock(tenantId, partnerId);
        partner.rejectIfArchived();
        CompensationTerms compensation = AgreementTerms.compensationOf(command);
        boolean acknowledged = Boolean.TRUE.equals(command.complianceAcknowledged());
        if (compensation.type().paysPartner() && partner.licensed && !acknowledged) {
            throw complianceAcknowledgementRequired(compensation);
        }
        Instant now = Timestamps.now(clock);
        Agreement agreement = newAgreement(partner, command, effectiveFrom, now);
        agreement.createdBy = userId;
        setCompensation(agreement, compensation);
        agreement.complianceAcknowledged = acknowledged;
        activate(partner, agreement, now);
        return agreement;
    }

    @Transactional
    public Agreement end(String tenantId, UUID partnerId, UUID agreementId, AgreementCommands.End command) {
        Partner partner = partners.lock(tenantId, partnerId);
        Agreement agreement = find(tenantId, partner.id, agreementId);
        if (!agreement.isActive()) {
            throw ProblemException.conflict(
                    "agreement-not-active",
                    "Agreement is not active",
                    "Only an active agreement can end; this one is " + agreement.status.json() + ".",
                    Map.of("agreementStatus", agreement.status.json()));
        }
        Instant now = Timestamps.now(clock);
        agreement.status = AgreementStatus.ENDED;
        agreement.endedAt = now;
        agreement.endReason = command.reason().strip();
        partner.activeAgreementId = null;
        partner.updatedAt = now;
        outbox.publish(EventTypes.AGREEMENT_ENDED, tenantId, partner.id, AgreementMapper.toEnded(agreement));
        return agreement;
    }

    public List<Agreement> list(String tenantId, UUID partnerId) {
        Partner partner = partners.get(tenantId, partnerId);
        return agreements.listForPartner(tenantId, partner.id);
    }

    public Agreement get(String tenantId, UUID partnerId, UUID agreementId) {
        Partner partner = partners.get(tenantId, partnerId);
        return find(tenantId, partner.id, agreementId);
    }

    /** The agreement as asked for, active from now; compensation and who made it are set by the caller. */
    private static Agreement newAgreement(
            Partner partner, AgreementCommands.Create command, LocalDate effectiveFrom, Instant now) {
        Agreement agreement = new Agreement();
        agreement.id = UUID.randomUUID();
        agreement.tenantId = partner.tenantId;
        agreement.partnerId = partner.id;
        agreement.kind = command.kind();
        agreement.direction = command.direction();
        agreement.practiceGives = TextList.cleaned(command.practiceGives());
        agreement.partnerGives = TextList.cleaned(command.partnerGives());
        agreement.effectiveFrom = effectiveFrom;
        agreement.effectiveTo = command.effectiveTo();
        agreement.signedOn = command.signedOn();
        agreement.signedVia = command.signedVia();
        agreement.feeDisclosedToClients = Boolean.TRUE.equals(command.feeDisclosedToClients());
        agreement.status = AgreementStatus.ACTIVE;
        agreement.createdAt = now;
        return agreement;
    }

    /** Scaled as stored, so that the answer to this request reads like every later one ("15.00", not "15"). */
    private static void setCompensation(Agreement agreement, CompensationTerms compensation) {
        agreement.compensationType = compensation.type();
        agreement.compensationPercent =
                compensation.percent() == null ? null : compensation.percent().setScale(2, RoundingMode.UNNECESSARY);
        if (compensation.flatFee() != null) {
            agreement.flatFeeAmount = compensation.flatFee().amount().setScale(4, RoundingMode.UNNECESSARY);
            agreement.flatFeeCurrency = compensation.flatFee().currency();
        }
    }

    /** Stores the agreement as the partner's active one, superseding the one active until now. */
    private void activate(Partner partner, Agreement agreement, Instant now) {
        UUID supersedes = agreements
                .findActive(partner.tenantId, partner.id)
                .map(previous -> supersede(previous, agreement.id, now))
                .orElse(null);
        agreements.persist(agreement);
        outbox.publish(
                EventTypes.AGREEMENT_ACTIVATED,
                partner.tenantId,
                partner.id,
                AgreementMapper.toActivated(agreement, supersedes));
        partner.activeAgreementId = agreement.id;
        partner.updatedAt = now;
    }

    /** Ends the active agreement in favour of its successor and announces it before the successor is. */
    private UUID supersede(Agreement previous, UUID successor, Instant now) {
        previous.status = AgreementStatus.SUPERSEDED;
        previous.supersededBy = successor;
        previous.endedAt = now;
        previous.endReason = SUPERSEDED;
        // Written now: the one-active-agreement index must see it leave ACTIVE before the successor arrives.
        agreements.flush();
        outbox.publish(
                EventTypes.AGREEMENT_ENDED, previous.tenantId, previous.partnerId, AgreementMapper.toEnded(previous));
        return previous.id;
    }

    private Agreement find(String tenantId, UUID partnerId, UUID agreementId) {
        return agreements
                .findForPartner(tenantId, partnerId, agreementId)
                .orElseThrow(() -> ProblemException.notFound("Agreement", agreementId));
    }

    private static ProblemException complianceAcknowledgementRequired(CompensationTerms compensation) {
        return ProblemException.unprocessable(
                "compliance-acknowledgement-required",
                "Compliance acknowledgement required",
                "Licensing boards restrict or forbid referral fees for some professions (therapists, financial "
                        + "advisors, ...), and this partner's profession is licensed. Check that their board "
                        + "allows " + compensation.type().json() + " and send complianceAcknowledged: true, "
                        + "or choose compensation that does not pay the partner (none or "
                        + "client_discount_percent).");
    }
}
