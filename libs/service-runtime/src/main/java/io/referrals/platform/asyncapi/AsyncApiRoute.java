package io.referrals.platform.asyncapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Serves the platform's AsyncAPI document (libs/event-contracts, the events' machine-readable contract) at
 * {@value #PATH}, where {@code /q/openapi} serves the REST one: on the management interface when it is enabled (in
 * production), on the API port otherwise. YAML, or JSON for {@code Accept: application/json} or
 * {@code ?format=json}. Like {@code /q/openapi} it needs no token: it describes the contract, not a practice's data.
 */
@ApplicationScoped
public class AsyncApiRoute {
    public static final String PATH = "/q/asyncapi";
    static final String DOCUMENT = "META-INF/asyncapi/referral-platform.yaml";
    static final String YAML = "application/yaml";
    static final String JSON = "application/json";

    @ConfigProperty(name = "quarkus.management.enabled", defaultValue = "false")
    boolean managementInterface;

    private volatile byte[] yaml;
    private volatile byte[] json;

    void onApiPort(@Observes Router router) {
        if (!managementInterface) {
            router.get(PATH).handler(this::serve);
        }
    }

    void onManagementInterface(@Observes ManagementInterface management) {
        management.router().get(PATH).handler(this::serve);
    }

    void serve(RoutingContext context) {
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        boolean asJson = "json".equals(context.request().getParam("format"))
                || (accept != null && accept.contains(JSON) && !accept.contains("yaml"));
        context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, asJson ? JSON : YAML + ";charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .end(io.vertx.core.buffer.Buffer.buffer(asJson ? json() : yaml()));
    }

    private byte[] yaml() {
        if (yaml == null) {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DOCUMENT)) {
                if (in == null) {
                    throw new IllegalStateException(DOCUMENT + " is not on the class path (libs/event-contracts)");
                }
                yaml = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return yaml;
    }

    private byte[] json() {
        if (json == null) {
            try {
                json = new ObjectMapper().writeValueAsBytes(new YAMLMapper().readTree(yaml()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return json;
    }
}
