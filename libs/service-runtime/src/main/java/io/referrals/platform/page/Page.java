package io.referrals.platform.page;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list, with the total so that a front end can render pagination. Repositories return it with
 * domain objects, resources map it to views: it belongs to neither layer.
 */
public record Page<T>(
        List<T> items,

        @Schema(description = "Zero-based page index", example = "0")
        int page,

        @Schema(description = "Page size asked for", example = "50")
        int size,

        @Schema(description = "Items across all pages", example = "1")
        long total) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
