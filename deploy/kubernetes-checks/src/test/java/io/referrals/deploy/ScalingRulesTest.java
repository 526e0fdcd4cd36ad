package io.referrals.deploy;

import static io.referrals.deploy.PlatformRulesTest.require;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The autoscalers: what each one scales, on what, and how far. The services consume Kafka and serve HTTP, so KEDA
 * ScaledObjects (lag per consumed topic and CPU); the console serves HTTP only, so a plain HPA; never both on one
 * Deployment (KEDA's own HPA and the other would fight over its replicas).
 */
class ScalingRulesTest {

    @Test
    void everyAutoscalerTargetsAnExistingDeploymentAndNoDeploymentHasTwo() {
        List<String> problems = new ArrayList<>();
        for (String overlay : Rendered.OVERLAYS) {
            Map<String, List<String>> scalersOf = new HashMap<>();
            for (Autoscaler scaler : autoscalers(overlay)) {
                String where = overlay + ": " + scaler.kind() + " " + scaler.name();
                require(
                        problems,
                        where,
                        "targets a Deployment",
                        scaler.targetKind().equals("Deployment"));
                require(
                        problems,
                        where,
                        "targets an existing Deployment (" + scaler.target() + ")",
                        deployments(overlay).containsKey(scaler.target()));
                require(
                        problems,
                        where,
                        "2 <= min <= max (" + scaler.min() + ", " + scaler.max() + ")",
                        scaler.min() >= 2 && scaler.min() <= scaler.max());
                scalersOf
                        .computeIfAbsent(scaler.target(), t -> new ArrayList<>())
                        .add(scaler.kind() + " " + scaler.name());
            }
            scalersOf.forEach((deployment, scalers) -> require(
                    problems,
                    overlay + ": Deployment " + deployment,
                    "one autoscaler, not " + scalers,
                    scalers.size() == 1));
            // An autoscaled Deployment leaves its replicas to the autoscaler: an apply would reset them otherwise.
            for (String deployment : scalersOf.keySet()) {
                ObjectNode target = deployments(overlay).get(deployment);
                if (target != null) {
                    require(
                            problems,
                            overlay + ": Deployment " + deployment,
                            "no spec.replicas (autoscaled)",
                            target.path("spec").path("replicas").isMissingNode());
                }
            }
        }
        // Production scales every service on KEDA and the console on an HPA; the small overlay has one of each, fixed.
        Map<String, String> production = new HashMap<>();
        autoscalers("production").forEach(s -> production.put(s.target(), s.kind()));
        for (String service : Rendered.SERVICES) {
            require(
                    problems,
                    "production: " + service,
                    "a ScaledObject",
                    "ScaledObject".equals(production.get(service)));
        }
        require(
                problems,
                "production: console",
                "a HorizontalPodAutoscaler",
                "HorizontalPodAutoscaler".equals(production.get("console")));
        require(problems, "small", "no autoscaler", autoscalers("small").isEmpty());
        assertEquals(List.of(), problems);
    }

    @Test
    void everyServiceScalesOnTheLagOfEachTopicItConsumesWithinItsPartitions() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String overlay : Rendered.OVERLAYS) {
            Map<String, Integer> partitions = new HashMap<>();
            Rendered.ofKind(overlay, "KafkaTopic")
                    .forEach(t -> partitions.put(
                            t.path("spec").path("topicName").asText(Rendered.name(t)),
                            t.path("spec").path("partitions").asInt()));
            String bootstrap =
                    platformConfig(overlay).path("KAFKA_BOOTSTRAP_SERVERS").asText();
            String clusterCa = Rendered.name(Rendered.ofKind(overlay, "Kafka").get(0)) + "-cluster-ca-cert";
            for (ObjectNode scaledObject : Rendered.ofKind(overlay, "ScaledObject")) {
                String where = overlay + ": ScaledObject " + Rendered.name(scaledObject);
                JsonNode spec = scaledObject.path("spec");
                ObjectNode deployment = deployments(overlay)
                        .get(spec.path("scaleTargetRef").path("name").asText());
                if (deployment == null) {
                    continue; // reported above
                }
                String service = deployment
                        .path("spec")
                        .path("template")
                        .path("metadata")
                        .path("labels")
                        .path("app.kubernetes.io/name")
                        .asText();
                Properties properties = PlatformRulesTest.applicationProperties(service);
                String group = properties.getProperty("mp.messaging.connector.smallrye-kafka.group.id", service);
                Set<String> consumed = new TreeSet<>();
                for (String key : properties.stringPropertyNames()) {
                    if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic")) {
                        consumed.add(properties.getProperty(key));
                    }
                }
                Set<String> scaledOn = new TreeSet<>();
                boolean cpu = false;
                int max = spec.path("maxReplicaCount").asInt(100);
                for (JsonNode trigger : spec.path("triggers")) {
                    if (trigger.path("type").asText().equals("cpu")) {
                        cpu = true;
                        continue;
                    }
                    JsonNode metadata = trigger.path("metadata");
                    String topic = metadata.path("topic").asText();
                    scaledOn.add(topic);
                    String at = where + " trigger " + trigger.path("name").asText();
                    require(
                            problems,
                            at,
                            "consumer group " + group + " ("
                                    + metadata.path("consumerGroup").asText() + ")",
                            group.equals(metadata.path("consumerGroup").asText()));
                    require(
                            problems,
                            at,
                            "maxReplicaCount " + max + " <= " + topic + "'s partitions " + partitions.get(topic),
                            partitions.containsKey(topic) && max <= partitions.get(topic));
                    require(
                            problems,
                            at,
                            "the services' bootstrap servers " + bootstrap,
                            bootstrap.equals(metadata.path("bootstrapServers").asText()));
                    require(
                            problems,
                            at,
                            "SCRAM-SHA-512 over TLS, as the listener wants",
                            metadata.path("sasl").asText().equals("scram_sha512")
                                    && metadata.path("tls").asText().equals("enable"));
                    String authentication =
                            trigger.path("authenticationRef").path("name").asText();
                    ObjectNode auth = Rendered.ofKind(overlay, "TriggerAuthentication").stream()
                            .filter(a -> Rendered.name(a).equals(authentication))
                            .findFirst()
                            .orElse(null);
                    require(problems, at, "a TriggerAuthentication " + authentication, auth != null);
                    if (auth != null) {
                        authenticatesAs(problems, at, auth, overlay, clusterCa, topic, group);
                    }
                }
                require(problems, where, "a cpu trigger (the service serves HTTP)", cpu);
                require(
                        problems,
                        where,
                        "a kafka trigger for each topic " + service + " consumes " + consumed + " (" + scaledOn + ")",
                        scaledOn.equals(consumed));
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aMisspeltOrUndocumentedKedaFieldIsCaught() throws IOException {
        String yaml = """
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: x}
                spec:
                  scaleTargetRef: {name: x}
                  maxReplicas: 3
                  triggers:
                    - type: kafka
                      metadata: {bootstrapServers: "k:9093", consumerGroup: g, topic: t, lagTreshold: "5", sasl: scram}
                ---
                apiVersion: keda.sh/v1alpha1
                kind: TriggerAuthentication
                metadata: {name: y}
                spec:
                  secretTargetRefs: []
                  configMapTargetRef: [{parameter: user, name: u, key: username}]
                """;
        List<String> problems = new ArrayList<>();
        for (ObjectNode object : Rendered.parse(yaml)) {
            problems.addAll(KedaFields.check(object.path("kind").asText(), object));
        }
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("spec.maxReplicas is not a documented field"), problems.get(0));
        assertTrue(problems.get(1).contains("metadata.lagTreshold is not a documented parameter"), problems.get(1));
        assertTrue(problems.get(2).contains("metadata.sasl is \"scram\""), problems.get(2));
        assertTrue(problems.get(3).contains("spec.secretTargetRefs is not a documented field"), problems.get(3));
        assertTrue(problems.get(4).contains("parameter user"), problems.get(4));
    }

    /**
     * The trigger logs in as a KafkaUser whose name comes from a ConfigMap and password from that user's Secret, with
     * the cluster CA; the user may Describe the trigger's topic and group and do nothing else.
     */
    private static void authenticatesAs(
            List<String> problems,
            String at,
            JsonNode auth,
            String overlay,
            String clusterCa,
            String topic,
            String group) {
        Map<String, JsonNode> parameters = new HashMap<>();
        for (String source : List.of("secretTargetRef", "configMapTargetRef", "env")) {
            auth.path("spec")
                    .path(source)
                    .forEach(p -> parameters.put(p.path("parameter").asText(), p));
        }
        JsonNode username = parameters.get("username");
        String user = null;
        if (username != null
                && auth.path("spec").path("configMapTargetRef").toString().contains("\"username\"")) {
            String configMap = username.path("name").asText();
            user = Rendered.ofKind(overlay, "ConfigMap").stream()
                    .filter(c -> Rendered.name(c).equals(configMap))
                    .map(c -> c.path("data").path(username.path("key").asText()).asText(null))
                    .findFirst()
                    .orElse(null);
        }
        String name = user;
        JsonNode kafkaUser = Rendered.ofKind(overlay, "KafkaUser").stream()
                .filter(u -> Rendered.name(u).equals(name))
                .findFirst()
                .orElse(null);
        require(problems, at, "username (from a ConfigMap) names a KafkaUser (" + user + ")", kafkaUser != null);
        JsonNode password = parameters.get("password");
        require(
                problems,
                at,
                "password from the KafkaUser " + user + "'s Secret",
                password != null
                        && password.path("name").asText().equals(user)
                        && password.path("key").asText().equals("password"));
        JsonNode ca = parameters.get("ca");
        require(
                problems,
                at,
                "ca from " + clusterCa,
                ca != null && ca.path("name").asText().equals(clusterCa));
        if (kafkaUser == null) {
            return;
        }
        require(
                problems,
                at,
                user + " may Describe topic " + topic + " and group " + group,
                allowsDescribe(kafkaUser, "topic", topic) && allowsDescribe(kafkaUser, "group", group));
        for (JsonNode acl : kafkaUser.path("spec").path("authorization").path("acls")) {
            require(
                    problems,
                    at,
                    user + " may Describe only (" + acl + ")",
                    acl.path("operations").toString().equals("[\"Describe\"]"));
        }
    }

    private static boolean allowsDescribe(JsonNode user, String type, String name) {
        for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
            JsonNode resource = acl.path("resource");
            boolean matches = resource.path("patternType").asText("literal").equals("prefix")
                    ? name.startsWith(resource.path("name").asText())
                    : name.equals(resource.path("name").asText());
            if (resource.path("type").asText().equals(type)
                    && matches
                    && acl.path("operations").toString().contains("\"Describe\"")) {
                return true;
            }
        }
        return false;
    }

    record Autoscaler(String kind, String name, String targetKind, String target, int min, int max) {}

    static List<Autoscaler> autoscalers(String overlay) {
        List<Autoscaler> scalers = new ArrayList<>();
        for (ObjectNode hpa : Rendered.ofKind(overlay, "HorizontalPodAutoscaler")) {
            JsonNode spec = hpa.path("spec");
            scalers.add(new Autoscaler(
                    "HorizontalPodAutoscaler",
                    Rendered.name(hpa),
                    spec.path("scaleTargetRef").path("kind").asText(),
                    spec.path("scaleTargetRef").path("name").asText(),
                    spec.path("minReplicas").asInt(1),
                    spec.path("maxReplicas").asInt()));
        }
        for (ObjectNode scaledObject : Rendered.ofKind(overlay, "ScaledObject")) {
            JsonNode spec = scaledObject.path("spec");
            scalers.add(new Autoscaler(
                    "ScaledObject",
                    Rendered.name(scaledObject),
                    spec.path("scaleTargetRef").path("kind").asText("Deployment"),
                    spec.path("scaleTargetRef").path("name").asText(),
                    spec.path("minReplicaCount").asInt(0),
                    spec.path("maxReplicaCount").asInt(100)));
        }
        return scalers;
    }

    /** The most replicas a Deployment may have: its autoscaler's maximum, else its fixed replicas. */
    static int maxReplicas(String overlay, JsonNode deployment) {
        for (Autoscaler scaler : autoscalers(overlay)) {
            if (scaler.target().equals(Rendered.name(deployment))) {
                return scaler.max();
            }
        }
        return deployment.path("spec").path("replicas").asInt(1);
    }

    private static Map<String, ObjectNode> deployments(String overlay) {
        Map<String, ObjectNode> deployments = new HashMap<>();
        Rendered.ofKind(overlay, "Deployment").forEach(d -> deployments.put(Rendered.name(d), d));
        return deployments;
    }

    private static JsonNode platformConfig(String overlay) {
        return Rendered.ofKind(overlay, "ConfigMap").stream()
                .filter(c -> Rendered.name(c).startsWith("platform-config"))
                .findFirst()
                .orElseThrow()
                .path("data");
    }
}
