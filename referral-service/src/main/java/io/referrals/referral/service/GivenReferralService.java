package io.referrals.referral.service;

import io.referrals.events.EventTypes;
import io.referrals.platform.outbox.Outbox;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.problem.ProblemException;
import io.referrals.platform.text.Text;
import io.referrals.referral.entity.GivenReferral;
import io.referrals.referral.entity.GivenReferralRepository;
import io.referrals.referral.entity.KnownPartner;
import io.referrals.referral.mapping.GivenReferralMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/** Referrals the practice gives to its partners; each one and its ReferralGiven event commit together. */
@ApplicationScoped
public class GivenReferralService {

    @Inject
    GivenReferralRepository given;

    @Inject
    PartnerDirectory partners;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional
    public GivenReferral give(String tenantId, GivenReferralCommands.Give request) {
        LocalDate givenOn = givenOn(request);
        if ((request.estimatedValue() == null) != (request.currency() == null)) {
            throw ProblemException.invalidField(
                    request.estimatedValue() == null ? "estimatedValue" : "currency",
                    "give estimatedValue and currency together, or neither");
        }
        KnownPartner partner = partners.requireKnown(tenantId, request.partnerId());
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
        referral.estimatedValue = request.estimatedValue();
        referral.estimatedCurrency = request.estimatedValue() == null ? null : request.currency();
        referral.createdAt = Timestamps.now(clock);
        given.persist(referral);
        outbox.publish(EventTypes.REFERRAL_GIVEN, tenantId, referral.id, GivenReferralMapper.toGiven(referral));
        return referral;
    }

    /** The day it was given: today (UTC) unless said, never in the future. */
    private LocalDate givenOn(GivenReferralCommands.Give request) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate givenOn = request.givenOn() == null ? today : request.givenOn();
        if (givenOn.isAfter(today)) {
            throw ProblemException.invalidField("givenOn", "must not be in the future");
        }
        return givenOn;
    }

    public Page<GivenReferral> list(String tenantId, UUID partnerId, Paging paging) {
        return given.list(tenantId, partnerId, paging);
    }

    /** The partner's name as referral-service knows it, for the view. */
    public String partnerName(String tenantId, UUID partnerId) {
        return partners.nameOf(tenantId, partnerId);
    }
}
