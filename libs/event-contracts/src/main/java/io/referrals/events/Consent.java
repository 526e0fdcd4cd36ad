package io.referrals.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** What the referred person allows the referrer to be told. */
public enum Consent {
    /** Nothing beyond a thank-you for the introduction. */
    NONE("none"),
    /** That the practice made contact. */
    CONTACT_MADE("contact_made"),
    /** Whether they became a client. */
    OUTCOME("outcome");

    private final String json;

    Consent(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
