package io.referrals.events.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * v1 (partner-service, {@code partner.events}, key: the campaign id): a campaign began running. Its window
 * [{@code startsAt}, {@code endsAt}) bounds the asks and the referrals attributed to it; its variants (weights frozen
 * from now on) are what the results compare. {@code autoSend} false: each ask is a draft the practice reviews.
 * {@code differenceWorthKnowing}: the smallest difference in the goal's rate the practice cares about (0.02 to 0.5),
 * which the results' "how many more" speaks of; null: 0.10.
 */
public record CampaignStarted(
        UUID campaignId,
        String name,
        Instant startsAt,
        Instant endsAt,
        CampaignTrigger trigger,
        CampaignGoal goal,
        boolean autoSend,
        List<CampaignVariant> variants,
        Instant startedAt,
        java.math.BigDecimal differenceWorthKnowing) {
    public CampaignStarted {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(startedAt, "startedAt");
        variants = List.copyOf(Objects.requireNonNull(variants, "variants"));
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("a campaign has at least one variant");
        }
    }

    /** Without the difference worth knowing (the results then use 0.10). */
    public CampaignStarted(
            UUID campaignId,
            String name,
            Instant startsAt,
            Instant endsAt,
            CampaignTrigger trigger,
            CampaignGoal goal,
            boolean autoSend,
            List<CampaignVariant> variants,
            Instant startedAt) {
        this(campaignId, name, startsAt, endsAt, trigger, goal, autoSend, variants, startedAt, null);
    }

    public java.util.Optional<CampaignVariant> variant(String key) {
        return variants.stream().filter(v -> v.key().equals(key)).findFirst();
    }
}
