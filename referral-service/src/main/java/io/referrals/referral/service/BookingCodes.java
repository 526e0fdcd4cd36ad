package io.referrals.referral.service;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Referrals' booking codes: 10 characters of Crockford base32 (no I, L, O, U), about 50 bits, drawn at random, and
 * read back forgivingly (any case, O as 0, I and L as 1, hyphens and spaces dropped), as a person may retype one.
 */
public final class BookingCodes {
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private BookingCodes() {}

    public static String newCode() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as stored, from one as carried back by a booking; null when it cannot be a code. */
    public static String normalize(String given) {
        if (given == null) {
            return null;
        }
        String code = given.strip()
                .toUpperCase(Locale.ROOT)
                .replace("-", "")
                .replace(" ", "")
                .replace('O', '0')
                .replace('I', '1')
                .replace('L', '1');
        if (code.length() != LENGTH) {
            return null;
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return null;
            }
        }
        return code;
    }
}
