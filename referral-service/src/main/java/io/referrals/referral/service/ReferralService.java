package io.referrals.referral.service;

import io.referrals.events.Consent;
import io.referrals.events.EventTypes;
import io.referrals.events.ReferralChannel;
import io.referrals.events.ReferralStatus;
import io.referrals.events.campaign.ReferralPleasedCheckInAnswered;
import io.referrals.platform.outbox.Outbox;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.ProblemException;
import io.referrals.platform.text.Text;
import io.referrals.referral.entity.ConsentChange;
import io.referrals.referral.entity.ConsentChangeRepository;
import io.referrals.referral.entity.IntakeLink;
import io.referrals.referral.entity.KnownPartner;
import io.referrals.referral.entity.Referral;
import io.referrals.referral.entity.ReferralQuery;
import io.referrals.referral.entity.ReferralRepository;
import io.referrals.referral.entity.ReferralSettings;
import io.referrals.referral.entity.StatusChange;
import io.referrals.referral.entity.StatusChangeRepository;
import io.referrals.referral.mapping.ReferralMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Inbound referrals of one practice; each change and its event commit together. */
@ApplicationScoped
public class ReferralService {
    /** A referral naming the same email or phone as one received this recently is flagged as a possible duplicate. */
    static final Duration DUPLICATE_WINDOW = Duration.ofDays(30);

    @Inject
    ReferralRepository referrals;

    @Inject
    StatusChangeRepository statusChanges;

    @Inject
    ConsentChangeRepository consentChanges;

    @Inject
    PartnerDirectory partners;

    @Inject
    Outbox outbox;

    @Inject
    RewardService rewards;

    @Inject
    Clock clock;

    @Inject
    CampaignService campaigns;

    @Inject
    BookingCodeDraws bookingCodes;

    @Transactional(Transactional.TxType.MANDATORY)
    public Referral receive(String tenantId, ReferralCommands.Receive request, ReferralChannel channel) {
        return receive(tenantId, request, channel, null);
    }

    /**
     * Records the referral and announces it; {@code through} is the intake link it was posted through (null for the
     * API and the portal), which may be a campaign link. A referral that counts for a campaign is announced as such
     * right after its receipt, in the same transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Referral receive(
            String tenantId, ReferralCommands.Receive request, ReferralChannel channel, IntakeLink through) {
        return record(tenantId, request, channel, through).referral();
    }

    /** A referral just recorded and its booking link (null while the practice has no active booking integration). */
    public record Received(Referral referral, String bookingLink) {}

    /**
     * {@link #receive}, answering the booking link too (it is in the ReferralReceived event already), so that the
     * answer's view need not read the practice's integration again.
     *
     * <p>The booking code is drawn without asking whether the practice has it already: the unique index
     * {@code referral_booking_code} says so at commit, and {@link RetriesBookingCodeCollision} runs the request again
     * with a new draw (about 50 bits: a collision all but never happens).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Received record(
            String tenantId, ReferralCommands.Receive request, ReferralChannel channel, IntakeLink through) {
        requireContactAndOneReferrer(request);
        KnownPartner partner;
        Referral.Attribution attribution = Referral.Attribution.VERIFIED;
        boolean partnerFromRequest = request.partnerId() != null;
        if (partnerFromRequest) {
            partner = partners.requireKnown(tenantId, request.partnerId());
        } else {
            PartnerDirectory.Source source = partners.sourceOf(tenantId, request.referrer());
            partner = source.partner();
            // Anyone holding a public link can name any email: a match is only a claim until the practice confirms.
            if (source.matchedByEmail() && channel == ReferralChannel.INTAKE_LINK) {
                attribution = Referral.Attribution.UNVERIFIED;
            }
        }
        Instant now = Timestamps.now(clock);
        ReferralCommands.ReferredPerson person = request.referred();
        String email = Text.blankToNull(person.email());
        String phone = Text.blankToNull(person.phone());
        // Settings, booking integration, duplicate check and the partner's campaign asks: one round trip.
        ReferralRepository.IntakeContext context = referrals.intakeContext(
                tenantId, partner.key.partnerId(), email, digitsOf(phone), now.minus(DUPLICATE_WINDOW), now);
        Referral referral = newReferral(tenantId, partner, request, now, context);
        referral.channel = channel;
        referral.attribution = attribution;
        referrals.persist(referral);
        statusChanges.record(StatusChange.of(referral, null, null, referral.receivedAt));
        consentChanges.record(ConsentChange.of(referral, null, referral.receivedAt));
        String bookingLink = context.bookingProvider() == null
                ? null
                : BookingLinks.link(context.bookingProvider(), context.bookingPageUrl(), referral.bookingCode);
        outbox.publish(
                EventTypes.REFERRAL_RECEIVED, tenantId, referral.id, ReferralMapper.toReceived(referral, bookingLink));
        // A partner no ask reached cannot be attributed to a campaign but through its link.
        campaigns.attribute(referral, through, context.partnerAsked());
        return new Received(referral, bookingLink);
    }

    private static void requireContactAndOneReferrer(ReferralCommands.Receive request) {
        ReferralCommands.ReferredPerson person = request.referred();
        if (isBlank(person.email()) && isBlank(person.phone())) {
            throw ProblemException.invalidField("referred", "give an email or a phone number");
        }
        if ((request.partnerId() == null) == (request.referrer() == null)) {
            throw ProblemException.invalidField("partnerId", "give either partnerId or referrer, not both or neither");
        }
    }

    private Referral newReferral(
            String tenantId,
            KnownPartner partner,
            ReferralCommands.Receive request,
            Instant now,
            ReferralRepository.IntakeContext context) {
        ReferralCommands.ReferredPerson person = request.referred();
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.tenantId = tenantId;
        referral.partnerId = partner.key.partnerId();
        referral.referrerName = partner.name;
        referral.referrerEmail = partner.email;
        referral.referredName = person.name().strip();
        referral.referredEmail = Text.blankToNull(person.email());
        referral.referredPhone = Text.blankToNull(person.phone());
        referral.note = Text.blankToNull(request.note());
        referral.consent = request.consent() == null ? Consent.NONE : request.consent();
        referral.status = ReferralStatus.RECEIVED;
        referral.receivedAt = now;
        referral.updatedAt = now;
        referral.possibleDuplicateOf = context.possibleDuplicateOf();
        int firstContactHours = context.firstContactHours() == null
                ? ReferralSettings.DEFAULT_FIRST_CONTACT_HOURS
                : context.firstContactHours();
        referral.firstContactDueAt = now.plus(firstContactHours, ChronoUnit.HOURS);
        referral.bookingCode = bookingCodes.next();
        return referral;
    }

    /** The conversion shortcut: the same as a change to converted, without a note. */
    @Transactional
    public Referral convert(String tenantId, UUID id, ReferralCommands.Convert request) {
        return changeStatus(
                tenantId,
                id,
                new ReferralCommands.ChangeStatus(
                        ReferralStatus.CONVERTED, null, request.programValue(), request.currency()));
    }

