package io.referrals.referral.service;

import io.referrals.platform.persistence.Timestamps;
import io.referrals.referral.entity.ReferralSettings;
import io.referrals.referral.entity.ReferralSettingsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** A practice's referral settings; one without any uses the defaults. */
@ApplicationScoped
public class ReferralSettingsService {

    @Inject
    ReferralSettingsRepository settings;

    @Inject
    Clock clock;

    public int firstContactHours(String tenantId) {
        return settings.findByIdOptional(tenantId)
                .map(s -> s.firstContactHours)
                .orElse(ReferralSettings.DEFAULT_FIRST_CONTACT_HOURS);
    }

    /** Applies to referrals received from now on; a referral keeps the deadline it was given. */
    @Transactional
    public int setFirstContactHours(String tenantId, int hours) {
        ReferralSettings current = settings.findByIdOptional(tenantId).orElseGet(() -> {
            ReferralSettings created = new ReferralSettings();
            created.tenantId = tenantId;
            return created;
        });
        current.firstContactHours = hours;
        current.updatedAt = Timestamps.now(clock);
        settings.persist(current);
        return current.firstContactHours;
    }
}
