package io.referrals.notification.service.mail;

import io.quarkus.qute.Engine;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.Expression;
import io.quarkus.qute.IfSectionHelper;
import io.quarkus.qute.Results;
import io.quarkus.qute.SectionBlock;
import io.quarkus.qute.SectionNode;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.TemplateNode;
import io.quarkus.qute.ValueResolver;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The language a practice writes its templates in: text, {@code {placeholder}} and {@code {#if …}…{#else}…{/if}}
 * over placeholders and literals. Nothing else: no namespaces ({@code config:}, {@code inject:}), no other section
 * ({@code {#eval}} would parse a value as a template), no method call or property of a value.
 *
 * <p>Two Qute engines, neither of them the application's: one knows every built-in section so that a template using
 * one parses and is refused by name; the other, the only one that renders, knows {@code {#if}} and the placeholder
 * values and nothing else, so that even a template that got past the check could not reach configuration or code.
 */
final class TemplateSyntax {
    /** How many parsed texts are kept (the shipped defaults and the practices' templates in use). */
    private static final int PARSED_KEPT = 1_000;

    /** Texts that passed {@link #parse}, parsed, by their content. */
    private final Map<String, Template> parsed = new ConcurrentHashMap<>();

    /** A construct a template may not use, and where. */
    static final class Refused extends RuntimeException {
        final transient TemplateNode.Origin origin;

        Refused(String message, TemplateNode.Origin origin) {
            super(message, null, false, false);
            this.origin = origin;
        }
    }

    /** The labels Qute gives an {@code {#if}}'s blocks: its first, and each {@code {#else}} or {@code {#else if}}. */
    private static final Set<String> CONDITION_BLOCKS = Set.of("$main", "else");

    /** Recognises every built-in construct, to name it when refusing; never renders. */
    private final Engine recognising = Engine.builder()
            .addDefaultSectionHelpers()
            .removeStandaloneLines(true)
            .build();

    /** Renders: {@code {#if}} and the values given, nothing else. */
    private final Engine rendering = Engine.builder()
            .addSectionHelper(new IfSectionHelper.Factory())
            .addValueResolver(new PlaceholderValues())
            .strictRendering(true)
            .removeStandaloneLines(true)
            .build();

    private final List<String> placeholders;

    TemplateSyntax(List<String> placeholders) {
        this.placeholders = List.copyOf(placeholders);
    }

    /**
     * Parses a template and checks every node against the allow-list.
     *
     * @throws TemplateException on a syntax error
     * @throws Refused on a construct outside the language
     */
    Template parse(String content) {
        Template known = parsed.get(content);
        if (known != null) {
            return known;
        }
        check(recognising.parse(content).getRootNode());
        Template template = rendering.parse(content);
        // Parsing is most of what writing a message costs, and a practice writes hundreds from the same few texts;
        // a parsed template renders any number of times, from any thread. Bounded: texts under edit come and go.
        if (parsed.size() < PARSED_KEPT) {
            parsed.put(content, template);
        }
        return template;
    }

    private void check(SectionNode root) {
        for (SectionBlock block : root.getBlocks()) {
            checkNodes(block.nodes);
        }
    }

    private void checkNodes(List<TemplateNode> nodes) {
        for (TemplateNode node : nodes) {
            switch (node.kind()) {
                case TEXT -> {}
                case EXPRESSION -> node.getExpressions().forEach(this::checkValue);
                case SECTION -> checkSection(node.asSection());
                case PARAM_DECLARATION ->
                    throw new Refused(
                            "A parameter declaration {@…} is not allowed; use the placeholders as they are",
                            node.getOrigin());
            }
        }
    }

    private void checkSection(SectionNode section) {
        if (!section.getName().equals("if")) {
            throw new Refused(
                    "The section {#" + section.getName() + "} is not allowed; a template may use placeholders and"
                            + " {#if placeholder}…{#else}…{/if}",
                    section.getOrigin());
        }
        for (SectionBlock block : section.getBlocks()) {
            if (!CONDITION_BLOCKS.contains(block.label)) {
                throw new Refused("{#" + block.label + "} is not allowed inside {#if}", block.origin);
            }
            block.expressions.values().forEach(this::checkValue);
            checkNodes(block.nodes);
        }
    }

    /** A placeholder by its bare name, or a literal; nothing reached through it. */
    private void checkValue(Expression expression) {
        if (expression.isLiteral()) {
            return;
        }
        boolean bareName = !expression.hasNamespace()
                && expression.getParts().size() == 1
                && !expression.getParts().get(0).isVirtualMethod();
        if (!bareName || !placeholders.contains(expression.getParts().get(0).getName())) {
            throw new Refused(
                    "Unknown placeholder {" + expression.toOriginalString() + "}; use one of "
                            + String.join(", ", placeholders),
                    expression.getOrigin());
        }
    }

    /** Resolves a bare name against the values map rendered with, and nothing else (not the map's own methods). */
    private static final class PlaceholderValues implements ValueResolver {
        @Override
        public boolean appliesTo(EvalContext context) {
            return context.getBase() instanceof Map;
        }

        @Override
        public CompletionStage<Object> resolve(EvalContext context) {
            Map<?, ?> values = (Map<?, ?>) context.getBase();
            return CompletableFuture.completedFuture(
                    values.containsKey(context.getName()) ? values.get(context.getName()) : Results.NotFound.EMPTY);
        }
    }
}
