package io.referrals.partner.service;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.referrals.events.PartnerCategory;
import io.referrals.events.PartnerStage;
import io.referrals.events.RewardType;
import io.referrals.events.campaign.CampaignGoal;
import io.referrals.events.campaign.CampaignTrigger;
import io.referrals.events.campaign.IncentiveEarnedOn;
import io.referrals.partner.entity.AllianceType;
import io.referrals.platform.text.MultiLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the campaign service is asked to do; the campaign API takes them as its request bodies. */
public final class CampaignCommands {
    /** A variant's key: short, stable, lower case; it travels in every ask and attribution. */
    public static final String KEY_PATTERN = "^[a-z][a-z0-9-]{0,15}$";

    /** The most partners an explicit audience names. */
    public static final int MAX_LISTED_PARTNERS = 5000;

    private CampaignCommands() {}

    @Schema(name = "CampaignRequest", description = "A campaign as the practice writes it")
    public record Save(
            @NotBlank @Size(max = 200) @Schema(example = "Spring ask")
            String name,

            @NotNull @Schema(description = "When the campaign starts asking", example = "2027-03-01T00:00:00Z")
            Instant startsAt,

            @NotNull @Schema(description = "After startsAt, at most 366 days later", example = "2027-04-01T00:00:00Z")
            Instant endsAt,

            @NotNull @Schema(
                    description = "start: every partner of the audience is asked when the campaign starts; "
                            + "pleased_check_in: a partner is asked each time a converted referral of theirs is "
                            + "answered pleased",
                    example = "start")
            CampaignTrigger trigger,

            @NotNull @Schema(description = "The rate the results' verdict compares", example = "partners_referring")
            CampaignGoal goal,

            @Schema(description = "true: asks are sent paced; false (default): each ask is a draft to review")
            Boolean autoSend,

            @NotNull @Valid Audience audience,

            @NotNull @Size(min = 1, max = 4) @Schema(description = "1 to 4 variants with distinct keys")
            List<@NotNull @Valid Variant> variants,

            @DecimalMin("0.02") @DecimalMax("0.5") @Digits(integer = 1, fraction = 3) @Schema(
                    description =
                            "The smallest difference in the goal's rate worth knowing, 0.02 to 0.5; " + "default 0.10",
                    example = "0.10")
            BigDecimal differenceWorthKnowing) {}

    @Schema(
            name = "CampaignAudience",
            description = "Filters over the practice's partners (each null or empty: no restriction), or an explicit "
                    + "list in partnerIds, never both. Archived partners, candidates, ended relationships and "
                    + "partners without an email are never asked.")
    public record Audience(
            @Size(max = 20) @Schema(example = "[\"professional\"]")
            List<@NotNull PartnerCategory> categories,

            @Size(max = 20) @Schema(description = "Partners with at least one of these alliance types", example = "[\"referral\"]")
            List<@NotNull AllianceType> allianceTypes,

            @Size(max = 20) @Schema(example = "[\"trusted\"]")
            List<@NotNull PartnerStage> stages,

            @Schema(description = "Partners with no referral since then (never referring included)")
            Instant lastReferralBefore,

            @Schema(description = "Partners who referred at or after then")
            Instant lastReferralAfter,

            @Min(0) @Max(100) @Schema(description = "Fit score at least this, 0 to 100", example = "60")
            Integer fitAtLeast,

            @Schema(description = "true: only partners who never referred; false: only those who did")
            Boolean neverReferred,

            @Size(max = MAX_LISTED_PARTNERS) @Schema(description = "An explicit list of up to 5,000 partners instead of the filters")
            List<@NotNull UUID> partnerIds) {}

    @Schema(name = "CampaignVariant", description = "One arm of the campaign: an ask and an optional incentive")
    public record Variant(
            @NotNull @Pattern(
                    regexp = KEY_PATTERN,
                    message = "must be a lower-case letter, then up to 15 lower-case " + "letters, digits or -")
            @Schema(example = "a")
            String key,

            @NotBlank @Size(max = 200) @Schema(example = "Thank-you note")
            String name,

            @NotNull @Min(1) @Max(100) @Schema(
                    description = "1 to 100; a partner gets this variant with probability weight / sum of weights",
                    example = "50")
            Integer weight,

            @NotBlank @Size(max = 300) @Schema(
                    description = "May hold {partnerFirstName} {partnerName} {practiceName} {campaignLink} "
                            + "{incentive} {campaignEnds}",
                    example = "Who do you know, {partnerFirstName}?")
            String askSubject,

            @NotBlank @Size(max = 10000) @MultiLine
            @Schema(
                    description = "Must hold {campaignLink}; the same placeholders as the subject",
                    example = "Hi {partnerFirstName}, who do you know who is struggling with work-life balance? "
                            + "{campaignLink}")
            String askBody,

            @Valid @Schema(description = "null: no incentive")
            Incentive incentive) {}

    @Schema(name = "CampaignIncentive", description = "A reward for the partner when an attributed referral earns it")
    public record Incentive(
            @NotNull @Schema(
                    description = "thank_you_gift, session_credit, program_discount, charity_donation or fee_bump",
                    example = "session_credit")
            RewardType type,

            @NotNull @Valid IncentiveValue value,

            @NotBlank @Size(max = 200) @Schema(description = "How the ask names it", example = "a free coaching session")
            String description,

            @NotNull @Schema(example = "conversion") IncentiveEarnedOn earnedOn) {}

    @Schema(name = "CampaignIncentiveValue", description = "What the incentive costs the practice")
    public record IncentiveValue(
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4) @JsonFormat(shape = JsonFormat.Shape.STRING)
            @Schema(type = SchemaType.STRING, description = "More than 0, at most four decimals", example = "80.00")
            BigDecimal amount,

            @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as USD") @Schema(example = "USD")
            String currency) {}
}
