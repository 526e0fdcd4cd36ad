package io.referrals.notification;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.testing.PlatformTestResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A practice's template can say only what it is given: every Qute section and namespace, method call and property
 * walk, nested or escaped, tried on save and on preview. None is accepted, none reveals configuration.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(GreenMailResource.class)
class TemplateInjectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD_LOOKUP = "{config:['quarkus.datasource.password']}";

    private final Events events = new Events();

    /** Templates refused, each with the construct the refusal must name. */
    private static final String[][] REFUSED = {
        // The reported attack: {#eval} parses the value it is given as a new template.
        {"{#eval referrerName /}", "{#eval}"},
        {"{#if referrerName}{#eval referrerName /}{/if}", "{#eval}"},
        {"{#if converted}ok{#else}{#eval referredFirstName /}{/if}", "{#eval}"},
        // Namespaces, alone and inside conditions (a condition is an oracle: yes/no reveals a secret bit by bit).
        {PASSWORD_LOOKUP, "config:"},
        {"{config:quarkus.datasource.password}", "config:"},
        {"{inject:mailer}", "inject:"},
        {"{cdi:mailer}", "cdi:"},
        {"{str:concat(referrerName, 'x')}", "str:"},
        {"{#if config:['quarkus.datasource.password'] == 'referrals'}yes{/if}", "config:"},
        {"{#if referrerName}a{#else if inject:mailer}b{/if}", "inject:"},
        // Every other section Qute knows, and one it does not.
        {"{#include referral_thank_you /}", "{#include}"},
        {"{#insert}x{/insert}", "{#insert}"},
        {"{#fragment id=f}x{/fragment}", "{#fragment}"},
        {"{#capture c}x{/capture}", "{#capture}"},
        {"{#let secret=config:['quarkus.datasource.password']}{secret}{/let}", "{#let}"},
        {"{#let x=referrerName}{x}{/let}", "{#let}"},
        {"{#for x in referrerName}{x}{/for}", "{#for}"},
        {"{#each referrerName}{it}{/each}", "{#each}"},
        {"{#with referrerName}{length}{/with}", "{#with}"},
        {"{#when outcome}{#is 'converted'}yes{/when}", "{#when}"},
        {"{#switch outcome}{#case 'converted'}yes{/switch}", "{#switch}"},
        {"{#cached}x{/cached}", "{#cached}"},
        {"{#myTag referrerName /}", "{#myTag"},
        {"{@java.lang.String referrerName}{referrerName}", "{@"},
        // Methods and properties of a value, operators that are method calls.
        {"{referrerName.getClass}", "{referrerName.getClass}"},
        {"{referrerName.getClass().getClassLoader()}", "getClassLoader"},
        {"{referrerName.length}", "{referrerName.length}"},
        {"{referrerName.toUpperCase()}", "toUpperCase"},
        {"{referrerName ?: config:['x']}", "referrerName"},
        {"{referrerName or 'friend'}", "referrerName"},
        {"{referrerName[0]}", "referrerName"},
        {"{#if referrerName.isEmpty()}x{/if}", "isEmpty"},
    };

    @Test
    void everyConstructBeyondPlaceholdersAndIfIsRefusedOnSaveNamingIt() {
        List<Executable> checks = new ArrayList<>();
        for (String[] row : REFUSED) {
            for (String field : new String[] {"subject", "body"}) {
                checks.add(() -> {
                    String answer = events.as("owner")
                            .body(template(field, row[0]))
                            .put("/api/templates/referral_thank_you")
                            .then()
                            .statusCode(400)
                            .contentType("application/problem+json")
                            .body("type", containsString("template-invalid"))
                            .body("field", equalTo(field))
                            .body("detail", containsString(row[1]))
                            .extract()
                            .asString();
                    assertRevealsNoConfiguration(row[0], answer);
                });
            }
        }
        assertAll(checks.stream());
        events.as("viewer").get("/api/templates/referral_thank_you").then().body("custom", equalTo(false));
    }

    @Test
    void everyConstructBeyondPlaceholdersAndIfIsRefusedOnPreviewNamingIt() {
        List<Executable> checks = new ArrayList<>();
        for (String[] row : REFUSED) {
            for (String field : new String[] {"subject", "body"}) {
                checks.add(() -> {
                    Map<String, Object> request = new LinkedHashMap<>();
                    request.put(field, row[0]);
                    request.put(
                            "values", Map.of("referrerName", PASSWORD_LOOKUP, "referredFirstName", PASSWORD_LOOKUP));
                    String answer = events.as("member")
                            .body(json(request))
                            .post("/api/templates/referral_thank_you/preview")
                            .then()
                            .statusCode(400)
                            .body("type", containsString("template-invalid"))
                            .body("detail", containsString(row[1]))
                            .extract()
                            .asString();
                    assertRevealsNoConfiguration(row[0], answer);
                });
            }
        }
        assertAll(checks.stream());
    }

    @Test
    void valuesAreInsertedAsTheyAreNeverReadAsTemplates() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("subject", "For {referrerName}");
        request.put("body", "{referrerName} / {#if referredFirstName}{referredFirstName}{/if}");
        request.put(
                "values",
                Map.of("referrerName", PASSWORD_LOOKUP, "referredFirstName", "{#eval referrerName /}{inject:mailer}"));
        String answer = events.as("member")
                .body(json(request))
                .post("/api/templates/referral_thank_you/preview")
                .then()
                .statusCode(200)
                .body("subject", equalTo("For " + PASSWORD_LOOKUP))
                .body("text", equalTo(PASSWORD_LOOKUP + " / {#eval referrerName /}{inject:mailer}"))
                .extract()
                .asString();
        assertRevealsNoConfiguration("values", answer);
    }

    @Test
    void escapedAndUnparsedTextStaysText() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("body", "\\{#eval referrerName /} {|{config:['quarkus.datasource.password']}|} {! a comment !}ok");
        request.put("values", Map.of("referrerName", PASSWORD_LOOKUP));
        String answer = events.as("member")
                .body(json(request))
                .post("/api/templates/referral_thank_you/preview")
                .then()
                .statusCode(200)
                .body("text", equalTo("{#eval referrerName /} " + PASSWORD_LOOKUP + " ok"))
                .extract()
                .asString();
        assertRevealsNoConfiguration("escaped", answer);
    }

    @Test
    void placeholdersConditionsAndComparisonsWithLiteralsStillWork() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put(
                "body",
                "Dear {referrerFirstName},{#if outcome == 'converted'} converted{#else if converted} yes{#else}"
                        + " no{/if}{#if !referredFirstName} (unnamed){/if}");
        request.put("values", Map.of("referrerFirstName", "Ana", "outcome", "converted", "referredFirstName", ""));
        events.as("owner")
                .body(json(request))
                .post("/api/templates/outcome_update/preview")
                .then()
                .statusCode(200)
                .body("text", equalTo("Dear Ana, converted (unnamed)"));
    }

    @Test
    void aViewerMayReadTemplatesButNotRenderThem() {
        events.as("viewer").get("/api/templates/referral_thank_you").then().statusCode(200);
        events.as("viewer")
                .body("{\"body\":\"{referrerName}\"}")
                .post("/api/templates/referral_thank_you/preview")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    private void assertRevealsNoConfiguration(String template, String answer) {
        var config = ConfigProvider.getConfig();
        Stream.of(
                        "quarkus.datasource.password",
                        "quarkus.datasource.jdbc.url",
                        "quarkus.datasource.username",
                        "notifications.unsubscribe.secret",
                        "kafka.bootstrap.servers")
                .map(name -> config.getValue(name, String.class))
                .forEach(secret ->
                        assertFalse(answer.contains(secret), () -> template + " revealed configuration in: " + answer));
        assertFalse(answer.contains("java.lang"), () -> template + " revealed a class in: " + answer);
    }

    private static String template(String field, String content) {
        return json(
                field.equals("subject")
                        ? Map.of("subject", content, "body", "Hello")
                        : Map.of("subject", "Hello", "body", content));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
