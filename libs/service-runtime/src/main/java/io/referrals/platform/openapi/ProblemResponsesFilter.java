package io.referrals.platform.openapi;

import io.referrals.platform.problem.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Documents the problem+json error answers every operation can give, so that generated clients know
 * them without each resource method repeating the same annotations: 500 and 503 (a dependency away, with Retry-After) everywhere, 401 and 403 on operations that
 * require a token (public ones, such as intake links and unsubscribe, answer neither), 400 where there is a body or query input, 404 where there is a path parameter. Also shows
 * enum values as they travel ({@link io.referrals.events.WireEnum}: lower case). Portal paths ({@code /api/portal/**},
 * open at the HTTP layer) require the {@value #PORTAL_SESSION} scheme: a partner's portal session token.
 */
public class ProblemResponsesFilter implements OASFilter {
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    /** The security scheme of the partner portal's session tokens. */
    static final String PORTAL_SESSION = "portalSession";

    private static final java.util.regex.Pattern JAVA_CONSTANT = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]*");

    /** Every enum of this API is a WireEnum, written in lower case; the scanner only sees the Java names. */
    @Override
    public Schema filterSchema(Schema schema) {
        List<Object> values = schema.getEnumeration();
        if (values != null
                && values.stream()
                        .allMatch(v -> v instanceof String text
                                && JAVA_CONSTANT.matcher(text).matches())) {
            schema.setEnumeration(values.stream()
                    .map(v -> (Object) ((String) v).toLowerCase(Locale.ROOT))
                    .toList());
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getPaths().getPathItems().keySet().stream().anyMatch(path -> path.startsWith("/api/portal/"))) {
            openAPI.getComponents()
                    .addSecurityScheme(
                            PORTAL_SESSION,
                            OASFactory.createSecurityScheme()
                                    .type(SecurityScheme.Type.HTTP)
                                    .scheme("bearer")
                                    .bearerFormat("JWT")
                                    .description(
                                            "A partner's portal session: the accessToken of POST /api/portal/sessions"
                                                    + " (partner-service), checked by the service itself (CurrentPartner)."));
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.getOperations().forEach((method, operation) -> {
                portalSession(path, operation);
                document(path, method, operation);
            });
        });
    }

    /**
     * Portal paths are open at the HTTP layer (no practice token) but answer only a partner's portal session; say so,
     * unless the operation declares itself public ({@code @SecurityRequirements} with none, e.g. signing in).
     */
    private static void portalSession(String path, Operation operation) {
        if (path.startsWith("/api/portal/") && operation.getSecurity() == null) {
            operation.addSecurityRequirement(
                    OASFactory.createSecurityRequirement().addScheme(PORTAL_SESSION));
        }
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && operation.getParameters().stream().anyMatch(p -> p.getIn() != Parameter.In.PATH));
        boolean portalSession = operation.getSecurity() != null
                && operation.getSecurity().stream().anyMatch(r -> r.hasScheme(PORTAL_SESSION));
        if (portalSession) {
            // A 403 only where the resource says so: a change refuses the practice's read-only "view as" session
            // (CurrentPartner.sessionForChange), signing out does not.
            add(responses, "401", "No open portal session (none, expired, a staff token, or access revoked)");
        } else if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            add(responses, "401", "Missing, expired or invalid bearer token");
            add(
                    responses,
                    "403",
                    write ? "The token's role may not write" : "The token carries no role of this practice");
        }
        if (hasInput) {
            add(responses, "400", "Invalid input; `errors` lists each invalid field");
        }
        if (path.contains("{")) {
            add(responses, "404", "No such resource in this practice");
        }
        add(responses, "500", "Unexpected error, logged with the id given in `detail`");
        add(
                responses,
                "503",
                "service-unavailable: the database cannot be reached for now; retry after the `Retry-After` seconds");
    }

    private static void add(APIResponses responses, String code, String description) {
        Content content = OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM_REF)));
        APIResponse existing = responses.getAPIResponse(code);
        if (existing == null) {
            responses.addAPIResponse(
                    code,
                    OASFactory.createAPIResponse().description(description).content(content));
        } else if (existing.getContent() == null
                || existing.getContent().getMediaTypes() == null
                || existing.getContent().getMediaTypes().isEmpty()) {
            // Quarkus adds 401 and 403 to secured operations, without a body.
            existing.description(description).content(content);
        }
    }

    private static Schema problemSchema() {
        Map<String, Schema> fieldError = new LinkedHashMap<>();
        fieldError.put("field", string("JSON path of the invalid field", "referred.email"));
        fieldError.put("message", string("What is wrong with it", "must be a well-formed email address"));
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put(
                "type",
                string("URI naming the kind of problem", "https://referrals.example/problems/validation-failed"));
        properties.put("title", string("Short summary of the kind of problem", "Request is not valid"));
        properties.put(
                "status", OASFactory.createSchema().addType(SchemaType.INTEGER).example(400));
        properties.put("detail", string("What happened in this case", "One or more fields are invalid."));
        properties.put("instance", string("Path of the request", "/api/partners"));
        properties.put(
                "errors",
                OASFactory.createSchema()
                        .addType(SchemaType.ARRAY)
                        .description("Field-level validation failures")
                        .items(OASFactory.createSchema()
                                .addType(SchemaType.OBJECT)
                                .properties(fieldError)));
        return OASFactory.createSchema()
                .addType(SchemaType.OBJECT)
                .description("RFC 9457 problem details. Problem-specific members may be added, e.g. `allowed`.")
                .properties(properties)
                .additionalPropertiesBoolean(true);
    }

    private static Schema string(String description, String example) {
        return OASFactory.createSchema()
                .addType(SchemaType.STRING)
                .description(description)
                .example(example);
    }
}
