package io.referrals.partner.service;

import io.referrals.events.EventTypes;
import io.referrals.events.PartnerCategory;
import io.referrals.events.PartnerStage;
import io.referrals.events.campaign.CampaignTrigger;
import io.referrals.partner.entity.AllianceType;
import io.referrals.partner.entity.Campaign;
import io.referrals.partner.entity.CampaignAssignment;
import io.referrals.partner.entity.CampaignAssignmentRepository;
import io.referrals.partner.entity.CampaignAudience;
import io.referrals.partner.entity.CampaignAudienceRepository;
import io.referrals.partner.entity.CampaignRepository;
import io.referrals.partner.entity.CampaignStatus;
import io.referrals.partner.entity.CampaignVariantTerms;
import io.referrals.partner.entity.IntroductionKitRepository;
import io.referrals.partner.entity.PracticeRepository;
import io.referrals.partner.mapping.CampaignMapper;
import io.referrals.platform.outbox.Outbox;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.AdvisoryLocks;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A practice's campaigns: written as drafts, scheduled, started (by the practice or the scheduler at startsAt), ended.
 * Starting assigns each partner of the audience a variant (a hash of the campaign's seed and the partner's id), stores
 * the assignments and announces CampaignStarted and one CampaignAskAssigned per partner, all in one transaction. Every
 * change of a practice's campaigns takes the practice's consumer lock first, so starts, ends and the asks a pleased
 * check-in triggers take turns and the overlap rule sees every assignment made before.
 */
@ApplicationScoped
public class CampaignService {
    static final BigDecimal DEFAULT_DIFFERENCE = new BigDecimal("0.100");
    private static final SecureRandom SEEDS = new SecureRandom();
    private static final DateTimeFormatter CAMPAIGN_ENDS = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final String STARTED_DETAIL = "What a started campaign assigned never changes: its audience, "
            + "variants and weights are frozen once it runs.";

    @Inject
    CampaignRepository campaigns;

    @Inject
    CampaignAssignmentRepository assignments;

    @Inject
    CampaignAudienceRepository audiences;

    @Inject
    PracticeRepository practices;

    @Inject
    IntroductionKitRepository kits;

    @Inject
    PortalSettings portal;

    @Inject
    AdvisoryLocks locks;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional
    public Campaign create(String tenantId, CampaignCommands.Save request, String userId) {
        CampaignRules.check(request);
        Instant now = Timestamps.now(clock);
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.tenantId = tenantId;
        campaign.status = CampaignStatus.DRAFT;
        campaign.seed = newSeed();
        campaign.createdAt = now;
        campaign.createdBy = userId;
        apply(campaign, request, now);
        campaigns.persist(campaign);
        return campaign;
    }

    @Transactional
    public Campaign update(String tenantId, UUID id, CampaignCommands.Save request) {
        Campaign campaign = lock(tenantId, id);
        if (!CampaignLifecycle.editable(campaign.status)) {
            throw started(campaign);
        }
        CampaignRules.check(request);
        Instant now = Timestamps.now(clock);
        if (campaign.status == CampaignStatus.SCHEDULED && !request.startsAt().isAfter(now)) {
            throw startsAtPassed();
        }
        apply(campaign, request, now);
        return campaign;
    }

    @Transactional
    public void delete(String tenantId, UUID id) {
        Campaign campaign = lock(tenantId, id);
        if (campaign.status != CampaignStatus.DRAFT) {
            throw campaign.status.started()
                    ? started(campaign)
                    : ProblemException.conflict(
                            "campaign-not-draft",
                            "Only a draft is deleted",
                            "This campaign is " + campaign.status.json() + "; only a draft can be deleted.",
                            Map.of("campaignStatus", campaign.status.json()));
        }
        campaigns.delete(campaign);
    }