    /**
     * Moves a referral along {@link ReferralLifecycle}, dates the step and announces it: ReferralStatusChanged
     * always, then ReferralConverted or ReferralClosed when it ends there; all in one transaction.
     */
    @Transactional
    public Referral changeStatus(String tenantId, UUID id, ReferralCommands.ChangeStatus request) {
        Referral referral = get(tenantId, id);
        requireAllowed(referral.status, request.status());
        requireProgramValueExactlyWhenConverting(request);
        move(referral, request);
        return referral;
    }

    /**
     * The same step for a booking made in the practice's scheduling tool (issue 30): the same lifecycle check,
     * StatusChange (its note says which tool: {@code booking:calcom}) and events as the practice's own change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void moveByBooking(Referral referral, ReferralStatus to, String note) {
        move(referral, new ReferralCommands.ChangeStatus(to, note, null, null));
    }

    private void move(Referral referral, ReferralCommands.ChangeStatus request) {
        ReferralStatus from = referral.status;
        requireAllowed(from, request.status());
        Instant now = Timestamps.now(clock);
        moveTo(referral, request, now);
        statusChanges.record(StatusChange.of(referral, from, Text.blankToNull(request.note()), now));
        announceStatusChange(referral, from, now);
    }

    private static void requireAllowed(ReferralStatus from, ReferralStatus to) {
        if (ReferralLifecycle.allows(from, to)) {
            return;
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("currentStatus", from.json());
        extensions.put(
                "allowed",
                ReferralLifecycle.allowedFrom(from).stream()
                        .map(ReferralStatus::json)
                        .toList());
        throw ProblemException.conflict(
                "illegal-transition",
                "Illegal status change",
                "A referral that is " + from.json() + " cannot become " + to.json() + ".",
                extensions);
    }

    /** A conversion needs its program value and currency; any other status takes neither. */
    private static void requireProgramValueExactlyWhenConverting(ReferralCommands.ChangeStatus request) {
        if (request.status() != ReferralStatus.CONVERTED) {
            if (request.programValue() != null || request.currency() != null) {
                throw ProblemException.invalidField(
                        request.programValue() != null ? "programValue" : "currency",
                        "only a conversion takes a program value");
            }
            return;
        }
        List<Problem.FieldError> missing = new ArrayList<>();
        if (request.programValue() == null) {
            missing.add(new Problem.FieldError("programValue", "is required to convert"));
        }
        if (request.currency() == null) {
            missing.add(new Problem.FieldError("currency", "is required to convert"));
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalidFields(missing);
        }
    }

    private static void moveTo(Referral referral, ReferralCommands.ChangeStatus request, Instant now) {
        if (referral.status == ReferralStatus.RECEIVED && referral.firstContactedAt == null) {
            referral.firstContactedAt = now;
        }
        referral.status = request.status();
        referral.updatedAt = now;
        if (request.status() == ReferralStatus.CONVERTED) {
            referral.programValue = request.programValue();
            referral.currency = request.currency();
            referral.convertedAt = now;
        }
    }

