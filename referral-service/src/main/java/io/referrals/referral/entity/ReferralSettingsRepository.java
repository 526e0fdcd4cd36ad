package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** One row per practice that changed a setting, keyed by its tenant id. */
@ApplicationScoped
public class ReferralSettingsRepository implements PanacheRepositoryBase<ReferralSettings, String> {}
