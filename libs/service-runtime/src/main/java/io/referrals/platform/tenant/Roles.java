package io.referrals.platform.tenant;

/** Roles carried in the token's {@code groups} claim. Owners and members write; viewers only read. */
public final class Roles {
    public static final String OWNER = "owner";
    public static final String MEMBER = "member";
    public static final String VIEWER = "viewer";

    private Roles() {}
}
