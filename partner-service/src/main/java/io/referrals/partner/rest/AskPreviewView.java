package io.referrals.partner.rest;

import io.referrals.partner.service.CampaignReads;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AskPreview", description = "A variant's ask with its placeholders filled, as a partner would read it")
public record AskPreviewView(
        @Schema(example = "a") String variant,
        @Schema(example = "Who do you know, Dana?") String subject,

        @Schema(
                example = "Hi Dana, who do you know who is struggling with work-life balance? "
                        + "https://app.example/refer/#example")
        String body,

        @Schema(description = "The audience partner it was rendered for; null: example values")
        UUID samplePartnerId) {

    public static AskPreviewView of(CampaignReads.AskPreview preview) {
        return new AskPreviewView(preview.variant(), preview.subject(), preview.body(), preview.samplePartnerId());
    }
}
