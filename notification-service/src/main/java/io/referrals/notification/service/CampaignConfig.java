package io.referrals.notification.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How campaign asks go out. Named {@code notification.campaigns.*} as the campaigns design (issue 29) names it, beside
 * the service's other {@code notifications.*} settings.
 */
@ConfigMapping(prefix = "notification.campaigns")
public interface CampaignConfig {
    /**
     * Campaign asks a practice sends per minute at most: each queued ask is not sent before the practice's previous one
     * plus 60 s / this, so that a campaign to thousands of partners does not flood the SMTP relay or trip its limits.
     */
    @WithDefault("60")
    @Min(1) @Max(6000) int asksPerMinute();
}
