package io.referrals.metrics.rest;

import io.referrals.platform.page.Page;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of dormant partners, under the schema name a {@code Page<DormantPartner>} had. */
@Schema(name = "PageDormantPartner")
public record DormantPartnerPage(
        List<DormantPartnerView> items,

        @Schema(description = "Zero-based page index", example = "0")
        int page,

        @Schema(description = "Page size asked for", example = "50")
        int size,

        @Schema(description = "Items across all pages", example = "1")
        long total) {

    static DormantPartnerPage of(Page<DormantPartnerView> page) {
        return new DormantPartnerPage(page.items(), page.page(), page.size(), page.total());
    }
}
