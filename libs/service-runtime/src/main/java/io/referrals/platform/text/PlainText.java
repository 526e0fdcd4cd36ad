package io.referrals.platform.text;

import java.util.Optional;

/**
 * What stored text may not contain: NUL and the other C0 and C1 control characters (PostgreSQL refuses NUL outright;
 * the others hide text or break the lines of whatever shows it), DEL, the bidirectional embeddings, overrides and
 * isolates that make text read differently from how it is stored (CVE-2021-42574, "Trojan Source"), and lone
 * surrogates, which are not Unicode text at all. Tab, line feed and carriage return only where a field is
 * {@link MultiLine}.
 */
public final class PlainText {
    private PlainText() {}

    /** Why {@code value} may not be stored, naming the first character refused and where it stands; empty if it may. */
    public static Optional<String> refusal(String value, boolean multiLine) {
        if (value == null) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c)
                        && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1));
                if (!paired) {
                    return Optional.of(describe("a lone surrogate", c, i));
                }
                i++;
            } else if (isControl(c, multiLine)) {
                return Optional.of(describe(multiLine ? "a control character" : controlKind(c), c, i));
            } else if (isBidiControl(c)) {
                return Optional.of(describe("a bidirectional control character", c, i));
            }
        }
        return Optional.empty();
    }

    private static boolean isControl(char c, boolean multiLine) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return !multiLine;
        }
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }

    /** Embeddings and overrides (U+202A to U+202E) and isolates (U+2066 to U+2069). */
    private static boolean isBidiControl(char c) {
        return (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }

    private static String controlKind(char c) {
        return c == '\t' || c == '\n' || c == '\r'
                ? "a tab or line break (this field is one line)"
                : "a control character";
    }

    private static String describe(String what, char c, int index) {
        return "must not contain " + what + String.format(" (U+%04X at character %d)", (int) c, index + 1);
    }
}
