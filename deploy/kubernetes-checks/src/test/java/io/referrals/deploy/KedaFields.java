package io.referrals.deploy;

import static io.referrals.deploy.CloudNativePgFields.BOOLEAN;
import static io.referrals.deploy.CloudNativePgFields.FREE;
import static io.referrals.deploy.CloudNativePgFields.INTEGER;
import static io.referrals.deploy.CloudNativePgFields.KUBERNETES;
import static io.referrals.deploy.CloudNativePgFields.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * KEDA's objects (keda.sh/v1alpha1, KEDA 2.17+) against the fields its documentation and CRDs give: ScaledObject
 * ("Scaling Deployments": spec.scaleTargetRef, the replica bounds, fallback, advanced, triggers) and
 * TriggerAuthentication ("Authentication": secretTargetRef, env, configMapTargetRef and the secret stores), and the
 * trigger metadata of the two scalers this package uses: "Apache Kafka" (kafka) and "CPU" (cpu). There is no Java model;
 * like {@link CloudNativePgFields}, a field not listed is an error, and the metadata values are strings (KEDA reads
 * them as such). The kafka scaler's user name, password and CA are authentication parameters only: never in metadata.
 */
final class KedaFields {
    private static final Map<String, Object> METADATA =
            Map.of("name", STRING, "namespace", STRING, "labels", FREE, "annotations", FREE);

    static final Map<String, Object> SCALED_OBJECT = Map.of(
            "apiVersion",
            STRING,
            "kind",
            STRING,
            "metadata",
            METADATA,
            "spec",
            Map.ofEntries(
                    Map.entry(
                            "scaleTargetRef",
                            Map.of(
                                    "apiVersion", STRING,
                                    "kind", STRING,
                                    "name", STRING,
                                    "envSourceContainerName", STRING)),
                    Map.entry("pollingInterval", INTEGER),
                    Map.entry("cooldownPeriod", INTEGER),
                    Map.entry("initialCooldownPeriod", INTEGER),
                    Map.entry("idleReplicaCount", INTEGER),
                    Map.entry("minReplicaCount", INTEGER),
                    Map.entry("maxReplicaCount", INTEGER),
                    Map.entry("fallback", Map.of("failureThreshold", INTEGER, "replicas", INTEGER, "behavior", STRING)),
                    Map.entry(
                            "advanced",
                            Map.of(
                                    "restoreToOriginalReplicaCount", BOOLEAN,
                                    "horizontalPodAutoscalerConfig", Map.of("name", STRING, "behavior", KUBERNETES),
                                    "scalingModifiers",
                                            Map.of(
                                                    "formula", STRING,
                                                    "target", STRING,
                                                    "activationTarget", STRING,
                                                    "metricType", STRING))),
                    Map.entry(
                            "triggers",
                            List.of(Map.of(
                                    "type", STRING,
                                    "name", STRING,
                                    "metadata", FREE,
                                    "authenticationRef", Map.of("name", STRING, "kind", STRING),
                                    "metricType", STRING,
                                    "useCachedMetrics", BOOLEAN)))));

    private static final Map<String, Object> SECRET_PARAMETER =
            Map.of("parameter", STRING, "name", STRING, "key", STRING);

    static final Map<String, Object> TRIGGER_AUTHENTICATION = Map.of(
            "apiVersion",
            STRING,
            "kind",
            STRING,
            "metadata",
            METADATA,
            "spec",
            Map.ofEntries(
                    Map.entry("secretTargetRef", List.of(SECRET_PARAMETER)),
                    Map.entry("configMapTargetRef", List.of(SECRET_PARAMETER)),
                    Map.entry("env", List.of(Map.of("parameter", STRING, "name", STRING, "containerName", STRING))),
                    Map.entry("podIdentity", KUBERNETES),
                    Map.entry("filePath", STRING),
                    Map.entry(
                            "boundServiceAccountToken",
                            List.of(Map.of("parameter", STRING, "serviceAccountName", STRING))),
                    Map.entry("hashiCorpVault", KUBERNETES),
                    Map.entry("azureKeyVault", KUBERNETES),
                    Map.entry("awsSecretManager", KUBERNETES),
                    Map.entry("gcpSecretManager", KUBERNETES)));

    /** The kafka scaler's trigger metadata (its documented parameter list); sasl and tls may also be authentication. */
    static final Set<String> KAFKA_METADATA = Set.of(
            "bootstrapServers",
            "consumerGroup",
            "topic",
            "partitionLimitation",
            "lagThreshold",
            "activationLagThreshold",
            "offsetResetPolicy",
            "allowIdleConsumers",
            "excludePersistentLag",
            "scaleToZeroOnInvalidOffset",
            "limitToPartitionsWithLag",
            "ensureEvenDistributionOfPartitions",
            "version",
            "tls",
            "unsafeSsl",
            "sasl",
            "saslTokenProvider",
            "awsRegion");

