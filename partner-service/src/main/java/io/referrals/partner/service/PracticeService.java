package io.referrals.partner.service;

import io.referrals.events.EventTypes;
import io.referrals.events.partner.PracticeProfileUpdated;
import io.referrals.partner.entity.PartnerRepository;
import io.referrals.partner.entity.Practice;
import io.referrals.partner.entity.PracticeRepository;
import io.referrals.partner.entity.TextList;
import io.referrals.platform.outbox.Outbox;
import io.referrals.platform.persistence.AdvisoryLocks;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.problem.ProblemException;
import io.referrals.platform.text.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

@ApplicationScoped
public class PracticeService {

    @Inject
    PracticeRepository practices;

    @Inject
    PartnerRepository partners;

    @Inject
    Outbox outbox;

    @Inject
    AdvisoryLocks locks;

    /** Partners re-scored per batch when the profile changes. */
    static final int RESCORE_BATCH = 200;

    @Inject
    Clock clock;

    public Practice get(String tenantId) {
        return practices.profileOf(tenantId);
    }

    /**
     * Replaces the profile and re-scores every partner against it, in one transaction. Under the practice's lock, the
     * one the consumers hold while they apply its events: re-scoring reads and writes every partner, and a consumer
     * updating one of them meanwhile would make this write a stale version and fail.
     */
    @Transactional
    public Practice put(String tenantId, PracticeCommands.Put profile) {
        locks.lockPractices(List.of(tenantId));
        Practice practice = practices.profileOf(tenantId);
        practice.services = TextList.cleaned(profile.services());
        practice.idealDemographics = Text.blankToNull(profile.idealReferral().demographics());
        practice.idealPsychographics = Text.blankToNull(profile.idealReferral().psychographics());
        practice.idealSituation = Text.blankToNull(profile.idealReferral().situation());
        practice.idealReadiness = Text.blankToNull(profile.idealReferral().readiness());
        practice.niches = TextList.cleaned(profile.niches());
        practice.defaultCheckInCadenceDays = profile.defaultCheckInCadenceDays() == null
                ? Practice.DEFAULT_CHECK_IN_CADENCE_DAYS
                : profile.defaultCheckInCadenceDays();
        practice.monthlyReferralGoal = profile.monthlyReferralGoal();
        practice.timeZone = timeZoneOf(profile.timeZone());
        practice.updatedAt = Timestamps.now(clock);
        practices.persist(practice);
        outbox.publish(
                EventTypes.PRACTICE_PROFILE_UPDATED,
                tenantId,
                PracticeProfileUpdated.practiceKey(tenantId),
                new PracticeProfileUpdated(
                        practice.timeZone,
                        practice.monthlyReferralGoal,
                        practice.defaultCheckInCadenceDays,
                        practice.updatedAt));
        // Re-scored a batch at a time, so that a practice with many partners is never loaded whole.
        partners.flush();
        partners.forEachInTenant(tenantId, RESCORE_BATCH, partner -> partner.refreshDerived(practice));
        return practice;
    }

    /** A zone Java knows by that IANA id, or UTC when none is given. */
    private static String timeZoneOf(String requested) {
        String id = Text.blankToNull(requested);
        if (id == null) {
            return "UTC";
        }
        try {
            return ZoneId.of(id).getId();
        } catch (DateTimeException e) {
            throw ProblemException.invalidField("timeZone", "must be an IANA time zone such as Europe/Berlin");
        }
    }
}
