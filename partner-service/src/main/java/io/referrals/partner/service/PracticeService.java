package io.referrals.partner.service;

import io.referrals.partner.entity.Partner;
import io.referrals.partner.entity.PartnerRepository;
import io.referrals.partner.entity.Practice;
import io.referrals.partner.rest.PracticeProfile;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.text.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class PracticeService {

    @Inject
    PartnerRepository partners;

    public Practice get(String tenantId) {
        return Practice.of(tenantId);
    }

    /** Replaces the profile and re-scores every partner against it, in one transaction. */
    @Transactional
    public Practice put(String tenantId, PracticeProfile profile) {
        Practice practice = Practice.of(tenantId);
        practice.services = PartnerService.cleaned(profile.services());
        practice.idealDemographics = Text.blankToNull(profile.idealReferral().demographics());
        practice.idealPsychographics = Text.blankToNull(profile.idealReferral().psychographics());
        practice.idealSituation = Text.blankToNull(profile.idealReferral().situation());
        practice.idealReadiness = Text.blankToNull(profile.idealReferral().readiness());
        practice.niches = PartnerService.cleaned(profile.niches());
        practice.defaultCheckInCadenceDays = profile.defaultCheckInCadenceDays() == null
                ? Practice.DEFAULT_CHECK_IN_CADENCE_DAYS : profile.defaultCheckInCadenceDays();
        practice.monthlyReferralGoal = profile.monthlyReferralGoal();
        practice.updatedAt = Timestamps.now();
        practice.persist();
        for (Partner partner : partners.allInTenant(tenantId)) {
            PartnerService.refreshDerived(partner, practice);
        }
        return practice;
    }
}
