package io.referrals.partner.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The placeholders a campaign's ask may use, checked like the kit's ({@link KitPlaceholders}): any other use of braces
 * is refused when the practice writes the ask. Rendering replaces each placeholder literally; nothing is evaluated.
 */
public final class CampaignPlaceholders {
    public static final String CAMPAIGN_LINK = "{campaignLink}";
    public static final List<String> ALLOWED = List.of(
            "{partnerFirstName}", "{partnerName}", "{practiceName}", CAMPAIGN_LINK, "{incentive}", "{campaignEnds}");

    private CampaignPlaceholders() {}

    /** Why the text is refused: the first use of braces that is not one of the placeholders; empty when none is. */
    public static Optional<String> refusal(String text) {
        return KitPlaceholders.refusal(text, ALLOWED);
    }

    /** The text with each placeholder replaced by its value ({@code values} keyed by the placeholder, braces included). */
    public static String render(String text, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            int close = open < 0 ? -1 : text.indexOf('}', open);
            if (open < 0 || close < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, open);
            String placeholder = text.substring(open, close + 1);
            out.append(values.getOrDefault(placeholder, placeholder));
            i = close + 1;
        }
        return out.toString();
    }
}
