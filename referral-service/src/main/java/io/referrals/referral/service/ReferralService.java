package io.referrals.referral.service;

import io.referrals.events.Consent;
import io.referrals.events.EventTypes;
import io.referrals.events.PartnerCategory;
import io.referrals.events.ReferralStatus;
import io.referrals.platform.outbox.Outbox;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.ProblemException;
import io.referrals.platform.page.Page;
import io.referrals.platform.rest.PageRequest;
import io.referrals.platform.text.Text;
import io.referrals.referral.entity.ConsentChange;
import io.referrals.referral.entity.KnownPartner;
import io.referrals.referral.entity.KnownPartnerRepository;
import io.referrals.referral.entity.Referral;
import io.referrals.referral.entity.ReferralRepository;
import io.referrals.referral.entity.StatusChange;
import io.referrals.referral.mapping.ReferralMapper;
import io.referrals.referral.rest.ReferralFilter;
import io.referrals.referral.rest.ReferralRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
    KnownPartnerRepository partners;

    @Inject
    Outbox outbox;

    @Inject
    ReferralSettingsService settings;

    @Transactional(Transactional.TxType.MANDATORY)
    public Referral receive(String tenantId, ReferralRequests.Receive request) {
        ReferralRequests.ReferredPerson person = request.referred();
        if (isBlank(person.email()) && isBlank(person.phone())) {
            throw ProblemException.invalidField("referred", "give an email or a phone number");
        }
        if ((request.partnerId() == null) == (request.referrer() == null)) {
            throw ProblemException.invalidField("partnerId", "give either partnerId or referrer, not both or neither");
        }
        Instant now = Timestamps.now();
        KnownPartner partner = request.partnerId() != null ? knownPartner(tenantId, request.partnerId())
                : sourceOf(tenantId, request.referrer());
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
        referral.possibleDuplicateOf = referrals.findRecentDuplicate(tenantId, referral.referredEmail,
                digitsOf(referral.referredPhone), now.minus(DUPLICATE_WINDOW)).orElse(null);
        referral.firstContactDueAt = now.plus(settings.firstContactHours(tenantId), ChronoUnit.HOURS);
        referrals.persist(referral);
        recordStatus(referral, null, null, now);
        recordConsent(referral, null, now);
        outbox.publish(EventTypes.REFERRAL_RECEIVED, tenantId, referral.id, ReferralMapper.toReceived(referral));
        return referral;
    }

    private KnownPartner knownPartner(String tenantId, UUID partnerId) {
        return partners.findInTenant(tenantId, partnerId)
                .orElseThrow(() -> new ProblemException(Problem.of(422, "unknown-partner", "Unknown partner",
                        "No partner " + partnerId + " is known in this practice. A partner created moments "
                                + "ago may take a second to arrive here; retry shortly.")));
    }

    /**
     * The partner a referrer named by name and email stands for: the known one with that email, or a new source
     * whose id is chosen here, so that partner-service records the candidate under the same id and every later
     * referral from the same email joins it. Its copy yields to partner-service's events (changed at the epoch).
     */
    private KnownPartner sourceOf(String tenantId, ReferralRequests.NewReferrer referrer) {
        String email = Text.blankToNull(referrer.email());
        if (email != null) {
            var known = partners.findByEmail(tenantId, email);
            if (known.isPresent()) {
                return known.get();
            }
        }
        KnownPartner source = new KnownPartner();
        source.key = new KnownPartner.Key(tenantId, UUID.randomUUID());
        source.name = referrer.name().strip();
        source.email = email;
        source.category = referrer.category() == null ? PartnerCategory.UNCATEGORIZED : referrer.category();
        source.changedAt = Instant.EPOCH;
        partners.persist(source);
        return source;
    }

    /** The conversion shortcut: the same as a change to converted, without a note. */
    @Transactional
    public Referral convert(String tenantId, UUID id, ReferralRequests.Convert request) {
        return changeStatus(tenantId, id, new ReferralRequests.ChangeStatus(ReferralStatus.CONVERTED, null,
                request.programValue(), request.currency()));
    }

    /**
     * Moves a referral along {@link ReferralLifecycle}, dates the step and announces it: ReferralStatusChanged
     * always, then ReferralConverted or ReferralClosed when it ends there; all in one transaction.
     */
    @Transactional
    public Referral changeStatus(String tenantId, UUID id, ReferralRequests.ChangeStatus request) {
        Referral referral = get(tenantId, id);
        ReferralStatus from = referral.status;
        ReferralStatus to = request.status();
        if (!ReferralLifecycle.allows(from, to)) {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("currentStatus", from.json());
            extensions.put("allowed", ReferralLifecycle.allowedFrom(from).stream().map(ReferralStatus::json).toList());
            throw ProblemException.conflict("illegal-transition", "Illegal status change",
                    "A referral that is " + from.json() + " cannot become " + to.json() + ".", extensions);
        }
        boolean converting = to == ReferralStatus.CONVERTED;
        if (converting && (request.programValue() == null || request.currency() == null)) {
            List<Problem.FieldError> errors = new ArrayList<>();
            if (request.programValue() == null) {
                errors.add(new Problem.FieldError("programValue", "is required to convert"));
            }
            if (request.currency() == null) {
                errors.add(new Problem.FieldError("currency", "is required to convert"));
            }
            throw new ProblemException(Problem.of(400, "validation-failed", "Request is not valid",
                    "One or more fields are invalid.").withErrors(errors));
        }
        if (!converting && (request.programValue() != null || request.currency() != null)) {
            throw ProblemException.invalidField(request.programValue() != null ? "programValue" : "currency",
                    "only a conversion takes a program value");
        }
        Instant now = Timestamps.now();
        referral.status = to;
        referral.updatedAt = now;
        if (from == ReferralStatus.RECEIVED && referral.firstContactedAt == null) {
            referral.firstContactedAt = now;
        }
        if (converting) {
            referral.programValue = request.programValue();
            referral.currency = request.currency();
            referral.convertedAt = now;
        }
        recordStatus(referral, from, Text.blankToNull(request.note()), now);
        outbox.publish(EventTypes.REFERRAL_STATUS_CHANGED, tenantId, referral.id,
                ReferralMapper.toStatusChanged(referral, from, now));
        if (converting) {
            outbox.publish(EventTypes.REFERRAL_CONVERTED, tenantId, referral.id, ReferralMapper.toConverted(referral));
        } else if (ReferralLifecycle.isClosedWithoutConversion(to)) {
            outbox.publish(EventTypes.REFERRAL_CLOSED, tenantId, referral.id, ReferralMapper.toClosed(referral, now));
        }
        return referral;
    }

    /** Records what the referred person now allows; the next event about the referral carries it. */
    @Transactional
    public Referral changeConsent(String tenantId, UUID id, ReferralRequests.ChangeConsent request) {
        Referral referral = get(tenantId, id);
        Instant now = Timestamps.now();
        referral.consent = request.consent();
        referral.updatedAt = now;
        recordConsent(referral, Text.blankToNull(request.note()), now);
        return referral;
    }

    public List<StatusChange> history(String tenantId, UUID id) {
        get(tenantId, id);
        return StatusChange.history(tenantId, id);
    }

    public List<ConsentChange> consentHistory(String tenantId, UUID id) {
        get(tenantId, id);
        return ConsentChange.history(tenantId, id);
    }

    private void recordStatus(Referral referral, ReferralStatus from, String note, Instant at) {
        StatusChange change = new StatusChange();
        change.id = UUID.randomUUID();
        change.tenantId = referral.tenantId;
        change.referralId = referral.id;
        change.fromStatus = from;
        change.toStatus = referral.status;
        change.note = note;
        change.changedAt = at;
        change.persist();
    }

    private void recordConsent(Referral referral, String note, Instant at) {
        ConsentChange change = new ConsentChange();
        change.id = UUID.randomUUID();
        change.tenantId = referral.tenantId;
        change.referralId = referral.id;
        change.consent = referral.consent;
        change.note = note;
        change.changedAt = at;
        change.persist();
    }

    public Referral get(String tenantId, UUID id) {
        return referrals.findInTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("Referral", id));
    }

    public Page<Referral> list(String tenantId, ReferralFilter filter, PageRequest page) {
        return referrals.list(tenantId, filter, Instant.now(), page);
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
