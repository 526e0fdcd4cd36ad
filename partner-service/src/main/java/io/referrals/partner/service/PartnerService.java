package io.referrals.partner.service;

import io.referrals.events.EventTypes;
import io.referrals.events.PartnerStage;
import io.referrals.events.partner.PartnerArchived;
import io.referrals.events.partner.PartnerStageChanged;
import io.referrals.partner.entity.Partner;
import io.referrals.partner.entity.PartnerRepository;
import io.referrals.partner.entity.Practice;
import io.referrals.partner.entity.StageChange;
import io.referrals.partner.mapping.PartnerMapper;
import io.referrals.partner.rest.PartnerFilter;
import io.referrals.partner.rest.PartnerRequests;
import io.referrals.platform.outbox.Outbox;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.ProblemException;
import io.referrals.platform.page.Page;
import io.referrals.platform.rest.PageRequest;
import io.referrals.platform.text.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/** Partner records of one practice; each change and its events commit together. */
@ApplicationScoped
public class PartnerService {

    @Inject
    PartnerRepository partners;

    @Inject
    Outbox outbox;

    @Transactional
    public Partner create(String tenantId, PartnerRequests.Create request, String userId) {
        String email = Text.blankToNull(request.email());
        rejectDuplicateEmail(tenantId, email, null);
        PartnerStage stage = request.stage() == null ? PartnerStage.IDENTIFIED : request.stage();
        if (!PartnerLifecycle.isActive(stage)) {
            throw ProblemException.invalidField("stage", "a new partner starts in an active stage");
        }
        Partner partner = newPartner(tenantId, request, stage);
        return persistNew(partner, null, userId);
    }

    /** A partner built from a create request, not yet stored: {@link #persistNew} stores and announces it. */
    static Partner newPartner(String tenantId, PartnerRequests.Create request, PartnerStage stage) {
        Instant now = Timestamps.now();
        Partner partner = new Partner();
        partner.id = UUID.randomUUID();
        partner.tenantId = tenantId;
        partner.name = request.name().strip();
        partner.email = Text.blankToNull(request.email());
        partner.category = request.category();
        partner.organization = Text.blankToNull(request.organization());
        partner.role = Text.blankToNull(request.role());
        partner.licensed = Boolean.TRUE.equals(request.licensed());
        partner.phone = Text.blankToNull(request.phone());
        partner.website = Text.blankToNull(request.website());
        partner.notes = Text.blankToNull(request.notes());
        partner.tags = cleaned(request.tags());
        partner.niches = cleaned(request.niches());
        partner.allianceTypes = request.allianceTypes() == null ? new ArrayList<>()
                : new ArrayList<>(PartnerMapper.names(request.allianceTypes()));
        partner.owner = Text.blankToNull(request.owner());
        partner.checkInCadenceDays = request.checkInCadenceDays();
        partner.stage = stage;
        partner.createdAt = now;
        partner.updatedAt = now;
        return partner;
    }

