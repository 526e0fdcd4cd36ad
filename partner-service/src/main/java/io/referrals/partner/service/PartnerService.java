package io.referrals.partner.service;

import io.referrals.events.EventTypes;
import io.referrals.events.PartnerEditor;
import io.referrals.events.PartnerStage;
import io.referrals.events.partner.PartnerArchived;
import io.referrals.events.partner.PartnerStageChanged;
import io.referrals.partner.entity.Partner;
import io.referrals.partner.entity.PartnerCriteria;
import io.referrals.partner.entity.PartnerRepository;
import io.referrals.partner.entity.PracticeRepository;
import io.referrals.partner.entity.StageChange;
import io.referrals.partner.entity.StageChangeRepository;
import io.referrals.partner.mapping.PartnerMapper;
import io.referrals.platform.outbox.Outbox;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.problem.ProblemException;
import io.referrals.platform.text.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Partner records of one practice; each change and its events commit together. */
@ApplicationScoped
public class PartnerService {

    @Inject
    Partners partners;

    @Inject
    PartnerRepository repository;

    @Inject
    PracticeRepository practices;

    @Inject
    StageChangeRepository stageChanges;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional
    public Partner create(String tenantId, PartnerCommands.Create command, String userId) {
        rejectDuplicateEmail(tenantId, Text.blankToNull(command.email()), null);
        if (!PartnerLifecycle.isActive(command.startingStage())) {
            throw ProblemException.invalidField("stage", "a new partner starts in an active stage");
        }
        return persistNew(command.toPartner(tenantId, Timestamps.now(clock)), null, userId);
    }

    /** Stores a new partner with its first history entry, fit and check-in date, and announces it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Partner persistNew(Partner partner, String note, String userId) {
        partner.refreshDerived(practices.profileOf(partner.tenantId));
        repository.persist(partner);
        stageChanges.record(StageChange.of(partner, null, note, null, userId));
        outbox.publish(EventTypes.PARTNER_CREATED, partner.tenantId, partner.id, PartnerMapper.toCreated(partner));
        return partner;
    }

    @Transactional
    public Partner update(String tenantId, UUID id, PartnerCommands.Update command) {
        return update(tenantId, id, command, PartnerEditor.PRACTICE);
    }

    /**
     * Changes the partner's details and re-scores the fit. The practice's change is announced when a field
     * {@code PartnerUpdated} carries changed; the partner's own change in the portal always is, so the practice learns
     * of it.
     */
    @Transactional
    public Partner update(String tenantId, UUID id, PartnerCommands.Update command, PartnerEditor changedBy) {
        Partner partner = partners.get(tenantId, id);
        partner.rejectIfArchived();
        String email = command.email() == null ? partner.email : Text.blankToNull(command.email());
        if (email != null && !email.equalsIgnoreCase(Objects.requireNonNullElse(partner.email, ""))) {
            rejectDuplicateEmail(tenantId, email, id);
        }
        List<Object> announcedBefore = PartnerMapper.announcedFields(partner);
        command.applyTo(partner);
        partner.refreshDerived(practices.profileOf(tenantId));
        partner.updatedAt = Timestamps.now(clock);
        if (changedBy == PartnerEditor.PARTNER || !announcedBefore.equals(PartnerMapper.announcedFields(partner))) {
            outbox.publish(
                    EventTypes.PARTNER_UPDATED, tenantId, partner.id, PartnerMapper.toUpdated(partner, changedBy));
        }
        return partner;
    }

    @Transactional
    public Partner transition(String tenantId, UUID id, PartnerCommands.StageTransition command, String userId) {
        Partner partner = partners.get(tenantId, id);
        partner.rejectIfArchived();
        PartnerStage from = partner.stage;
        String reason = Text.blankToNull(command.reason());
        checkTransition(from, command.to(), reason);
        partner.stage = command.to();
        partner.needsReview = false;
        partner.updatedAt = Timestamps.now(clock);
        partner.refreshDerived(practices.profileOf(tenantId));
        stageChanges.record(StageChange.of(partner, from, Text.blankToNull(command.note()), reason, userId));
        outbox.publish(
                EventTypes.PARTNER_STAGE_CHANGED,
                tenantId,
                partner.id,
                new PartnerStageChanged(partner.id, from, partner.stage, reason, partner.updatedAt));
        return partner;
    }

    @Transactional
    public Partner archive(String tenantId, UUID id, boolean archived) {
        Partner partner = partners.get(tenantId, id);
        if (partner.isArchived() == archived) {
            return partner;
        }
        Instant now = Timestamps.now(clock);
        partner.archivedAt = archived ? now : null;
        partner.updatedAt = now;
        outbox.publish(
                EventTypes.PARTNER_ARCHIVED, tenantId, partner.id, new PartnerArchived(partner.id, archived, now));
        return partner;
    }

    public List<StageChange> history(String tenantId, UUID id) {
        partners.get(tenantId, id);
        return stageChanges.history(tenantId, id);
    }

    public Partner get(String tenantId, UUID id) {
        return partners.get(tenantId, id);
    }

    public Page<Partner> list(String tenantId, PartnerCriteria criteria, Paging paging) {
        return repository.list(tenantId, criteria, paging);
    }

    /** Active partners whose next check-in falls before {@code before} (now when not given), most overdue first. */
    public List<Partner> dueForCheckIn(String tenantId, Instant before, int limit) {
        return repository.dueForCheckIn(tenantId, before == null ? clock.instant() : before, limit);
    }

    private static void checkTransition(PartnerStage from, PartnerStage to, String reason) {
        if (!PartnerLifecycle.allows(from, to)) {
            List<String> allowed = PartnerLifecycle.allowedFrom(from).stream()
                    .map(PartnerStage::json)
                    .toList();
            throw ProblemException.conflict(
                    "illegal-transition",
                    "Stage change not allowed",
                    "A partner cannot move from " + from.json() + " to " + to.json() + ".",
                    Map.of("currentStage", from.json(), "allowed", allowed));
        }
        if (to == PartnerStage.ENDED && reason == null) {
            throw ProblemException.invalidField("reason", "ending a relationship needs a reason");
        }
    }

    private void rejectDuplicateEmail(String tenantId, String email, UUID self) {
        if (email == null) {
            return;
        }
        repository
                .findByEmail(tenantId, email)
                .filter(existing -> !existing.id.equals(self))
                .ifPresent(existing -> {
                    throw ProblemException.conflict(
                            "duplicate-partner",
                            "Partner already exists",
                            "A partner with email " + email + " already exists in this practice.",
                            Map.of("existingPartnerId", existing.id));
                });
    }
}
