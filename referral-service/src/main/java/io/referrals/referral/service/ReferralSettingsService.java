package io.referrals.referral.service;

import io.referrals.platform.persistence.Timestamps;
import io.referrals.referral.entity.ReferralSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** A practice's referral settings; one without any uses the defaults. */
@ApplicationScoped
public class ReferralSettingsService {

    public int firstContactHours(String tenantId) {
        ReferralSettings settings = ReferralSettings.findById(tenantId);
        return settings == null ? ReferralSettings.DEFAULT_FIRST_CONTACT_HOURS : settings.firstContactHours;
    }

    /** Applies to referrals received from now on; a referral keeps the deadline it was given. */
    @Transactional
    public int setFirstContactHours(String tenantId, int hours) {
        ReferralSettings settings = ReferralSettings.findById(tenantId);
        if (settings == null) {
            settings = new ReferralSettings();
            settings.tenantId = tenantId;
        }
        settings.firstContactHours = hours;
        settings.updatedAt = Timestamps.now();
        settings.persist();
        return settings.firstContactHours;
    }
}