    @Transactional
    public Campaign schedule(String tenantId, UUID id) {
        Campaign campaign = lock(tenantId, id);
        requireTransition(campaign, CampaignStatus.SCHEDULED);
        Instant now = Timestamps.now(clock);
        if (!campaign.startsAt.isAfter(now)) {
            throw startsAtPassed();
        }
        campaign.status = CampaignStatus.SCHEDULED;
        campaign.updatedAt = now;
        return campaign;
    }

    /** Calls a scheduled campaign off: a draft again, to edit, schedule later or delete. */
    @Transactional
    public Campaign unschedule(String tenantId, UUID id) {
        Campaign campaign = lock(tenantId, id);
        requireTransition(campaign, CampaignStatus.DRAFT);
        campaign.status = CampaignStatus.DRAFT;
        campaign.updatedAt = Timestamps.now(clock);
        return campaign;
    }

    /** Starts the campaign now: a startsAt still ahead becomes now. */
    @Transactional
    public Campaign start(String tenantId, UUID id) {
        Campaign campaign = lock(tenantId, id);
        requireTransition(campaign, CampaignStatus.RUNNING);
        Instant now = Timestamps.now(clock);
        if (!campaign.endsAt.isAfter(now)) {
            throw ProblemException.unprocessable(
                    "campaign-window-over",
                    "The campaign's window is over",
                    "endsAt has passed; move it before starting the campaign.");
        }
        startLocked(campaign, now);
        return campaign;
    }

    @Transactional
    public Campaign end(String tenantId, UUID id) {
        Campaign campaign = lock(tenantId, id);
        requireTransition(campaign, CampaignStatus.ENDED);
        endLocked(campaign, Timestamps.now(clock));
        return campaign;
    }

    /**
     * Starts the next scheduled campaign (of any practice) whose start has come; false when there is none. For the
     * scheduler, in its own transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean startNextDue() {
        Instant now = Timestamps.now(clock);
        Optional<Campaign> due = campaigns.nextDueToStart(now);
        if (due.isEmpty()) {
            return false;
        }
        Campaign campaign = lock(due.get().tenantId, due.get().id);
        if (campaign.status == CampaignStatus.SCHEDULED) {
            startLocked(campaign, now);
        }
        return true;
    }

    /** Ends the next running campaign (of any practice) whose end has passed, at its end; false when there is none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean endNextDue() {
        Instant now = Timestamps.now(clock);
        Optional<Campaign> due = campaigns.nextDueToEnd(now);
        if (due.isEmpty()) {
            return false;
        }
        Campaign campaign = lock(due.get().tenantId, due.get().id);
        if (campaign.status == CampaignStatus.RUNNING) {
            endLocked(campaign, now);
        }
        return true;
    }

    public CampaignReads.Entry get(String tenantId, UUID id) {
        Campaign campaign = find(tenantId, id);
        return new CampaignReads.Entry(
                campaign, assignments.countsFor(List.of(id)).getOrDefault(id, 0L));
    }

    public Page<CampaignReads.Entry> list(String tenantId, CampaignStatus status, Paging paging) {
        Page<Campaign> page = campaigns.list(tenantId, status, paging);
        Map<UUID, Long> counts =
                assignments.countsFor(page.items().stream().map(c -> c.id).toList());
        return page.map(c -> new CampaignReads.Entry(c, counts.getOrDefault(c.id, 0L)));
    }

    /**
     * A saved campaign's audience: who was assigned, with their variant, once it started; who would be asked if it
     * started now before.
     */
    public CampaignReads.Audience audience(String tenantId, UUID id, Paging paging) {
        Campaign campaign = find(tenantId, id);
        if (campaign.status.started()) {
            Page<CampaignAssignmentRepository.AssignedPartner> assigned =
                    assignments.assignedPartners(tenantId, id, paging);
            return new CampaignReads.Audience(
                    assigned.total(),
                    List.of(),
                    assigned.items().stream()
                            .map(a -> new CampaignReads.AudiencePartner(
                                    a.partnerId(),
                                    a.name(),
                                    PartnerCategory.valueOf(a.category()),
                                    PartnerStage.valueOf(a.stage()),
                                    a.fitScore(),
                                    a.lastReferralAt(),
                                    a.variant()))
                            .toList(),
                    paging.page(),
                    paging.size());
        }
        Instant now = Timestamps.now(clock);
        Instant startsAt = campaign.startsAt.isAfter(now) ? campaign.startsAt : now;
        return listing(audiences.members(tenantId, campaign.audience(), id, startsAt, campaign.endsAt, null), paging);
    }

