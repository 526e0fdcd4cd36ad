package io.referrals.referral.rest;

import io.referrals.referral.service.portal.PortalIntakeLinks;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "PortalIntakeLink",
        description = "The signed-in partner's own intake link: the address referrals are posted to "
                + "(POST, the body of POST /api/intake/{token}), every one of them theirs")
public record PortalIntakeLinkView(
        @Schema(example = "https://referrals.example.com/api/intake/il_9mQ3yZk0c1hT7uJ2bX4eV8rN6pL5sD0aF3gH1jK2lM4")
        String url) {

    public static PortalIntakeLinkView of(PortalIntakeLinks.PortalIntakeLink link) {
        return new PortalIntakeLinkView(link.url());
    }
}
