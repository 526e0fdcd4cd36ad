package io.referrals.platform.persistence;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;

/** Runs a Panache query for one page and its total: how every repository answers a paged list. */
public final class Pages {
    private Pages() {}

    public static <T> Page<T> of(PanacheQuery<T> query, Paging paging) {
        PanacheQuery<T> paged = query.page(paging.page(), paging.size());
        return new Page<>(paged.list(), paging.page(), paging.size(), paged.count());
    }
}