    /**
     * The audience a campaign not saved yet would have in the window [{@code startsAt}, {@code endsAt}) (defaults:
     * from now, open-ended), for the create flow.
     */
    public CampaignReads.Audience previewAudience(
            String tenantId, CampaignCommands.Audience audience, Instant startsAt, Instant endsAt, Paging paging) {
        CampaignRules.checkAudience(audience);
        Instant from = startsAt == null ? Timestamps.now(clock) : startsAt;
        if (endsAt != null && !endsAt.isAfter(from)) {
            throw ProblemException.unprocessable(
                    "campaign-window", "Campaign window is empty", "endsAt must be after startsAt.");
        }
        return listing(audiences.members(tenantId, audienceOf(audience), null, from, endsAt, null), paging);
    }

    /**
     * The variant's ask rendered for the first partner of the campaign's audience (for a started campaign, the first
     * it assigned that variant), or with example values when there is none. The link is an example, never a real one.
     */
    public CampaignReads.AskPreview askPreview(String tenantId, UUID id, String variantKey) {
        Campaign campaign = find(tenantId, id);
        CampaignVariantTerms variant = variantKey == null
                ? campaign.variants.get(0)
                : campaign.variants.stream()
                        .filter(v -> v.key.equals(variantKey))
                        .findFirst()
                        .orElseThrow(() -> ProblemException.invalidField(
                                "variant",
                                "no variant " + variantKey + " in this campaign; its variants are "
                                        + String.join(
                                                ", ",
                                                campaign.variants.stream()
                                                        .map(v -> v.key)
                                                        .toList())));
        Optional<Sample> sample = sample(campaign, variant.key);
        String practiceName = Optional.ofNullable(kits.kitOf(tenantId).practiceName)
                .filter(name -> !name.isBlank())
                .orElse("Your practice");
        ZoneId zone = ZoneId.of(practices.profileOf(tenantId).timeZone);
        String partnerName = sample.map(Sample::name).orElse("Alex Example");
        Map<String, String> values = Map.of(
                "{partnerFirstName}",
                partnerName.strip().split("\\s+")[0],
                "{partnerName}",
                partnerName,
                "{practiceName}",
                practiceName,
                CampaignPlaceholders.CAMPAIGN_LINK,
                exampleLink(),
                "{incentive}",
                variant.hasIncentive() ? variant.incentiveDescription : "",
                "{campaignEnds}",
                CAMPAIGN_ENDS.format(campaign.endsAt.atZone(zone)));
        return new CampaignReads.AskPreview(
                variant.key,
                CampaignPlaceholders.render(variant.askSubject, values),
                CampaignPlaceholders.render(variant.askBody, values),
                sample.map(Sample::partnerId).orElse(null));
    }

    private record Sample(UUID partnerId, String name) {}

    private Optional<Sample> sample(Campaign campaign, String variantKey) {
        if (campaign.status.started()) {
            return assignments.assignedPartners(campaign.tenantId, campaign.id, new Paging(0, 200)).items().stream()
                    .filter(a -> a.variant().equals(variantKey))
                    .findFirst()
                    .map(a -> new Sample(a.partnerId(), a.name()));
        }
        Instant now = Timestamps.now(clock);
        return audiences
                .members(campaign.tenantId, campaign.audience(), campaign.id, now, campaign.endsAt, null)
                .stream()
                .filter(m -> !m.excluded())
                .findFirst()
                .map(m -> new Sample(m.partnerId(), m.name()));
    }

