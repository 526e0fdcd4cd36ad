package io.referrals.partner.service;

import io.referrals.platform.text.MultiLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the practice sends to replace its introduction kit as a whole (read back as {@code rest/IntroductionKitView}). */
public final class KitCommands {
    static final String PLACEHOLDERS = "Texts may use the placeholders {partnerFirstName} {partnerName} {practiceName}"
            + " {intakeLink} {bookingLink}, replaced literally by whoever shows them; any other use of braces is"
            + " refused (400 naming it).";

    private KitCommands() {}

    @Schema(name = "IntroductionKitUpdate", description = "The introduction kit, replaced as a whole. " + PLACEHOLDERS)
    public record Put(
            @Size(max = 200) @Schema(description = "The name partners see; what {practiceName} stands for", example = "Blake Coaching")
            String practiceName,

            @Size(max = 4000) @MultiLine
            @Schema(
                    description = "The one-page overview of the practice",
                    example = "Blake Coaching helps mid-career professionals find work that fits.")
            String overview,

            @Size(max = 4000) @MultiLine @Schema(example = "Managers of 35 to 55 considering a change within a year")
            String idealClient,

            @Size(max = 20) List<@NotNull @Valid Item> successStories,
            @Size(max = 20) List<@NotNull @Valid Item> scripts,
            @Size(max = 20) List<@NotNull @Valid Email> introEmails,

            @Size(max = 500) @Schema(
                    description = "Where a referred person books a first conversation: an https address",
                    example = "https://blakecoaching.example/book")
            String bookingUrl) {}

    @Schema(
            name = "IntroductionKitItemUpdate",
            description = "A success story or a conversation script; leave id out for a new one, keep it to edit one")
    public record Item(
            @Schema(description = "The item's id as the kit gave it; absent for a new item")
            UUID id,

            @NotBlank @Size(max = 200) @Schema(example = "Asking a colleague about their next step")
            String title,

            @NotBlank @Size(max = 4000) @MultiLine
            @Schema(example = "Hi {partnerFirstName} here: have you thought about talking to {practiceName}?")
            String body) {}

    @Schema(
            name = "IntroductionEmailUpdate",
            description = "An introduction email template; leave id out for a new one, keep it to edit one")
    public record Email(
            @Schema(description = "The template's id as the kit gave it; absent for a new template")
            UUID id,

            @NotBlank @Size(max = 200) @Schema(example = "Warm introduction")
            String title,

            @NotBlank @Size(max = 200) @Schema(example = "Introducing you to {practiceName}")
            String subject,

            @NotBlank @Size(max = 4000) @MultiLine
            @Schema(
                    example =
                            "Hi,\n\nI'd like to introduce you to {practiceName}. Book here: {bookingLink}\n\n{partnerName}")
            String body) {}
}
