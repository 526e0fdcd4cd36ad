package io.referrals.platform.page;

/** Which page of a list to return: a zero-based index and a size. What services and repositories take. */
public record Paging(int page, int size) {
    /**
     * The deepest page a list serves: page times size must stay far from int overflow (Panache computes the offset
     * as an int) and a deep offset makes the database skip that many rows; past it, filters narrow a list better.
     */
    public static final int MAX_PAGE = 10_000;

    public Paging {
        if (page < 0 || page > MAX_PAGE || size < 1) {
            throw new IllegalArgumentException("page must be 0 to " + MAX_PAGE + " and size >= 1");
        }
    }

    /** Rows skipped before this page. */
    public long offset() {
        return (long) page * size;
    }
}
