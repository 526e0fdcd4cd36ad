package io.referrals.metrics.rest;

import io.referrals.platform.page.Page;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the leaderboard: the shape of every page, and its rows as CSV. */
@Schema(name = "PartnerMetricsPage")
public record PartnerPage(
        List<PartnerMetricsView> items,

        @Schema(description = "Zero-based page index", example = "0")
        int page,

        @Schema(description = "Page size asked for", example = "50")
        int size,

        @Schema(description = "Items across all pages", example = "1")
        long total)
        implements CsvTable {

    static PartnerPage of(Page<PartnerMetricsView> page) {
        return new PartnerPage(page.items(), page.page(), page.size(), page.total());
    }

    @Override
    public List<String> csvHeader() {
        return PartnerMetricsView.CSV_HEADER;
    }

    @Override
    public List<List<Object>> csvRows() {
        return items.stream().map(PartnerMetricsView::csvValues).toList();
    }
}
