package io.referrals.events;

/**
 * One versioned event contract: its name, schema version, payload record and the topic it travels on.
 * The CloudEvents {@code type} is {@code io.referrals.<name>.v<version>}; a breaking change to a payload
 * gets a new version rather than a silent edit.
 */
public record EventType<T>(String name, int version, Class<T> dataClass, String topic) {

    public String cloudEventType() {
        return "io.referrals." + name + ".v" + version;
    }
}