    /** Stores a new partner with its first history entry, fit and check-in date, and announces it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Partner persistNew(Partner partner, String note, String userId) {
        Practice practice = Practice.of(partner.tenantId);
        refreshDerived(partner, practice);
        partners.persist(partner);
        recordStage(partner, null, partner.stage, note, null, userId);
        outbox.publish(EventTypes.PARTNER_CREATED, partner.tenantId, partner.id, PartnerMapper.toCreated(partner));
        return partner;
    }

    @Transactional
    public Partner update(String tenantId, UUID id, PartnerRequests.Update request) {
        Partner partner = get(tenantId, id);
        rejectArchived(partner);
        String email = request.email() == null ? partner.email : Text.blankToNull(request.email());
        if (email != null && !email.equalsIgnoreCase(Objects.requireNonNullElse(partner.email, ""))) {
            rejectDuplicateEmail(tenantId, email, id);
        }
        boolean announced = !Objects.equals(email, partner.email)
                || (request.name() != null && !request.name().strip().equals(partner.name))
                || (request.category() != null && request.category() != partner.category);
        partner.email = email;
        set(request.name(), v -> partner.name = v.strip());
        set(request.category(), v -> partner.category = v);
        set(request.organization(), v -> partner.organization = Text.blankToNull(v));
        set(request.role(), v -> partner.role = Text.blankToNull(v));
        set(request.licensed(), v -> partner.licensed = v);
        set(request.phone(), v -> partner.phone = Text.blankToNull(v));
        set(request.website(), v -> partner.website = Text.blankToNull(v));
        set(request.notes(), v -> partner.notes = Text.blankToNull(v));
        set(request.tags(), v -> partner.tags = cleaned(v));
        set(request.niches(), v -> partner.niches = cleaned(v));
        set(request.allianceTypes(), v -> partner.allianceTypes = new ArrayList<>(PartnerMapper.names(v)));
        set(request.owner(), v -> partner.owner = Text.blankToNull(v));
        set(request.checkInCadenceDays(), v -> partner.checkInCadenceDays = v == 0 ? null : v);
        refreshDerived(partner, Practice.of(tenantId));
        partner.updatedAt = Timestamps.now();
        if (announced) {
            outbox.publish(EventTypes.PARTNER_UPDATED, tenantId, partner.id, PartnerMapper.toUpdated(partner));
        }
        return partner;
    }

    @Transactional
    public Partner transition(String tenantId, UUID id, PartnerRequests.StageTransition request, String userId) {
        Partner partner = get(tenantId, id);
        rejectArchived(partner);
        PartnerStage from = partner.stage;
        if (!PartnerLifecycle.allows(from, request.to())) {
            List<String> allowed = PartnerLifecycle.allowedFrom(from).stream().map(PartnerStage::json).toList();
            throw ProblemException.conflict("illegal-transition", "Stage change not allowed",
                    "A partner cannot move from " + from.json() + " to " + request.to().json() + ".",
                    Map.of("currentStage", from.json(), "allowed", allowed));
        }
        String reason = Text.blankToNull(request.reason());
        if (request.to() == PartnerStage.ENDED && reason == null) {
            throw ProblemException.invalidField("reason", "ending a relationship needs a reason");
        }
        partner.stage = request.to();
        partner.needsReview = false;
        partner.updatedAt = Timestamps.now();
        refreshDerived(partner, Practice.of(tenantId));
        recordStage(partner, from, partner.stage, Text.blankToNull(request.note()), reason, userId);
        outbox.publish(EventTypes.PARTNER_STAGE_CHANGED, tenantId, partner.id,
                new PartnerStageChanged(partner.id, from, partner.stage, reason, partner.updatedAt));
        return partner;
    }

    @Transactional
    public Partner archive(String tenantId, UUID id, boolean archived) {
        Partner partner = get(tenantId, id);
        if (partner.isArchived() == archived) {
            return partner;
        }
        Instant now = Timestamps.now();
        partner.archivedAt = archived ? now : null;
        partner.updatedAt = now;
        outbox.publish(EventTypes.PARTNER_ARCHIVED, tenantId, partner.id, new PartnerArchived(partner.id, archived, now));
        return partner;
    }

    public List<StageChange> history(String tenantId, UUID id) {
        get(tenantId, id);
        return StageChange.history(tenantId, id);
    }

    public Partner get(String tenantId, UUID id) {
        return partners.findInTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("Partner", id));
    }

    public Page<Partner> list(String tenantId, PartnerFilter filter, PageRequest page) {
        return partners.list(tenantId, filter, page);
    }

    public List<Partner> dueForCheckIn(String tenantId, Instant before, int limit) {
        return partners.dueForCheckIn(tenantId, before, limit);
    }

    /** Fit and next check-in follow from the partner and the practice profile; recomputed whenever either changes. */
    public static void refreshDerived(Partner partner, Practice practice) {
        FitScorer.Fit fit = FitScorer.score(practice.niches, partner.niches, partner.category);
        partner.fitScore = fit.score();
        partner.fitReasons = new ArrayList<>(fit.reasons());
        partner.nextCheckInDue = partner.stage == PartnerStage.ENDED ? null : CheckInSchedule.nextDue(partner, practice);
    }

    private void recordStage(Partner partner, PartnerStage from, PartnerStage to, String note, String reason,
            String userId) {
        StageChange change = new StageChange();
        change.id = UUID.randomUUID();
        change.tenantId = partner.tenantId;
        change.partnerId = partner.id;
        change.fromStage = from;
        change.toStage = to;
        change.note = note;
        change.reason = reason;
        change.changedBy = userId;
        change.changedAt = partner.updatedAt;
        change.persist();
    }

    private void rejectDuplicateEmail(String tenantId, String email, UUID self) {
        if (email == null) {
            return;
        }
        partners.findByEmail(tenantId, email).filter(existing -> !existing.id.equals(self)).ifPresent(existing -> {
            throw ProblemException.conflict("duplicate-partner", "Partner already exists",
                    "A partner with email " + email + " already exists in this practice.",
                    Map.of("existingPartnerId", existing.id));
        });
    }

    static void rejectArchived(Partner partner) {
        if (partner.isArchived()) {
            throw new ProblemException(Problem.of(409, "partner-archived", "Partner is archived",
                    "Restore the partner before changing it."));
        }
    }

    private static <T> void set(T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    static List<String> cleaned(List<String> values) {
        return values == null ? new ArrayList<>()
                : new ArrayList<>(values.stream().map(String::strip).filter(v -> !v.isEmpty()).distinct().toList());
    }


}
