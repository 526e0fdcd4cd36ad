package io.referrals.partner.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CampaignPlaceholdersTest {
    @Test
    void theCampaignsPlaceholdersAreAllowedAndOthersRefused() {
        assertTrue(CampaignPlaceholders.refusal("Hi {partnerFirstName}, {campaignLink} until {campaignEnds} for "
                        + "{incentive} from {practiceName} to {partnerName}")
                .isEmpty());
        assertTrue(CampaignPlaceholders.refusal("{intakeLink}").orElseThrow().contains("unknown placeholder"));
        assertTrue(CampaignPlaceholders.refusal("{{partnerName}}").isPresent());
        assertTrue(CampaignPlaceholders.refusal("a } alone").isPresent());
    }

    @Test
    void renderingReplacesEachPlaceholderLiterally() {
        assertEquals(
                "Hi Dana, https://x/refer/#example ({partnerName} is not given)",
                CampaignPlaceholders.render(
                        "Hi {partnerFirstName}, {campaignLink} ({partnerName} is not given)",
                        Map.of("{partnerFirstName}", "Dana", "{campaignLink}", "https://x/refer/#example")));
        assertEquals(
                "{campaignLink}",
                CampaignPlaceholders.render("{partnerName}", Map.of("{partnerName}", "{campaignLink}")));
    }
}
