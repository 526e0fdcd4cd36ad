package io.referrals.partner.service;

import java.util.List;
import java.util.Optional;

/**
 * The placeholders a kit's texts may use. Braces are reserved for them: a brace that does not open or close one of
 * them is refused, so that a misspelt placeholder ({@code {partnername}}) or another template language's syntax
 * ({@code {{name}}}, {@code ${name}}) is caught when the practice writes it, not shown to a partner as it is. Nothing is
 * ever evaluated: whoever shows a text replaces each placeholder by its value, literally.
 */
public final class KitPlaceholders {
    public static final List<String> ALLOWED =
            List.of("{partnerFirstName}", "{partnerName}", "{practiceName}", "{intakeLink}", "{bookingLink}");

    /** How much of a refused fragment the answer repeats. */
    private static final int SHOWN = 40;

    private KitPlaceholders() {}

    /** Why the text is refused: the first use of braces that is not one of the placeholders; empty when none is. */
    public static Optional<String> refusal(String text) {
        return refusal(text, ALLOWED);
    }

    /** Why the text is refused, with {@code allowed} as the placeholders; empty when every use of braces is one. */
    static Optional<String> refusal(String text, List<String> allowed) {
        if (text == null) {
            return Optional.empty();
        }
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '}') {
                return Optional.of(
                        "a '}' that closes no placeholder; braces are only for " + String.join(" ", allowed));
            }
            if (c != '{') {
                i++;
                continue;
            }
            int close = text.indexOf('}', i);
            int nextOpen = text.indexOf('{', i + 1);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                return Optional.of("a '{' that opens no placeholder; braces are only for " + String.join(" ", allowed));
            }
            String placeholder = text.substring(i, close + 1);
            if (!allowed.contains(placeholder)) {
                return Optional.of(
                        "unknown placeholder " + shown(placeholder) + "; use one of " + String.join(" ", allowed));
            }
            i = close + 1;
        }
        return Optional.empty();
    }

    private static String shown(String placeholder) {
        return placeholder.length() <= SHOWN ? placeholder : placeholder.substring(0, SHOWN - 1) + "…";
    }
}
