package io.referrals.metrics.service.query;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MonthNumbers", description = "One partner's numbers in one local month")
public record MonthNumbers(
        @Schema(example = "2026-03") String month,
        @Schema(example = "3") long received,
        @Schema(example = "1") long converted,
        @Schema(example = "2") long given,
        List<Amount> revenue) {}
