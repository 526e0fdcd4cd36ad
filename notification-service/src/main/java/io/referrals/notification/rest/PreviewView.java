package io.referrals.notification.rest;

import io.referrals.notification.service.mail.Templates;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TemplatePreview", description = "A template rendered as it would be sent")
public record PreviewView(
        @Schema(example = "Thank you for your referral") String subject,

        @Schema(example = "Dear Dana,\n\nThank you for referring Sam to us. …")
        String text,

        @Schema(example = "<!DOCTYPE html>\n<html><body …><p>Dear Dana,</p>…")
        String html) {

    public static PreviewView of(Templates.Rendered rendered) {
        return new PreviewView(rendered.subject(), rendered.text(), rendered.html());
    }
}