    private void announceStatusChange(Referral referral, ReferralStatus from, Instant now) {
        outbox.publish(
                EventTypes.REFERRAL_STATUS_CHANGED,
                referral.tenantId,
                referral.id,
                ReferralMapper.toStatusChanged(referral, from, now));
        if (referral.status == ReferralStatus.CONVERTED) {
            outbox.publish(
                    EventTypes.REFERRAL_CONVERTED,
                    referral.tenantId,
                    referral.id,
                    ReferralMapper.toConverted(referral));
        } else if (ReferralLifecycle.isClosedWithoutConversion(referral.status)) {
            outbox.publish(
                    EventTypes.REFERRAL_CLOSED, referral.tenantId, referral.id, ReferralMapper.toClosed(referral, now));
        }
    }

    /**
     * Records what the referred person now allows and announces it (ReferralConsentChanged) in the same transaction,
     * so that a message drafted under a wider consent is re-rendered or withdrawn before it is sent.
     */
    @Transactional
    public Referral changeConsent(String tenantId, UUID id, ReferralCommands.ChangeConsent request) {
        Referral referral = get(tenantId, id);
        Instant now = Timestamps.now(clock);
        Consent from = referral.consent;
        referral.consent = request.consent();
        referral.updatedAt = now;
        consentChanges.record(ConsentChange.of(referral, Text.blankToNull(request.note()), now));
        outbox.publish(
                EventTypes.REFERRAL_CONSENT_CHANGED,
                tenantId,
                referral.id,
                ReferralMapper.toConsentChanged(referral, from, now));
        return referral;
    }

    /**
     * The practice's decision on an unverified attribution: confirmed (ReferralAttributed: the partner is credited
     * from now on, and a fee is owed under the partner's agreement, also for a conversion already recorded) or
     * rejected (never a fee, nobody credited). Decided once: another decision is a 409.
     */
    @Transactional
    public Referral decideAttribution(String tenantId, UUID id, ReferralCommands.DecideAttribution request) {
        Referral referral = get(tenantId, id);
        if (referral.attribution != Referral.Attribution.UNVERIFIED) {
            throw ProblemException.conflict(
                    "attribution-decided",
                    "Attribution already decided",
                    "Only an unverified attribution can be confirmed or rejected; this one is "
                            + referral.attribution.json() + ".",
                    Map.of("attribution", referral.attribution.json()));
        }
        referral.attribution = request.decision() == ReferralCommands.AttributionDecision.CONFIRMED
                ? Referral.Attribution.CONFIRMED
                : Referral.Attribution.REJECTED;
        referral.updatedAt = Timestamps.now(clock);
        if (referral.attribution.earnsFees()) {
            // Announced before any fee it settles, on the referral's key: consumers credit the partner from here on.
            outbox.publish(
                    EventTypes.REFERRAL_ATTRIBUTED,
                    tenantId,
                    referral.id,
                    ReferralMapper.toAttributed(referral, referral.updatedAt));
            rewards.settleConfirmedAttribution(referral);
            // Now the partner is credited, an asked partner's referral inside a campaign's window counts for it.
            campaigns.attribute(referral, null);
        }
        return referral;
    }

    /**
     * The practice's answer to a converted referral's pleased check-in: was the person the partner referred pleased?
     * Only a converted referral with a credited partner has one (else a 409); a second answer replaces the first and
     * is announced again (ReferralPleasedCheckInAnswered: a pleased answer may trigger a campaign's ask, at most once
     * per referral, which partner-service keys on the referral).
     */
    @Transactional
    public Referral answerPleasedCheckIn(String tenantId, UUID id, ReferralCommands.PleasedCheckIn request) {
        Referral referral = get(tenantId, id);
        if (referral.status != ReferralStatus.CONVERTED || !referral.attribution.earnsFees()) {
            throw ProblemException.conflict(
                    "no-pleased-check-in",
                    "No pleased check-in for this referral",
                    "Only a converted referral credited to a partner has a pleased check-in; this one is "
                            + referral.status.json() + " with attribution " + referral.attribution.json() + ".",
                    Map.of("currentStatus", referral.status.json(), "attribution", referral.attribution.json()));
        }
        Instant now = Timestamps.now(clock);
        referral.pleased = request.pleased();
        referral.pleasedAnsweredAt = now;
        referral.updatedAt = now;
        outbox.publish(
                EventTypes.REFERRAL_PLEASED_CHECK_IN_ANSWERED,
                tenantId,
                referral.id,
                new ReferralPleasedCheckInAnswered(referral.id, referral.partnerId, request.pleased(), now));
        return referral;
    }

    public List<StatusChange> history(String tenantId, UUID id) {
        get(tenantId, id);
        return statusChanges.history(tenantId, id);
    }

    public List<ConsentChange> consentHistory(String tenantId, UUID id) {
        get(tenantId, id);
        return consentChanges.history(tenantId, id);
    }

    public Referral get(String tenantId, UUID id) {
        return referrals.findInTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("Referral", id));
    }

    /** Overdue is judged at the clock's now. */
    public Page<Referral> list(String tenantId, ReferralQuery query, Paging paging) {
        return referrals.list(tenantId, query, clock.instant(), paging);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String digitsOf(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? null : digits;
    }
}
