package io.referrals.partner.service;

import io.referrals.events.RewardType;
import io.referrals.platform.problem.ProblemException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rules a campaign request must meet beyond its fields' shapes: each broken one is a 422 that says which. */
final class CampaignRules {
    static final Duration LONGEST_WINDOW = Duration.ofDays(366);

    /** The rewards a campaign may offer a partner. */
    static final Set<RewardType> INCENTIVES = Set.of(
            RewardType.THANK_YOU_GIFT,
            RewardType.SESSION_CREDIT,
            RewardType.PROGRAM_DISCOUNT,
            RewardType.CHARITY_DONATION,
            RewardType.FEE_BUMP);

    private CampaignRules() {}

    static void check(CampaignCommands.Save request) {
        if (!request.endsAt().isAfter(request.startsAt())) {
            throw invalid("campaign-window", "Campaign window is empty", "endsAt must be after startsAt.");
        }
        if (Duration.between(request.startsAt(), request.endsAt()).compareTo(LONGEST_WINDOW) > 0) {
            throw invalid(
                    "campaign-window",
                    "Campaign window is too long",
                    "A campaign runs at most 366 days; endsAt is "
                            + Duration.between(request.startsAt(), request.endsAt())
                                    .toDays()
                            + " days after startsAt.");
        }
        checkAudience(request.audience());
        Set<String> keys = new HashSet<>();
        for (CampaignCommands.Variant variant : request.variants()) {
            if (!keys.add(variant.key())) {
                throw invalid(
                        "campaign-variant-keys",
                        "Variant keys repeat",
                        "Each variant needs a key of its own; \"" + variant.key() + "\" is used twice.");
            }
            checkText(variant, "askSubject", variant.askSubject());
            checkText(variant, "askBody", variant.askBody());
            if (!variant.askBody().contains(CampaignPlaceholders.CAMPAIGN_LINK)) {
                throw invalid(
                        "campaign-link-missing",
                        "The ask has no campaign link",
                        "Variant " + variant.key() + ": askBody must contain {campaignLink}, the link a referral "
                                + "is attributed to the campaign by.");
            }
            if (variant.incentive() != null
                    && !INCENTIVES.contains(variant.incentive().type())) {
                throw invalid(
                        "campaign-incentive-type",
                        "Not a campaign incentive",
                        "Variant " + variant.key() + ": a campaign's incentive is one of thank_you_gift, "
                                + "session_credit, program_discount, charity_donation, fee_bump; not "
                                + variant.incentive().type().json() + ".");
            }
        }
    }

    static void checkAudience(CampaignCommands.Audience audience) {
        if (audience.partnerIds() == null) {
            return;
        }
        boolean filtered = notEmpty(audience.categories())
                || notEmpty(audience.allianceTypes())
                || notEmpty(audience.stages())
                || audience.lastReferralBefore() != null
                || audience.lastReferralAfter() != null
                || audience.fitAtLeast() != null
                || audience.neverReferred() != null;
        if (filtered) {
            throw invalid(
                    "campaign-audience",
                    "Audience is both filtered and listed",
                    "Choose the audience either by filters or by partnerIds, not both.");
        }
        if (audience.partnerIds().isEmpty()) {
            throw invalid(
                    "campaign-audience",
                    "Audience list is empty",
                    "partnerIds names nobody; leave it null to choose by filters.");
        }
    }

    private static void checkText(CampaignCommands.Variant variant, String field, String text) {
        CampaignPlaceholders.refusal(text).ifPresent(reason -> {
            throw invalid(
                    "campaign-placeholder",
                    "Unknown placeholder",
                    "Variant " + variant.key() + ", " + field + ": " + reason + ".");
        });
    }

    private static boolean notEmpty(List<?> list) {
        return list != null && !list.isEmpty();
    }

    private static ProblemException invalid(String slug, String title, String detail) {
        return ProblemException.unprocessable(slug, title, detail);
    }
}
