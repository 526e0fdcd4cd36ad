package io.referrals.notification.service.mail;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.TemplateNode;
import io.referrals.notification.entity.MessageTemplate;
import io.referrals.notification.entity.MessageTemplateRepository;
import io.referrals.notification.entity.NotificationKind;
import io.referrals.notification.entity.PracticeSettings;
import io.referrals.notification.entity.PracticeSettingsRepository;
import io.referrals.notification.service.batch.BatchRows;
import io.referrals.notification.service.batch.Batches;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The templates messages are written from: a practice's own for a kind, else the default shipped in
 * {@code notification-templates/<kind>.txt}. A template may use the {@link #PLACEHOLDERS} and {@code {#if}} over them,
 * nothing else ({@link TemplateSyntax}); one that does not parse or uses anything else is refused with the line and
 * column. The text part is the rendered body; the HTML part is the same text with everything in it escaped (the
 * practice's words and the values alike) and paragraphs kept.
 */
@ApplicationScoped
public class Templates {
    /**
     * What a template may name. Names of people are empty when unknown or, for the referred person, not allowed;
     * {@code bookingLink} (the practice's booking page with the referral's code) is empty without a booking
     * integration and in messages about no referral.
     */
    public static final List<String> PLACEHOLDERS = List.of(
            "practiceName",
            "signature",
            "program",
            "recipientName",
            "recipientFirstName",
            "referrerName",
            "referrerFirstName",
            "referredFirstName",
            "converted",
            "outcome",
            "otherPartnerName",
            "bookingLink");

    /** The preview's sample booking link: a Cal.com booking page with a referral's code attached. */
    static final String SAMPLE_BOOKING_LINK = "https://cal.com/your-practice/consultation?metadata%5Bref%5D=R7K2M9Q4TX";

    /**
     * What a campaign's ask may name (issue 29; partner-service refuses anything else when the campaign is saved, and
     * the ask is checked again here before it is written).
     */
    public static final List<String> CAMPAIGN_PLACEHOLDERS =
            List.of("partnerFirstName", "partnerName", "practiceName", "campaignLink", "incentive", "campaignEnds");

    private static final Logger LOG = Logger.getLogger(Templates.class);
    private static final char MARK_START = '\u0001';
    private static final char MARK_END = '\u0002';

    private final TemplateSyntax syntax = new TemplateSyntax(PLACEHOLDERS);
    private final TemplateSyntax campaignSyntax = new TemplateSyntax(CAMPAIGN_PLACEHOLDERS);

    @Inject
    Batches batches;

    @Inject
    MessageTemplateRepository templates;

    @Inject
    PracticeSettingsRepository settings;

    @Inject
    Clock clock;

    /** A template's two parts, as stored or shipped. */
    public record Source(NotificationKind kind, String subject, String body, boolean custom) {}

    /** A message as it is sent: subject, text part and HTML part. */
    public record Rendered(String subject, String text, String html) {}

    public Source source(String tenantId, NotificationKind kind) {
        requireTemplate(kind);
        BatchRows batch = batches.current();
        Optional<MessageTemplate> loaded = batch == null ? null : batch.template(tenantId, kind);
        return (loaded != null ? loaded : templates.find(tenantId, kind))
                .map(t -> new Source(kind, t.subject, t.body, true))
                .orElseGet(() -> defaultSource(kind));
    }

    /**
     * What a message of the kind is written from: the practice's template, unless it no longer passes the template
     * rules (saved before they were tightened), then the shipped default, said once per message in the log.
     */
    public Source sourceToSend(String tenantId, NotificationKind kind) {
        Source source = source(tenantId, kind);
        if (source.custom()) {
            try {
                parse("subject", source.subject());
                parse("body", source.body());
            } catch (ProblemException e) {
                // The template's words may be anything the practice wrote: the log says where, not what.
                LOG.warnf(
                        "A practice's %s template breaks the template rules (%s, line %s); the default is used"
                                + " until it is saved again",
                        kind.json(),
                        e.problem().extensions().get("field"),
                        e.problem().extensions().get("line"));
                return defaultSource(kind);
            }
        }
        return source;
    }

    /** Replaces the practice's template for a kind after checking both parts. */
    @Transactional
    public Source put(String tenantId, NotificationKind kind, TemplateCommands.Put command) {
        requireTemplate(kind);
        parse("subject", command.subject());
        parse("body", command.body());
        MessageTemplate template = templates.find(tenantId, kind).orElseGet(() -> {
            MessageTemplate created = new MessageTemplate();
            created.key = new MessageTemplate.Key(tenantId, kind);
            return created;
        });
        template.subject = command.subject().strip();
        template.body = command.body();
        template.updatedAt = Timestamps.now(clock);
        templates.persist(template);
        return new Source(kind, template.subject, template.body, true);
    }

    /**
     * Renders the practice's template for a kind, or the unsaved one given, with sample values (its own settings, a
     * referrer Dana Lee, a referred Sam) overridden by the values given.
     */
    public Rendered preview(String tenantId, NotificationKind kind, TemplateCommands.Preview preview) {
        Source stored = source(tenantId, kind);
        Source source = new Source(
                kind,
                preview == null || preview.subject() == null ? stored.subject() : preview.subject(),
                preview == null || preview.body() == null ? stored.body() : preview.body(),
                stored.custom());
        PracticeSettings practice = settings.of(tenantId, clock.instant());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("practiceName", practice.practiceName != null ? practice.practiceName : "Your Practice");
        values.put("signature", practice.signature != null ? practice.signature : values.get("practiceName"));
        values.put("program", practice.program != null ? practice.program : "coaching program");
        values.put("recipientName", "Dana Lee");
        values.put("recipientFirstName", "Dana");
        values.put("referrerName", "Dana Lee");
        values.put("referrerFirstName", "Dana");
        values.put("referredFirstName", "Sam");
        values.put("converted", true);
        values.put("outcome", "converted");
        values.put("otherPartnerName", "Jordan Blake");
        values.put("bookingLink", SAMPLE_BOOKING_LINK);
        if (preview != null && preview.values() != null) {
            preview.values().forEach((name, value) -> {
                if (!PLACEHOLDERS.contains(name)) {
                    throw ProblemException.invalidField(
                            "values." + name, "is not a placeholder; use one of " + String.join(", ", PLACEHOLDERS));
                }
                values.put(name, name.equals("converted") ? Boolean.valueOf(value) : (value == null ? "" : value));
            });
        }
        return render(source, values);
    }

    /** Renders a template's two parts with {@code values} (every placeholder must have one, empty at least). */
    public Rendered render(Source source, Map<String, Object> values) {
        return render(parse("subject", source.subject()), parse("body", source.body()), values);
    }

    /**
     * Renders a campaign's ask (its variant's subject and body) with the {@link #CAMPAIGN_PLACEHOLDERS}, in the same
     * language and by the same engine as the practice's templates.
     *
     * @throws ProblemException {@code template-invalid} when either part breaks the rules
     */
    public Rendered renderAsk(String subject, String body, Map<String, Object> values) {
        return render(parse(campaignSyntax, "askSubject", subject), parse(campaignSyntax, "askBody", body), values);
    }

    private Rendered render(Template subject, Template body, Map<String, Object> values) {
        String text = body.render(values);
        List<String> marked = new ArrayList<>();
        Map<String, Object> markers = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value instanceof String s && !s.isEmpty()) {
                markers.put(name, "" + MARK_START + marked.size() + MARK_END);
                marked.add(s);
            } else {
                markers.put(name, value);
            }
        });
        String html = html(body.render(markers), marked);
        return new Rendered(oneLine(subject.render(values)), text, html);
    }

    /** Parses a template, refusing syntax errors and anything but placeholders and {@code {#if}}. */
    Template parse(String field, String content) {
        return parse(syntax, field, content);
    }

    private static Template parse(TemplateSyntax syntax, String field, String content) {
        if (content == null || content.isBlank()) {
            throw ProblemException.invalidField(field, "must not be blank");
        }
        try {
            return syntax.parse(content);
        } catch (TemplateException e) {
            throw invalid(field, e.getMessage(), e.getOrigin());
        } catch (TemplateSyntax.Refused e) {
            throw invalid(field, e.getMessage(), e.origin);
        }
    }

    private static ProblemException invalid(String field, String message, TemplateNode.Origin origin) {
        Map<String, Object> where = new LinkedHashMap<>();
        where.put("field", field);
        if (origin != null) {
            where.put("line", origin.getLine());
            where.put("column", origin.getLineCharacterStart());
        }
        String at =
                origin == null ? "" : " (line " + origin.getLine() + ", column " + origin.getLineCharacterStart() + ")";
        return new ProblemException(Problem.of(400, "template-invalid", "Template is not valid", message + at)
                .withErrors(List.of(new Problem.FieldError(field, message + at)))
                .withExtensions(where));
    }

    private static void requireTemplate(NotificationKind kind) {
        if (!kind.hasTemplate()) {
            throw ProblemException.invalidField("kind", kind.json() + " has no template");
        }
    }

    /** The shipped default of each kind, read once. */
    private static final Map<NotificationKind, Source> DEFAULTS = new ConcurrentHashMap<>();

    static Source defaultSource(NotificationKind kind) {
        return DEFAULTS.computeIfAbsent(kind, Templates::readDefault);
    }

    private static Source readDefault(NotificationKind kind) {
        String resource = "notification-templates/" + kind.json() + ".txt";
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing default template " + resource);
            }
            String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int headerEnd = content.indexOf("\n\n");
            String header = content.substring(0, headerEnd);
            if (!header.startsWith("Subject: ")) {
                throw new IllegalStateException(resource + " must start with a Subject: line");
            }
            return new Source(
                    kind, header.substring("Subject: ".length()).strip(), content.substring(headerEnd + 2), false);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String oneLine(String subject) {
        return subject.replaceAll("\\s+", " ").strip();
    }

    /** Escapes all of the text, then the marked values, and keeps paragraphs and line breaks. */
    public static String html(String marked, List<String> values) {
        String escaped = escape(marked);
        StringBuilder withValues = new StringBuilder();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            int end = c == MARK_START && !values.isEmpty() ? escaped.indexOf(MARK_END, i) : -1;
            if (end > i) {
                withValues.append(escape(values.get(Integer.parseInt(escaped.substring(i + 1, end)))));
                i = end;
            } else {
                withValues.append(c);
            }
        }
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><body style=\"font-family: sans-serif\">\n");
        for (String paragraph : withValues.toString().strip().split("\\n\\s*\\n")) {
            html.append("<p>").append(paragraph.strip().replace("\n", "<br>\n")).append("</p>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
