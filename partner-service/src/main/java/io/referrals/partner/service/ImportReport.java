package io.referrals.partner.service;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a CSV import did, row by row. Rows are numbered from the first record after the header (row 1); a record
 * whose quoted field holds line breaks still counts as one row.
 */
@Schema(
        name = "PartnerImportReport",
        description = "What a CSV import did; row 1 is the first record after the "
                + "header row (a quoted field with line breaks still makes one row)")
public record ImportReport(
        @Schema(description = "Partners created", example = "2")
        int imported,

        @Schema(description = "The rows that became partners")
        List<Created> created,

        @Schema(
                description = "Rows left out because a partner with their email already exists in the practice or "
                        + "came earlier in the file")
        List<Skipped> skipped,

        @Schema(description = "Rows not imported because a value is invalid; one entry per invalid field")
        List<RowError> errors) {

    @Schema(name = "PartnerImportCreated")
    public record Created(
            @Schema(example = "1") int row,

            @Schema(example = "0b7c1f0e-8f8e-4a4b-9a53-2b8d1c3f5e61")
            UUID id) {}

    @Schema(name = "PartnerImportSkipped")
    public record Skipped(
            @Schema(example = "4") int row,
            @Schema(example = "dana@leecounseling.example") String email,

            @Schema(
                    description = "The partner who already has this email",
                    example = "0b7c1f0e-8f8e-4a4b-9a53-2b8d1c3f5e61")
            UUID existingPartnerId) {}

    @Schema(name = "PartnerImportError")
    public record RowError(
            @Schema(example = "3") int row,

            @Schema(description = "The column; absent when the row as a whole is wrong", example = "email")
            String field,

            @Schema(example = "must be a well-formed email address")
            String message) {}
}
