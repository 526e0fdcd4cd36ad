package io.referrals.metrics.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The practice's total of new clients in a month, from whatever source. */
@Schema(name = "NewClients")
public record NewClientsCount(
        @NotNull @Min(0) @Max(1_000_000) @Schema(example = "8")
        Integer count) {}
