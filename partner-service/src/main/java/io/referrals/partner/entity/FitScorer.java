package io.referrals.partner.entity;

import io.referrals.events.PartnerCategory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fit: partners should share the practice's ideal client without competing for it. The score is the share of the
 * practice's ideal-referral niches the partner serves; a direct competitor fits for overflow only and keeps at most
 * a third of it.
 */
public final class FitScorer {
    static final int COMPETITOR_CAP = 33;

    private FitScorer() {}

    public record Fit(Integer score, List<String> reasons) {}

    public static Fit score(List<String> practiceNiches, List<String> partnerNiches, PartnerCategory category) {
        Set<String> wanted = normalized(practiceNiches);
        if (wanted.isEmpty()) {
            return new Fit(null, List.of("Describe your ideal referral's niches in the practice profile to score fit"));
        }
        List<String> reasons = new ArrayList<>();
        Set<String> served = normalized(partnerNiches);
        List<String> shared = wanted.stream().filter(served::contains).toList();
        int score = Math.round(100f * shared.size() / wanted.size());
        if (served.isEmpty()) {
            reasons.add("The niches this partner serves are not recorded yet");
        } else if (shared.isEmpty()) {
            reasons.add("Serves none of your " + wanted.size() + " niches");
        } else {
            reasons.add(
                    "Serves " + shared.size() + " of your " + wanted.size() + " niches: " + String.join(", ", shared));
        }
        if (category == PartnerCategory.COMPETITOR) {
            score = Math.min(score, COMPETITOR_CAP);
            reasons.add("Direct competitor: a fit for overflow and specialties only");
        }
        return new Fit(score, reasons);
    }

    private static Set<String> normalized(List<String> niches) {
        Set<String> result = new LinkedHashSet<>();
        if (niches != null) {
            niches.stream()
                    .map(n -> n.strip().toLowerCase(Locale.ROOT))
                    .filter(n -> !n.isEmpty())
                    .forEach(result::add);
        }
        return result;
    }
}