    private String exampleLink() {
        String base = portal.baseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/refer/#example";
    }

    /** The weights a partner's variant is drawn by, in the campaign's order. */
    static List<VariantAssignment.Weighted> weights(Campaign campaign) {
        return campaign.variants.stream()
                .map(v -> new VariantAssignment.Weighted(v.key, v.weight))
                .toList();
    }

    private void startLocked(Campaign campaign, Instant now) {
        if (campaign.startsAt.isAfter(now)) {
            campaign.startsAt = now;
        }
        campaign.status = CampaignStatus.RUNNING;
        campaign.startedAt = now;
        campaign.updatedAt = now;
        outbox.publish(EventTypes.CAMPAIGN_STARTED, campaign.tenantId, campaign.id, CampaignMapper.toStarted(campaign));
        if (campaign.trigger != CampaignTrigger.START) {
            return; // a triggered campaign asks each partner when their referral's pleased check-in says so
        }
        List<VariantAssignment.Weighted> weights = weights(campaign);
        List<CampaignAssignment> made = new ArrayList<>();
        audiences
                .members(campaign.tenantId, campaign.audience(), campaign.id, campaign.startsAt, campaign.endsAt, null)
                .stream()
                .filter(member -> !member.excluded())
                .forEach(member -> made.add(new CampaignAssignment(
                        campaign.tenantId,
                        campaign.id,
                        member.partnerId(),
                        VariantAssignment.variantFor(campaign.seed, member.partnerId(), weights),
                        now,
                        null)));
        assignments.insertAll(made);
        for (CampaignAssignment assignment : made) {
            outbox.publish(
                    EventTypes.CAMPAIGN_ASK_ASSIGNED,
                    campaign.tenantId,
                    campaign.id,
                    CampaignMapper.toAskAssigned(assignment));
        }
    }

    private void endLocked(Campaign campaign, Instant now) {
        campaign.status = CampaignStatus.ENDED;
        // Ended by the scheduler after its end: it ended at its end, not when the scheduler came round.
        campaign.endedAt = campaign.endsAt.isBefore(now) ? campaign.endsAt : now;
        campaign.updatedAt = now;
        outbox.publish(EventTypes.CAMPAIGN_ENDED, campaign.tenantId, campaign.id, CampaignMapper.toEnded(campaign));
    }

    private CampaignReads.Audience listing(List<CampaignAudienceRepository.Member> members, Paging paging) {
        List<CampaignReads.Excluded> excluded = members.stream()
                .filter(CampaignAudienceRepository.Member::excluded)
                .map(m -> new CampaignReads.Excluded(
                        m.partnerId(),
                        m.name(),
                        CampaignReads.Excluded.IN_CAMPAIGN,
                        m.inCampaignId(),
                        m.inCampaignName()))
                .toList();
        List<CampaignAudienceRepository.Member> included =
                members.stream().filter(m -> !m.excluded()).toList();
        int from = (int) Math.min(included.size(), paging.offset());
        int to = Math.min(included.size(), from + paging.size());
        return new CampaignReads.Audience(
                included.size(),
                excluded,
                included.subList(from, to).stream()
                        .map(m -> new CampaignReads.AudiencePartner(
                                m.partnerId(),
                                m.name(),
                                PartnerCategory.valueOf(m.category()),
                                PartnerStage.valueOf(m.stage()),
                                m.fitScore(),
                                m.lastReferralAt(),
                                null))
                        .toList(),
                paging.page(),
                paging.size());
    }

