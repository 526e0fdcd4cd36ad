package io.referrals.partner.entity;

import java.util.ArrayList;
import java.util.List;

/** Lists of short texts as the entities store them: stripped, without blanks or repeats, in the order given. */
public final class TextList {
    private TextList() {}

    public static List<String> cleaned(List<String> values) {
        return values == null
                ? new ArrayList<>()
                : new ArrayList<>(values.stream()
                        .map(String::strip)
                        .filter(v -> !v.isEmpty())
                        .distinct()
                        .toList());
    }
}
