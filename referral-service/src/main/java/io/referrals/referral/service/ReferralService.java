package io.referrals.referral.service;

import io.referrals.events.Consent;
import io.referrals.events.EventTypes;
import io.referrals.events.PartnerCategory;
import io.referrals.platform.outbox.Outbox;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.ProblemException;
import io.referrals.platform.rest.Page;
import io.referrals.platform.rest.PageRequest;
import io.referrals.referral.entity.KnownPartner;
import io.referrals.referral.entity.KnownPartnerRepository;
import io.referrals.referral.entity.Referral;
import io.referrals.referral.entity.ReferralRepository;
import io.referrals.referral.entity.ReferralStatus;
import io.referrals.referral.mapping.ReferralMapper;
import io.referrals.referral.rest.ReferralRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

    @Transactional(Transactional.TxType.MANDATORY)
    public Referral receive(String tenantId, ReferralRequests.Receive request) {
        ReferralRequests.ReferredPerson person = request.referred();
        if (isBlank(person.email()) && isBlank(person.phone())) {
            throw ProblemException.invalidField("referred", "give an email or a phone number");
        }
        if ((request.partnerId() == null) == (request.referrer() == null)) {
            throw ProblemException.invalidField("partnerId", "give either partnerId or referrer, not both or neither");
        }
        Instant now = now();
        KnownPartner partner = request.partnerId() != null ? knownPartner(tenantId, request.partnerId())
                : sourceOf(tenantId, request.referrer());
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.tenantId = tenantId;
        referral.partnerId = partner.key.partnerId();
        referral.referrerName = partner.name;
        referral.referrerEmail = partner.email;
        referral.referredName = person.name().strip();
        referral.referredEmail = blankToNull(person.email());
        referral.referredPhone = blankToNull(person.phone());
        referral.note = blankToNull(request.note());
        referral.consent = request.consent() == null ? Consent.NONE : request.consent();
        referral.status = ReferralStatus.RECEIVED;
        referral.receivedAt = now;
        referral.updatedAt = now;
        referral.possibleDuplicateOf = referrals.findRecentDuplicate(tenantId, referral.referredEmail,
                digitsOf(referral.referredPhone), now.minus(DUPLICATE_WINDOW)).orElse(null);
        referrals.persist(referral);
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
        String email = blankToNull(referrer.email());
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

    @Transactional
    public Referral convert(String tenantId, UUID id, ReferralRequests.Convert request) {
        Referral referral = get(tenantId, id);
        if (!referral.status.isOpen()) {
            throw ProblemException.conflict("illegal-transition", "Referral cannot be converted",
                    "The referral is " + referral.status.json() + "; only an open referral can convert.",
                    Map.of("currentStatus", referral.status.json()));
        }
        Instant now = now();
        referral.status = ReferralStatus.CONVERTED;
        referral.programValue = request.programValue();
        referral.currency = request.currency();
        referral.convertedAt = now;
        referral.updatedAt = now;
        outbox.publish(EventTypes.REFERRAL_CONVERTED, tenantId, referral.id, ReferralMapper.toConverted(referral));
        return referral;
    }

    public Referral get(String tenantId, UUID id) {
        return referrals.findInTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("Referral", id));
    }

    public Page<Referral> list(String tenantId, UUID partnerId, PageRequest page) {
        return referrals.list(tenantId, partnerId, page);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
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

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }
}
