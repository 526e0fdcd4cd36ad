package io.referrals.platform.rest;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list, with the total so that a front end can render pagination. */
public record Page<T>(
        List<T> items,
        @Schema(description = "Zero-based page index", example = "0") int page,
        @Schema(description = "Page size asked for", example = "50") int size,
        @Schema(description = "Items across all pages", example = "1") long total) {

    /** The requested page of a query, and the query's total. */
    public static <T> Page<T> of(PanacheQuery<T> query, PageRequest request) {
        PanacheQuery<T> paged = query.page(request.page, request.size);
        return new Page<>(paged.list(), request.page, request.size, paged.count());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
