package io.referrals.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who a partner is to the practice (the product brief's categories). */
public enum PartnerCategory {
    CLIENT("client"),
    PROFESSIONAL("professional"),
    CENTER_OF_INFLUENCE("center_of_influence"),
    ORGANIZATION("organization"),
    PROSPECT("prospect"),
    COLLEAGUE("colleague"),
    COMPETITOR("competitor"),
    SALESPERSON("salesperson"),
    SERVES_YOUR_MARKET("serves_your_market");

    private final String json;

    PartnerCategory(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
