package io.referrals.events;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** An enum that travels in JSON (API and events) as its lower-case name, e.g. {@code contact_made}. */
public interface WireEnum {
    String name();

    @JsonValue
    default String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
