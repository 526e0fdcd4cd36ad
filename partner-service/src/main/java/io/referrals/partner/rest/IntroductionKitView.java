package io.referrals.partner.rest;

import io.referrals.partner.entity.KitItem;
import io.referrals.partner.entity.KitItemKind;
import io.referrals.partner.service.Kit;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The practice's introduction kit as stored; the practice and its partners read the same. */
@Schema(
        name = "IntroductionKit",
        description = "Texts may hold the placeholders {partnerFirstName} {partnerName} {practiceName} {intakeLink}"
                + " {bookingLink}: whoever shows them replaces each literally; nothing is evaluated.")
public record IntroductionKitView(
        @Schema(description = "The name partners see; what {practiceName} stands for", example = "Blake Coaching")
        String practiceName,

        @Schema(description = "The one-page overview of the practice")
        String overview,

        String idealClient,
        List<ItemView> successStories,
        List<ItemView> scripts,
        List<EmailView> introEmails,

        @Schema(example = "https://blakecoaching.example/book")
        String bookingUrl,

        @Schema(description = "When the kit was last saved; null until the practice writes one")
        Instant updatedAt) {

    @Schema(name = "IntroductionKitItem", description = "A success story or a conversation script")
    public record ItemView(UUID id, String title, String body) {
        static ItemView of(KitItem item) {
            return new ItemView(item.id, item.title, item.body);
        }
    }

    @Schema(name = "IntroductionEmail", description = "An introduction email template")
    public record EmailView(UUID id, String title, String subject, String body) {
        static EmailView of(KitItem item) {
            return new EmailView(item.id, item.title, item.subject, item.body);
        }
    }

    static IntroductionKitView of(Kit kit) {
        return new IntroductionKitView(
                kit.kit().practiceName,
                kit.kit().overview,
                kit.kit().idealClient,
                kit.of(KitItemKind.SUCCESS_STORY).stream().map(ItemView::of).toList(),
                kit.of(KitItemKind.SCRIPT).stream().map(ItemView::of).toList(),
                kit.of(KitItemKind.INTRO_EMAIL).stream().map(EmailView::of).toList(),
                kit.kit().bookingUrl,
                kit.kit().updatedAt);
    }
}