    /** The kafka scaler's authentication parameters (TriggerAuthentication's `parameter`). */
    static final Set<String> KAFKA_AUTHENTICATION = Set.of(
            "sasl",
            "tls",
            "username",
            "password",
            "ca",
            "cert",
            "key",
            "keyPassword",
            "saslTokenProvider",
            "oauthTokenEndpointUri",
            "scopes",
            "oauthExtensions",
            "keytab",
            "realm",
            "kerberosConfig",
            "kerberosServiceName",
            "kerberosDisableFAST");

    /** The cpu scaler's metadata (its metricType is the trigger's own field). */
    static final Set<String> CPU_METADATA = Set.of("value", "containerName");

    private static final Map<String, Set<String>> ENUMS = Map.of(
            "spec.triggers[].type", Set.of("kafka", "cpu", "memory"),
            "spec.triggers[].metricType", Set.of("Utilization", "AverageValue", "Value"),
            "spec.triggers[].authenticationRef.kind", Set.of("TriggerAuthentication", "ClusterTriggerAuthentication"),
            "spec.scaleTargetRef.kind", Set.of("Deployment", "StatefulSet"));

    private static final Map<String, Set<String>> METADATA_ENUMS = Map.of(
            "offsetResetPolicy", Set.of("latest", "earliest"),
            "tls", Set.of("enable", "disable"),
            "sasl", Set.of("none", "plaintext", "scram_sha256", "scram_sha512", "oauthbearer", "gssapi"));

    private KedaFields() {}

    static List<String> check(String where, JsonNode object) {
        String kind = object.path("kind").asText();
        List<String> problems = new ArrayList<>();
        if (!"keda.sh/v1alpha1".equals(object.path("apiVersion").asText())) {
            problems.add(where + ": apiVersion " + object.path("apiVersion").asText() + ", expected keda.sh/v1alpha1");
        }
        switch (kind) {
            case "ScaledObject" -> {
                CloudNativePgFields.check(where, "", object, SCALED_OBJECT, problems, ENUMS);
                if (!object.path("spec").path("scaleTargetRef").path("name").isTextual()) {
                    problems.add(where + ": spec.scaleTargetRef.name is required");
                }
                JsonNode triggers = object.path("spec").path("triggers");
                for (int i = 0; i < triggers.size(); i++) {
                    triggerMetadata(where + ": spec.triggers[" + i + "]", triggers.get(i), problems);
                }
            }
            case "TriggerAuthentication" -> {
                CloudNativePgFields.check(where, "", object, TRIGGER_AUTHENTICATION, problems, ENUMS);
                for (String list : List.of("secretTargetRef", "env", "configMapTargetRef")) {
                    for (JsonNode parameter : object.path("spec").path(list)) {
                        String name = parameter.path("parameter").asText();
                        if (!KAFKA_AUTHENTICATION.contains(name)) {
                            problems.add(where + ": spec." + list + " parameter " + name
                                    + " is not one of the kafka scaler's authentication parameters");
                        }
                    }
                }
            }
            default -> throw new IllegalArgumentException(kind);
        }
        return problems;
    }

    private static void triggerMetadata(String where, JsonNode trigger, List<String> problems) {
        Set<String> allowed = switch (trigger.path("type").asText()) {
            case "kafka" -> KAFKA_METADATA;
            case "cpu", "memory" -> CPU_METADATA;
            default -> Set.of();
        };
        for (var field : trigger.path("metadata").properties()) {
            if (!allowed.contains(field.getKey())) {
                problems.add(where + ": metadata." + field.getKey() + " is not a documented parameter of the "
                        + trigger.path("type").asText() + " scaler");
            }
            if (!field.getValue().isTextual()) {
                problems.add(where + ": metadata." + field.getKey() + " must be a string, is " + field.getValue());
            }
            Set<String> values = METADATA_ENUMS.get(field.getKey());
            if (values != null && !values.contains(field.getValue().asText())) {
                problems.add(where + ": metadata." + field.getKey() + " is " + field.getValue() + ", documented values "
                        + values);
            }
        }
        if (trigger.path("type").asText().equals("kafka")) {
            for (String required : List.of("bootstrapServers", "consumerGroup", "topic")) {
                if (!trigger.path("metadata").has(required)) {
                    problems.add(where + ": metadata." + required + " is required here");
                }
            }
        }
    }
}
