package io.referrals.metrics.service.query;

import io.referrals.metrics.service.Scope;

/** What a breakdown groups by. Partner attributes group by their current value; channel by how referrals came. */
public enum Dimension {
    CATEGORY(Scope.CATEGORY),
    ALLIANCE_TYPE(Scope.ALLIANCE),
    CHANNEL(Scope.CHANNEL),
    STAGE(Scope.STAGE);

    private final String scope;

    Dimension(String scope) {
        this.scope = scope;
    }

    public String scope() {
        return scope;
    }
}
