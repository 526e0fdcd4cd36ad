package io.referrals.platform.rest;

import io.referrals.platform.page.Paging;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The {@code page} and {@code size} query parameters every list endpoint takes; {@link #paging()} hands them inward. */
public class PageRequest {
    @QueryParam("page")
    @DefaultValue("0")
    @Min(0) @Max(value = Paging.MAX_PAGE, message = "must be at most " + Paging.MAX_PAGE + "; narrow the list with its filters") @Parameter(description = "Zero-based page index, 0 to 10000")
    public int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(1) @Max(200) @Parameter(description = "Items per page, 1 to 200")
    public int size;

    /** The page asked for, as services and repositories take it. */
    public Paging paging() {
        return new Paging(page, size);
    }
}
