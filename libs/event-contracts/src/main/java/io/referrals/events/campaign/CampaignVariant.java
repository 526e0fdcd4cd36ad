package io.referrals.events.campaign;

import java.util.Objects;

/**
 * One arm of a campaign: its ask (the email's subject and body, in the template language with the campaign's
 * placeholders) and its incentive ({@code null}: none), drawn with probability {@code weight} / the sum of the
 * variants' weights. {@code key} is short and stable ({@code a}, {@code b}); a campaign without variants has one.
 */
public record CampaignVariant(
        String key, String name, int weight, String askSubject, String askBody, CampaignIncentive incentive) {
    public CampaignVariant {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(askSubject, "askSubject");
        Objects.requireNonNull(askBody, "askBody");
        if (weight <= 0) {
            throw new IllegalArgumentException("weight must be positive");
        }
    }
}
