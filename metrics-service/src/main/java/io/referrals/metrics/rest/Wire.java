package io.referrals.metrics.rest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Names of this API's own choices (metric, interval, sort ...) as they appear in query strings: camelCase. */
public final class Wire {
    private Wire() {}

    public static String name(Enum<?> value) {
        String[] words = value.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> name(e).equals(text))
                .findFirst();
    }

    public static <E extends Enum<E>> String names(Class<E> type) {
        return String.join(
                ", ", Arrays.stream(type.getEnumConstants()).map(Wire::name).toList());
    }
}
