package io.referrals.platform.text;

/** Normalizes free text from requests. */
public final class Text {
    private Text() {}

    /** Trimmed text, or null for a missing or blank value: blank input means "none". */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
