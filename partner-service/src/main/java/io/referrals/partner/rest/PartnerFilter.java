package io.referrals.partner.rest;

import io.referrals.events.PartnerCategory;
import io.referrals.events.PartnerStage;
import io.referrals.partner.entity.AllianceType;
import io.referrals.partner.entity.PartnerCriteria;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters that narrow and order the partner list (and its CSV export). */
public class PartnerFilter {
    public static final String SORT_KEYS = "name|createdAt|updatedAt|fitScore|nextCheckInDue|stage";

    @QueryParam("category")
    @Parameter(description = "Only this category")
    public PartnerCategory category;

    @QueryParam("allianceType")
    @Parameter(description = "Only partners with this alliance type")
    public AllianceType allianceType;

    @QueryParam("stage")
    @Parameter(description = "Only this relationship stage")
    public PartnerStage stage;

    @QueryParam("tag")
    @Size(max = 80) @Parameter(description = "Only partners carrying this tag")
    public String tag;

    @QueryParam("q")
    @Size(max = 200) @Parameter(description = "Free text, matched against name, organization and email", example = "lee")
    public String text;

    @QueryParam("candidate")
    @Parameter(description = "true: only candidates created from referrals; false: none of them")
    public Boolean candidate;

    @QueryParam("needsReview")
    @Parameter(description = "true: only partners flagged for review")
    public Boolean needsReview;

    @QueryParam("archived")
    @DefaultValue("false")
    @Parameter(description = "true: the archive instead of the active partners")
    public boolean archived;

    @QueryParam("sort")
    @DefaultValue("name")
    @Pattern(
            regexp = "^-?(" + SORT_KEYS + ")$",
            message = "must be one of " + SORT_KEYS + ", optionally prefixed " + "with - for descending")
    @Parameter(description = "Sort key, prefixed with - for descending: " + SORT_KEYS, example = "-fitScore")
    public String sort;

    /** The criteria as the service and repository take them. */
    public PartnerCriteria toCriteria() {
        return new PartnerCriteria(category, allianceType, stage, tag, text, candidate, needsReview, archived, sort);
    }
}
