package io.referrals.partner.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Campaigns' settings in partner-service. */
@ConfigMapping(prefix = "campaigns")
public interface CampaignSettings {
    /**
     * How often scheduled campaigns whose start has come are started and running ones whose end has passed are ended
     * (a Quarkus duration, or off); read by the @Scheduled expression.
     */
    @WithDefault("30s")
    String schedulerEvery();
}
