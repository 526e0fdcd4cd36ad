package io.referrals.referral.service;

import io.referrals.events.EventTypes;
import io.referrals.platform.outbox.Outbox;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.ProblemException;
import io.referrals.platform.page.Page;
import io.referrals.platform.rest.PageRequest;
import io.referrals.platform.text.Text;
import io.referrals.referral.entity.GivenReferral;
import io.referrals.referral.entity.GivenReferralRepository;
import io.referrals.referral.entity.KnownPartner;
import io.referrals.referral.entity.KnownPartnerRepository;
import io.referrals.referral.mapping.GivenReferralMapper;
import io.referrals.referral.rest.GivenReferralRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/** Referrals the practice gives to its partners; each one and its ReferralGiven event commit together. */
@ApplicationScoped
public class GivenReferralService {

    @Inject
    GivenReferralRepository given;

    @Inject
    KnownPartnerRepository partners;

    @Inject
    Outbox outbox;

    @Transactional
    public GivenReferral give(String tenantId, GivenReferralRequests.Give request) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate givenOn = request.givenOn() == null ? today : request.givenOn();
        if (givenOn.isAfter(today)) {
            throw ProblemException.invalidField("givenOn", "must not be in the future");
        }
        KnownPartner partner = partners.findInTenant(tenantId, request.partnerId())
                .orElseThrow(() -> new ProblemException(Problem.of(422, "unknown-partner", "Unknown partner",
                        "No partner " + request.partnerId() + " is known in this practice. A partner created "
                                + "moments ago may take a second to arrive here; retry shortly.")));
        GivenReferral referral = new GivenReferral();
        referral.id = UUID.randomUUID();
        referral.tenantId = tenantId;
        referral.partnerId = partner.key.partnerId();
        referral.personName = request.person().name().strip();
        referral.personEmail = Text.blankToNull(request.person().email());
        referral.personPhone = Text.blankToNull(request.person().phone());
        referral.need = request.need().strip();
        referral.note = Text.blankToNull(request.note());
        referral.givenOn = givenOn;
        referral.createdAt = Timestamps.now();
        given.persist(referral);
        outbox.publish(EventTypes.REFERRAL_GIVEN, tenantId, referral.id, GivenReferralMapper.toGiven(referral));
        return referral;
    }

    public Page<GivenReferral> list(String tenantId, UUID partnerId, PageRequest page) {
        return given.list(tenantId, partnerId, page);
    }

    /** The partner's name as referral-service knows it, for the view. */
    public String partnerName(String tenantId, UUID partnerId) {
        return partners.findInTenant(tenantId, partnerId).map(p -> p.name).orElse(null);
    }

}