    private static void apply(Campaign campaign, CampaignCommands.Save request, Instant now) {
        campaign.name = request.name().strip();
        campaign.startsAt = Timestamps.stored(request.startsAt());
        campaign.endsAt = Timestamps.stored(request.endsAt());
        campaign.trigger = request.trigger();
        campaign.goal = request.goal();
        campaign.autoSend = Boolean.TRUE.equals(request.autoSend());
        campaign.setAudience(audienceOf(request.audience()));
        campaign.differenceWorthKnowing = (request.differenceWorthKnowing() == null
                        ? DEFAULT_DIFFERENCE
                        : request.differenceWorthKnowing())
                .setScale(3, RoundingMode.UNNECESSARY);
        campaign.variants.clear();
        request.variants().forEach(v -> campaign.variants.add(variantOf(v)));
        campaign.updatedAt = now;
    }

    static CampaignAudience audienceOf(CampaignCommands.Audience audience) {
        return new CampaignAudience(
                names(audience.categories()),
                audience.allianceTypes() == null ? List.of() : AllianceType.names(audience.allianceTypes()),
                names(audience.stages()),
                Timestamps.stored(audience.lastReferralBefore()),
                Timestamps.stored(audience.lastReferralAfter()),
                audience.fitAtLeast(),
                audience.neverReferred(),
                audience.partnerIds() == null
                        ? null
                        : audience.partnerIds().stream().distinct().toList());
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values == null
                ? List.of()
                : values.stream().map(Enum::name).distinct().toList();
    }

    private static CampaignVariantTerms variantOf(CampaignCommands.Variant v) {
        CampaignVariantTerms terms = new CampaignVariantTerms();
        terms.key = v.key();
        terms.name = v.name().strip();
        terms.weight = v.weight();
        terms.askSubject = v.askSubject().strip();
        terms.askBody = v.askBody();
        if (v.incentive() != null) {
            terms.incentiveType = v.incentive().type();
            terms.incentiveAmount = v.incentive().value().amount().setScale(4, RoundingMode.UNNECESSARY);
            terms.incentiveCurrency = v.incentive().value().currency();
            terms.incentiveDescription = v.incentive().description().strip();
            terms.incentiveEarnedOn = v.incentive().earnedOn();
        }
        return terms;
    }

    /** 32 random bytes, drawn once per campaign. */
    private static byte[] newSeed() {
        byte[] seed = new byte[32];
        SEEDS.nextBytes(seed);
        return seed;
    }

    public static String hex(byte[] seed) {
        return HexFormat.of().formatHex(seed);
    }

    /** The campaign, locked, after the practice's consumer lock: changes to a practice's campaigns take turns. */
    private Campaign lock(String tenantId, UUID id) {
        locks.lockPractices(List.of(tenantId));
        return campaigns.findInTenantForUpdate(tenantId, id).orElseThrow(() -> notFound(id));
    }

    private Campaign find(String tenantId, UUID id) {
        return campaigns.findInTenant(tenantId, id).orElseThrow(() -> notFound(id));
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Campaign", id);
    }

    private static void requireTransition(Campaign campaign, CampaignStatus to) {
        if (!CampaignLifecycle.allows(campaign.status, to)) {
            throw ProblemException.conflict(
                    "campaign-status",
                    "Campaign cannot become " + to.json(),
                    "This campaign is " + campaign.status.json() + "; it cannot become " + to.json() + ".",
                    Map.of(
                            "campaignStatus",
                            campaign.status.json(),
                            "allowed",
                            CampaignLifecycle.allowedFrom(campaign.status).stream()
                                    .map(CampaignStatus::json)
                                    .toList()));
        }
    }

    private static ProblemException started(Campaign campaign) {
        return new ProblemException(Problem.of(409, "campaign-started", "Campaign has started", STARTED_DETAIL)
                .withExtensions(Map.of("campaignStatus", campaign.status.json())));
    }

    private static ProblemException startsAtPassed() {
        return ProblemException.unprocessable(
                "campaign-starts-at-passed",
                "startsAt has passed",
                "A scheduled campaign starts in the future: move startsAt, or start the campaign now "
                        + "(POST /api/campaigns/{id}/start).");
    }
}
