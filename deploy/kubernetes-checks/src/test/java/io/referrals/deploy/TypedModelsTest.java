package io.referrals.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every rendered object is one the cluster will accept as meant: its kind and apiVersion are known, and it parses into
 * the typed model of its API (fabric8's for Kubernetes and the Prometheus Operator, Strimzi's own for Kafka) without a
 * single field the model does not know (a misspelt or misplaced field would otherwise be dropped by the API server
 * without a word). CloudNativePG has no Java model: its objects are held to the fields its API reference documents
 * ({@link CloudNativePgFields}).
 */
class TypedModelsTest {
    /** Kind → (apiVersion, model). Anything else in a render is an error: it would go unchecked. */
    static final Map<String, Map.Entry<String, Class<?>>> MODELS = Map.ofEntries(
            Map.entry("Namespace", Map.entry("v1", Namespace.class)),
            Map.entry("ConfigMap", Map.entry("v1", ConfigMap.class)),
            Map.entry("Secret", Map.entry("v1", Secret.class)),
            Map.entry("Service", Map.entry("v1", Service.class)),
            Map.entry("Deployment", Map.entry("apps/v1", Deployment.class)),
            Map.entry("PodDisruptionBudget", Map.entry("policy/v1", PodDisruptionBudget.class)),
            Map.entry("NetworkPolicy", Map.entry("networking.k8s.io/v1", NetworkPolicy.class)),
            Map.entry("Ingress", Map.entry("networking.k8s.io/v1", Ingress.class)),
            Map.entry("ServiceMonitor", Map.entry("monitoring.coreos.com/v1", ServiceMonitor.class)),
            Map.entry("PrometheusRule", Map.entry("monitoring.coreos.com/v1", PrometheusRule.class)),
            Map.entry("PodMonitor", Map.entry("monitoring.coreos.com/v1", PodMonitor.class)),
            Map.entry("HorizontalPodAutoscaler", Map.entry("autoscaling/v2", HorizontalPodAutoscaler.class)),
            Map.entry("Kafka", Map.entry("kafka.strimzi.io/v1beta2", Kafka.class)),
            Map.entry("KafkaNodePool", Map.entry("kafka.strimzi.io/v1beta2", KafkaNodePool.class)),
            Map.entry("KafkaTopic", Map.entry("kafka.strimzi.io/v1beta2", KafkaTopic.class)),
            Map.entry("KafkaUser", Map.entry("kafka.strimzi.io/v1beta2", KafkaUser.class)));

    static final Set<String> CLOUDNATIVE_PG = Set.of("Cluster", "ScheduledBackup", "ObjectStore");

