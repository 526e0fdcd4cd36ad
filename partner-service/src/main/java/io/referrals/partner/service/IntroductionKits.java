package io.referrals.partner.service;

import io.referrals.partner.entity.IntroductionKit;
import io.referrals.partner.entity.IntroductionKitRepository;
import io.referrals.partner.entity.KitItem;
import io.referrals.partner.entity.KitItemKind;
import io.referrals.partner.entity.KitItemRepository;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.portal.PortalSessions;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.ProblemException;
import io.referrals.platform.text.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The practice's introduction kit: the practice writes it (replaced as a whole, its items keeping their ids), and its
 * partners read it in the portal, each session within its own practice. No event: no other service reads the kit.
 */
@ApplicationScoped
public class IntroductionKits {
    @Inject
    IntroductionKitRepository kits;

    @Inject
    KitItemRepository items;

    @Inject
    OpenPortalSessions openSessions;

    @Inject
    Clock clock;

    public Kit get(String tenantId) {
        return new Kit(kits.kitOf(tenantId), items.ofKit(tenantId));
    }

    /**
     * Replaces the kit. An item sent with an id keeps it (it must be an item of this kind in this practice's kit); one
     * without gets a new id; an item left out is deleted. Anything invalid is a 400 naming every refused field, and
     * nothing is changed.
     */
    @Transactional
    public Kit put(String tenantId, KitCommands.Put command) {
        IntroductionKit kit = kits.findForUpdate(tenantId).orElse(null);
        List<KitItem> existing = kit == null ? List.of() : items.ofKit(tenantId);
        validate(command, existing);
        if (kit == null) {
            kit = IntroductionKit.empty(tenantId);
        }
        kit.practiceName = Text.blankToNull(command.practiceName());
        kit.overview = Text.blankToNull(command.overview());
        kit.idealClient = Text.blankToNull(command.idealClient());
        kit.bookingUrl = Text.blankToNull(command.bookingUrl());
        kit.updatedAt = Timestamps.now(clock);
        kits.persist(kit);
        kits.flush();

        Map<UUID, KitItem> byId = new HashMap<>();
        existing.forEach(item -> byId.put(item.id, item));
        List<KitItem> kept = new ArrayList<>();
        place(tenantId, KitItemKind.SUCCESS_STORY, stories(command.successStories()), byId, kept);
        place(tenantId, KitItemKind.SCRIPT, stories(command.scripts()), byId, kept);
        place(tenantId, KitItemKind.INTRO_EMAIL, emails(command.introEmails()), byId, kept);
        Set<UUID> keptIds = new HashSet<>();
        kept.forEach(item -> keptIds.add(item.id));
        existing.stream().filter(item -> !keptIds.contains(item.id)).forEach(items::delete);
        kept.sort(Comparator.comparing((KitItem item) -> item.kind.name()).thenComparingInt(item -> item.position));
        return new Kit(kit, kept);
    }

    /** The kit of the session's practice, for a session that is still open. */
    @Transactional
    public Kit forPartner(PortalSessions.Session session) {
        openSessions.require(session);
        return get(session.tenantId());
    }

    /** A script or email template of the session's practice's kit; another practice's, or none, is a 404. */
    @Transactional
    public KitItem itemForPartner(PortalSessions.Session session, KitItemKind kind, UUID id) {
        openSessions.require(session);
        return items.findInKit(session.tenantId(), kind, id)
                .orElseThrow(
                        () -> ProblemException.notFound(kind == KitItemKind.SCRIPT ? "Script" : "Email template", id));
    }

    /** One item as sent, whichever its kind: what {@link #place} stores. */
    private record Draft(UUID id, String title, String subject, String body) {}

    private static List<Draft> stories(List<KitCommands.Item> sent) {
        return sent == null
                ? List.of()
                : sent.stream()
                        .map(item -> new Draft(item.id(), item.title(), null, item.body()))
                        .toList();
    }

    private static List<Draft> emails(List<KitCommands.Email> sent) {
        return sent == null
                ? List.of()
                : sent.stream()
                        .map(email -> new Draft(email.id(), email.title(), email.subject(), email.body()))
                        .toList();
    }

    private void place(
            String tenantId, KitItemKind kind, List<Draft> drafts, Map<UUID, KitItem> existing, List<KitItem> kept) {
        for (int position = 0; position < drafts.size(); position++) {
            Draft draft = drafts.get(position);
            KitItem item = draft.id() == null ? KitItem.create(tenantId, kind) : existing.get(draft.id());
            item.position = position;
            item.title = draft.title().strip();
            item.subject = Text.blankToNull(draft.subject());
            item.body = draft.body().strip();
            if (draft.id() == null) {
                items.persist(item);
            }
            kept.add(item);
        }
    }

    /** Every refusal at once, by field, before anything is changed. */
    private static void validate(KitCommands.Put command, List<KitItem> existing) {
        List<Problem.FieldError> errors = new ArrayList<>();
        placeholders(errors, "practiceName", command.practiceName());
        placeholders(errors, "overview", command.overview());
        placeholders(errors, "idealClient", command.idealClient());
        Map<UUID, KitItemKind> kinds = new HashMap<>();
        existing.forEach(item -> kinds.put(item.id, item.kind));
        Set<UUID> seen = new HashSet<>();
        checkDrafts(
                errors, "successStories", KitItemKind.SUCCESS_STORY, stories(command.successStories()), kinds, seen);
        checkDrafts(errors, "scripts", KitItemKind.SCRIPT, stories(command.scripts()), kinds, seen);
        checkDrafts(errors, "introEmails", KitItemKind.INTRO_EMAIL, emails(command.introEmails()), kinds, seen);
        bookingUrlRefusal(command.bookingUrl())
                .ifPresent(message -> errors.add(new Problem.FieldError("bookingUrl", message)));
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
    }

    private static void checkDrafts(
            List<Problem.FieldError> errors,
            String field,
            KitItemKind kind,
            List<Draft> drafts,
            Map<UUID, KitItemKind> existing,
            Set<UUID> seen) {
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            String at = field + "[" + i + "]";
            if (draft.id() != null) {
                if (existing.get(draft.id()) != kind) {
                    errors.add(new Problem.FieldError(
                            at + ".id", "is not one of this kit's " + field + "; leave it out for a new one"));
                } else if (!seen.add(draft.id())) {
                    errors.add(new Problem.FieldError(at + ".id", "appears twice"));
                }
            }
            placeholders(errors, at + ".title", draft.title());
            placeholders(errors, at + ".subject", draft.subject());
            placeholders(errors, at + ".body", draft.body());
        }
    }

    private static void placeholders(List<Problem.FieldError> errors, String field, String text) {
        KitPlaceholders.refusal(text).ifPresent(message -> errors.add(new Problem.FieldError(field, message)));
    }

    /** An absolute https address with a host and no user information, or nothing. */
    static Optional<String> bookingUrlRefusal(String value) {
        String url = Text.blankToNull(value);
        if (url == null) {
            return Optional.empty();
        }
        String message = "must be an https address such as https://example.com/book";
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null
                    || !uri.getScheme().toLowerCase(Locale.ROOT).equals("https")
                    || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                return Optional.of(message);
            }
        } catch (URISyntaxException e) {
            return Optional.of(message);
        }
        return Optional.empty();
    }
}
