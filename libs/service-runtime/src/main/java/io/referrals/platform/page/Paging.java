package io.referrals.platform.page;

/** Which page of a list to return: a zero-based index and a size. What services and repositories take. */
public record Paging(int page, int size) {
    public Paging {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1");
        }
    }

    /** Rows skipped before this page. */
    public long offset() {
        return (long) page * size;
    }
}