    /** KEDA has no Java model either: {@link KedaFields}. */
    static final Set<String> KEDA = Set.of("ScaledObject", "TriggerAuthentication");

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void everyObjectParsesIntoItsTypedModelWithoutAnUnknownField() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String overlay : Rendered.OVERLAYS) {
            for (ObjectNode object : Rendered.objects(overlay)) {
                String kind = object.path("kind").asText();
                String where = overlay + ": " + kind + " " + Rendered.name(object);
                if (CLOUDNATIVE_PG.contains(kind)) {
                    problems.addAll(CloudNativePgFields.check(where, object));
                    continue;
                }
                if (KEDA.contains(kind)) {
                    problems.addAll(KedaFields.check(where, object));
                    continue;
                }
                Map.Entry<String, Class<?>> model = MODELS.get(kind);
                if (model == null) {
                    problems.add(where + ": a kind these checks do not know");
                    continue;
                }
                if (!model.getKey().equals(object.path("apiVersion").asText())) {
                    problems.add(where + ": apiVersion "
                            + object.path("apiVersion").asText() + ", expected " + model.getKey());
                }
                Object typed;
                try {
                    typed = MAPPER.treeToValue(object, model.getValue());
                } catch (Exception e) {
                    problems.add(where + ": does not parse: " + e.getMessage());
                    continue;
                }
                unknownFields(typed, kind, problems, where, new IdentityHashMap<>());
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void bothOverlaysHaveEveryPartOfThePlatform() {
        for (String overlay : Rendered.OVERLAYS) {
            for (String kind : List.of(
                    "Namespace",
                    "Deployment",
                    "Service",
                    "PodDisruptionBudget",
                    "Cluster",
                    "Kafka",
                    "KafkaNodePool",
                    "KafkaTopic",
                    "KafkaUser",
                    "Ingress",
                    "NetworkPolicy",
                    "ServiceMonitor",
                    "ConfigMap")) {
                assertTrue(!Rendered.ofKind(overlay, kind).isEmpty(), overlay + " has no " + kind);
            }
        }
        assertEquals(
                3,
                Rendered.named("production", "Cluster", "referrals-db")
                        .path("spec")
                        .path("instances")
                        .asInt());
        assertEquals(
                1,
                Rendered.named("small", "Cluster", "referrals-db")
                        .path("spec")
                        .path("instances")
                        .asInt());
        assertEquals(
                3,
                Rendered.named("production", "KafkaNodePool", "dual-role")
                        .path("spec")
                        .path("replicas")
                        .asInt());
        assertEquals(
                1,
                Rendered.named("small", "KafkaNodePool", "dual-role")
                        .path("spec")
                        .path("replicas")
                        .asInt());
        // A single PostgreSQL instance with required synchronous replication would block every write.
        assertTrue(Rendered.named("small", "Cluster", "referrals-db")
                .path("spec")
                .path("postgresql")
                .path("synchronous")
                .isMissingNode());
        assertEquals(1, Rendered.ofKind("production", "ScheduledBackup").size());
    }

    @Test
    void aMisspeltOrMisplacedFieldIsCaughtInEveryKindOfModel() throws Exception {
        // The mistakes these checks exist for: each parses, and the API server would drop the field without a word.
        String yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: x
                          image: x:1
                          securityContext: {readOnlyRootFileSystem: true}
                ---
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: t}
                spec: {partitions: 1, replica: 3}
                ---
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: c}
                spec: {instance: 3, storage: {size: 1Gi}}
                """;
        List<String> problems = new ArrayList<>();
        for (ObjectNode object : Rendered.parse(yaml)) {
            String kind = object.path("kind").asText();
            if (CLOUDNATIVE_PG.contains(kind)) {
                problems.addAll(CloudNativePgFields.check(kind, object));
            } else {
                unknownFields(
                        MAPPER.treeToValue(object, MODELS.get(kind).getValue()),
                        kind,
                        problems,
                        kind,
                        new IdentityHashMap<>());
            }
        }
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("readOnlyRootFileSystem"), problems.get(0));
        assertTrue(problems.get(1).contains("replica"), problems.get(1));
        assertTrue(problems.get(2).contains("spec.instance is not a documented field"), problems.get(2));
        assertTrue(problems.get(3).contains("spec.instances must be at least 1"), problems.get(3));
    }

    /**
     * Walks a typed model: a field the model does not know lands in an {@code additionalProperties} map (fabric8's and
     * Strimzi's models keep them rather than fail), so every such map must be empty.
     */
    static void unknownFields(
            Object value, String path, List<String> problems, String where, Map<Object, Object> seen) {
        if (value == null || seen.containsKey(value)) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", problems, where, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((k, v) -> unknownFields(v, path + "." + k, problems, where, seen));
            return;
        }
        String type = value.getClass().getName();
        if (!type.startsWith("io.fabric8.") && !type.startsWith("io.strimzi.")) {
            return;
        }
        seen.put(value, value);
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class
                    || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    problems.add(where + ": unknown field(s) " + unknown.keySet() + " at " + path);
                }
                continue;
            }
            unknownFields(child, path + "." + property(getter.getName()), problems, where, seen);
        }
    }

    private static String property(String getter) {
        String name = getter.startsWith("is") ? getter.substring(2) : getter.substring(3);
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
