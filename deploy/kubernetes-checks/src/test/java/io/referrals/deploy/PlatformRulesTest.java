package io.referrals.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.referrals.events.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rules the platform's Kubernetes package keeps, asserted on every rendered overlay. */
class PlatformRulesTest {
    private static final Set<String> RESTRICTED_VOLUME_TYPES = Set.of(
            "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret");
    private static final int MANAGEMENT_PORT = 9000;
    private static final int API_PORT = 8080;

    @Test
    void everyPodMeetsTheRestrictedPodSecurityStandard() {
        List<String> problems = new ArrayList<>();
        for (String overlay : Rendered.OVERLAYS) {
            for (ObjectNode deployment : Rendered.ofKind(overlay, "Deployment")) {
                String where = overlay + ": Deployment " + Rendered.name(deployment);
                JsonNode pod = deployment.path("spec").path("template").path("spec");
                JsonNode podSecurity = pod.path("securityContext");
                require(
                        problems,
                        where,
                        "automountServiceAccountToken false",
                        pod.path("automountServiceAccountToken").asBoolean(true) == false);
                for (String field : List.of("hostNetwork", "hostPID", "hostIPC")) {
                    require(problems, where, field + " unset", !pod.path(field).asBoolean(false));
                }
                pod.path("volumes").forEach(volume -> {
                    Set<String> types = new HashSet<>();
                    volume.fieldNames().forEachRemaining(types::add);
                    types.remove("name");
                    require(
                            problems,
                            where,
                            "volume " + volume.path("name").asText() + " of a restricted type",
                            RESTRICTED_VOLUME_TYPES.containsAll(types));
                });
                List<JsonNode> containers = new ArrayList<>();
                pod.path("initContainers").forEach(containers::add);
                pod.path("containers").forEach(containers::add);
                for (JsonNode container : containers) {
                    String at = where + " container " + container.path("name").asText();
                    JsonNode security = container.path("securityContext");
                    require(
                            problems,
                            at,
                            "runAsNonRoot",
                            security.path("runAsNonRoot")
                                    .asBoolean(podSecurity.path("runAsNonRoot").asBoolean(false)));
                    require(
                            problems,
                            at,
                            "runAsUser not 0",
                            security.path("runAsUser")
                                            .asInt(podSecurity.path("runAsUser").asInt(1))
                                    != 0);
                    require(
                            problems,
                            at,
                            "allowPrivilegeEscalation false",
                            security.has("allowPrivilegeEscalation")
                                    && !security.path("allowPrivilegeEscalation")
                                            .asBoolean());
                    require(
                            problems,
                            at,
                            "capabilities.drop [ALL]",
                            security.path("capabilities")
                                            .path("drop")
                                            .toString()
                                            .equals("[\"ALL\"]")
                                    && security.path("capabilities").path("add").isMissingNode());
                    String seccomp = security.path("seccompProfile")
                            .path("type")
                            .asText(podSecurity
                                    .path("seccompProfile")
                                    .path("type")
                                    .asText());
                    require(
                            problems,
                            at,
                            "seccompProfile RuntimeDefault or Localhost",
                            seccomp.equals("RuntimeDefault") || seccomp.equals("Localhost"));
                    require(
                            problems,
                            at,
                            "privileged unset",
                            !security.path("privileged").asBoolean(false));
                    require(
                            problems,
                            at,
                            "readOnlyRootFilesystem",
                            security.path("readOnlyRootFilesystem").asBoolean(false));
                    require(problems, at, "/tmp on an emptyDir", mountsEmptyDir(pod, container, "/tmp"));
                    container
                            .path("ports")
                            .forEach(port -> require(
                                    problems,
                                    at,
                                    "no hostPort",
                                    port.path("hostPort").isMissingNode()));
                    JsonNode resources = container.path("resources");
                    require(
                            problems,
                            at,
                            "a memory limit",
                            resources.path("limits").has("memory"));
                    require(
                            problems,
                            at,
                            "memory request = limit (no overcommit for a JVM)",
                            resources
                                    .path("limits")
                                    .path("memory")
                                    .equals(resources.path("requests").path("memory")));
                    require(
                            problems,
                            at,
                            "a CPU request",
                            resources.path("requests").has("cpu"));
                }
            }
            JsonNode namespace = Rendered.ofKind(overlay, "Namespace").get(0);
            assertEquals(
                    "restricted",
                    namespace
                            .path("metadata")
                            .path("labels")
                            .path("pod-security.kubernetes.io/enforce")
                            .asText(),
                    overlay + ": namespace enforces restricted");
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyDeploymentHasADisruptionBudgetProbesOnTheManagementPortAndADrain() {
        List<String> problems = new ArrayList<>();
        for (String overlay : Rendered.OVERLAYS) {
            for (ObjectNode deployment : Rendered.ofKind(overlay, "Deployment")) {
                String where = overlay + ": Deployment " + Rendered.name(deployment);
                JsonNode podLabels = deployment
                        .path("spec")
                        .path("template")
                        .path("metadata")
                        .path("labels");
                long budgets = Rendered.ofKind(overlay, "PodDisruptionBudget").stream()
                        .filter(pdb -> selects(pdb.path("spec").path("selector").path("matchLabels"), podLabels))
                        .count();
                require(problems, where, "exactly one PodDisruptionBudget selecting its pods", budgets == 1);
                JsonNode pod = deployment.path("spec").path("template").path("spec");
                require(
                        problems,
                        where,
                        "topology spread over nodes for its own pods",
                        spreadsOver(pod, "kubernetes.io/hostname", podLabels));
                if (isConsole(deployment)) {
                    consoleProbes(problems, where, pod);
                    continue;
                }
                for (JsonNode container : pod.path("containers")) {
                    String at = where + " container " + container.path("name").asText();
                    int management = -1;
                    for (JsonNode port : container.path("ports")) {
                        if (port.path("name").asText().equals("management")) {
                            management = port.path("containerPort").asInt();
                        }
                    }
                    require(
                            problems,
                            at,
                            "a port named management = " + MANAGEMENT_PORT,
                            management == MANAGEMENT_PORT);
                    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                        JsonNode get = container.path(probe).path("httpGet");
                        require(
                                problems,
                                at,
                                probe + " on the management port",
                                get.path("port").asText().equals("management")
                                        || get.path("port").asInt() == MANAGEMENT_PORT);
                        require(
                                problems,
                                at,
                                probe + " under /q/health",
                                get.path("path").asText().startsWith("/q/health"));
                    }
                    require(
                            problems,
                            at,
                            "readiness is /q/health/ready",
                            container
                                    .path("readinessProbe")
                                    .path("httpGet")
                                    .path("path")
                                    .asText()
                                    .equals("/q/health/ready"));
                    require(
                            problems,
                            at,
                            "a preStop drain delay",
                            !container.path("lifecycle").path("preStop").isMissingNode());
                }
                require(
                        problems,
                        where,
                        "terminationGracePeriodSeconds longer than drain + shutdown (>= 30)",
                        pod.path("terminationGracePeriodSeconds").asInt(30) >= 30);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void noSecretValueIsCommittedAndEverySecretReferencedIsMadeByAnOperatorOrIsARequiredInput() throws Exception {
        List<String> problems = new ArrayList<>();
        // No committed file holds a Secret.
        for (String file : git("ls-files", "deploy")) {
            if (file.endsWith(".yaml") || file.endsWith(".yml")) {
                String text = Files.readString(Rendered.REPOSITORY.resolve(file));
                for (ObjectNode object : Rendered.parse(text)) {
                    if ("Secret".equals(object.path("kind").asText())) {
                        problems.add(file + " commits a Secret");
                    }
                }
            }
        }
        // Every secretGenerator reads files that git ignores.
        try (Stream<Path> files = Files.walk(Rendered.KUBERNETES)) {
            for (Path kustomization : files.filter(
                            p -> p.getFileName().toString().equals("kustomization.yaml"))
                    .toList()) {
                JsonNode k = Rendered.YAML.readTree(kustomization.toFile());
                for (JsonNode generator : k.path("secretGenerator")) {
                    List<String> inputs = new ArrayList<>();
                    generator.path("envs").forEach(e -> inputs.add(e.asText()));
                    generator.path("files").forEach(f -> inputs.add(f.asText().replaceFirst("^[^=]*=", "")));
                    require(
                            problems,
                            Rendered.REPOSITORY.relativize(kustomization).toString(),
                            "secretGenerator " + generator.path("name").asText() + " without literals",
                            generator.path("literals").isMissingNode());
                    for (String input : inputs) {
                        Path path = kustomization.getParent().resolve(input);
                        require(
                                problems,
                                Rendered.REPOSITORY.relativize(path).toString(),
                                "git-ignored",
                                !git("check-ignore", "-q", "--no-index", path.toString())
                                        .contains("!not-ignored"));
                    }
                }
            }
        }
        for (String overlay : Rendered.OVERLAYS) {
            Set<String> madeHere = new TreeSet<>();
            Rendered.ofKind(overlay, "Secret").forEach(s -> madeHere.add(Rendered.name(s)));
            Set<String> kafkaUsers = names(overlay, "KafkaUser");
            Set<String> roleSecrets = new TreeSet<>();
            Rendered.named(overlay, "Cluster", "referrals-db")
                    .path("spec")
                    .path("managed")
                    .path("roles")
                    .forEach(r -> roleSecrets.add(
                            r.path("passwordSecret").path("name").asText()));
            // Required inputs (README.md, "Secrets"), and what Strimzi makes for each Kafka cluster.
            Set<String> required = new TreeSet<>(Set.of(
                    "referral-service-intake",
                    "notification-service-mail",
                    "partner-service-portal-key",
                    "portal-public-key"));
            names(overlay, "Kafka").forEach(kafka -> required.add(kafka + "-cluster-ca-cert"));
            for (ObjectNode deployment : Rendered.ofKind(overlay, "Deployment")) {
                for (String secret : secretsReferenced(deployment)) {
                    boolean known = madeHere.contains(secret)
                            || kafkaUsers.contains(secret)
                            || roleSecrets.contains(secret)
                            || required.contains(secret);
                    require(
                            problems,
                            overlay + ": Deployment " + Rendered.name(deployment),
                            "secret " + secret + " is a KafkaUser's, a managed role's or a documented input",
                            known);
                }
            }
            for (String service : Rendered.SERVICES) {
                require(
                        problems,
                        overlay,
                        service + "-db is the password secret of a managed role",
                        roleSecrets.contains(service + "-db"));
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyTopicAServiceUsesHasAKafkaTopicAndTheAclsItNeeds() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String overlay : Rendered.OVERLAYS) {
            Map<String, ObjectNode> topics = new java.util.HashMap<>();
            Rendered.ofKind(overlay, "KafkaTopic")
                    .forEach(t -> topics.put(t.path("spec").path("topicName").asText(Rendered.name(t)), t));
            int replicas = overlay.equals("small") ? 1 : 3;
            topics.forEach((name, topic) -> {
                JsonNode spec = topic.path("spec");
                require(
                        problems,
                        overlay + ": KafkaTopic " + name,
                        "retention.ms as Topics.retentionMs says",
                        spec.path("config").path("retention.ms").asLong(0) == Topics.retentionMs(name));
                require(
                        problems,
                        overlay + ": KafkaTopic " + name,
                        "replicas " + replicas,
                        spec.path("replicas").asInt() == replicas);
                require(
                        problems,
                        overlay + ": KafkaTopic " + name,
                        "min.insync.replicas " + Math.max(1, replicas - 1),
                        spec.path("config").path("min.insync.replicas").asInt() == Math.max(1, replicas - 1));
            });
            for (String service : Rendered.SERVICES) {
                Properties properties = applicationProperties(service);
                ObjectNode user = Rendered.named(overlay, "KafkaUser", service);
                require(
                        problems,
                        overlay + ": KafkaUser " + service,
                        "scram-sha-512",
                        user.path("spec")
                                .path("authentication")
                                .path("type")
                                .asText()
                                .equals("scram-sha-512"));
                Set<String> used = new LinkedHashSet<>();
                for (String topic :
                        properties.getProperty("platform.kafka.topics", "").split(",")) {
                    if (!topic.isBlank()) {
                        used.add(topic.trim());
                    }
                }
                for (String key : properties.stringPropertyNames()) {
                    if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic")) {
                        String topic = properties.getProperty(key);
                        used.add(topic);
                        require(
                                problems,
                                overlay + ": " + service,
                                "may Read " + topic,
                                allows(user, "topic", topic, "Read"));
                    }
                }
                String dlq = Topics.deadLetter(service);
                used.add(dlq);
                require(
                        problems,
                        overlay + ": " + service,
                        "may Write its dead-letter topic " + dlq,
                        allows(user, "topic", dlq, "Write"));
                for (String topic : used) {
                    require(
                            problems,
                            overlay + ": " + service,
                            "uses " + topic + ", which has a KafkaTopic",
                            topics.containsKey(topic));
                    if (Topics.source(topic).orElse("").equals("/" + service)) {
                        require(
                                problems,
                                overlay + ": " + service,
                                "may Write its own topic " + topic,
                                allows(user, "topic", topic, "Write"));
                    }
                }
                String group = properties.getProperty("mp.messaging.connector.smallrye-kafka.group.id", service);
                require(
                        problems,
                        overlay + ": " + service,
                        "may Read its consumer group " + group,
                        allows(user, "group", group, "Read"));
                // Nothing more than it needs: every topic ACL names a topic the service uses.
                for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                    if (acl.path("resource").path("type").asText().equals("topic")) {
                        require(
                                problems,
                                overlay + ": " + service,
                                "an ACL only for a topic it uses ("
                                        + acl.path("resource").path("name").asText() + ")",
                                used.contains(acl.path("resource").path("name").asText()));
                    }
                }
            }
            // Every event topic is someone's: a KafkaTopic for each, from the contracts.
            for (String topic : List.of(
                    Topics.PARTNER_EVENTS,
                    Topics.REFERRAL_EVENTS,
                    Topics.METRICS_EVENTS,
                    Topics.NOTIFICATION_EVENTS,
                    Topics.PORTAL_SIGN_IN,
                    Topics.CAMPAIGN_LINKS)) {
                require(problems, overlay, "a KafkaTopic for " + topic, topics.containsKey(topic));
            }
            // Sign-in links and campaign links hold a credential: notification-service alone may read them.
            for (ObjectNode user : Rendered.ofKind(overlay, "KafkaUser")) {
                if (!Rendered.name(user).equals("notification-service")) {
                    for (String secretTopic : List.of(Topics.PORTAL_SIGN_IN, Topics.CAMPAIGN_LINKS)) {
                        require(
                                problems,
                                overlay + ": KafkaUser " + Rendered.name(user),
                                "may not Read " + secretTopic,
                                !allows(user, "topic", secretTopic, "Read"));
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theIngressRoutesEveryApiPrefixToItsOwnerOverTlsAndNothingUnderQ() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String overlay : Rendered.OVERLAYS) {
            Map<String, String> routes = new java.util.LinkedHashMap<>();
            // Every Ingress of the host (referrals, and referrals-secret-paths without an access log): one router.
            for (ObjectNode ingress : Rendered.ofKind(overlay, "Ingress")) {
                JsonNode spec = ingress.path("spec");
                String host = spec.path("rules").path(0).path("host").asText();
                require(problems, overlay, "the Ingress host from site.env", host.equals("referrals.example.com"));
                require(
                        problems,
                        overlay,
                        "TLS for that host",
                        spec.path("tls").path(0).path("hosts").toString().equals("[\"" + host + "\"]")
                                && spec.path("tls").path(0).has("secretName"));
                for (JsonNode rule : spec.path("rules")) {
                    for (JsonNode path : rule.path("http").path("paths")) {
                        String prefix = path.path("path").asText();
                        String service = path.path("backend")
                                .path("service")
                                .path("name")
                                .asText();
                        routes.put(prefix, service);
                        require(problems, overlay, prefix + " not under /q/", !prefix.startsWith("/q"));
                        require(
                                problems,
                                overlay,
                                prefix + " is a Prefix",
                                path.path("pathType").asText().equals("Prefix"));
                        JsonNode port = path.path("backend").path("service").path("port");
                        if (!service.equals("console")) {
                            ObjectNode target = Rendered.named(overlay, "Service", service);
                            int number = port.has("number")
                                    ? port.path("number").asInt()
                                    : servicePort(target, port.path("name").asText());
                            require(
                                    problems,
                                    overlay,
                                    prefix + " goes to " + service + "'s API port " + API_PORT,
                                    number == API_PORT);
                        } else {
                            require(
                                    problems,
                                    overlay,
                                    "/ goes to the console on 8080",
                                    prefix.equals("/") && port.path("number").asInt() == API_PORT);
                        }
                    }
                }
            }
            // Every class-level /api/... path of a service is routed to that service (GET /api/people is
            // referral-service's at the Ingress: notification-service's is a known limit, README "Known limits").
            for (String service : Rendered.SERVICES) {
                for (String prefix : apiPrefixes(service)) {
                    if (service.equals("notification-service") && prefix.equals("/api/people")) {
                        continue;
                    }
                    require(
                            problems,
                            overlay,
                            prefix + " (" + service + ") routed to " + service,
                            service.equals(routedTo(routes, prefix)));
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void configurationComesFromAGeneratedConfigMapAndImagesFromTheOverlay() {
        List<String> problems = new ArrayList<>();
        for (String overlay : Rendered.OVERLAYS) {
            Set<String> configMaps = names(overlay, "ConfigMap");
            for (ObjectNode deployment : Rendered.ofKind(overlay, "Deployment")) {
                String where = overlay + ": Deployment " + Rendered.name(deployment);
                for (JsonNode container :
                        deployment.path("spec").path("template").path("spec").path("containers")) {
                    for (JsonNode from : container.path("envFrom")) {
                        String name = from.path("configMapRef").path("name").asText(null);
                        if (name != null) {
                            require(
                                    problems,
                                    where,
                                    "envFrom " + name + " is a generated ConfigMap (a hash suffix:"
                                            + " a change rolls the pods)",
                                    configMaps.contains(name) && name.matches(".*-[a-z0-9]{10}"));
                        }
                    }
                    String image = container.path("image").asText();
                    require(
                            problems,
                            where,
                            "image " + image + " set by the overlay's images:, with a release tag",
                            !image.startsWith("referrals/")
                                    && image.matches(".+:[^:/]+$|.+@sha256:[0-9a-f]{64}$")
                                    && !image.endsWith(":latest"));
                }
            }
            JsonNode config = platformConfig(overlay);
            for (String required : List.of(
                    "JWT_ISSUER",
                    "JWT_PUBLIC_KEY_LOCATION",
                    "PORTAL_JWT_ISSUER",
                    "PUBLIC_BASE_URL",
                    "DB_URL",
                    "DB_POOL_MAX",
                    "KAFKA_BOOTSTRAP_SERVERS",
                    "KAFKA_SECURITY_PROTOCOL",
                    "KAFKA_SASL_MECHANISM",
                    "KAFKA_SSL_TRUSTSTORE_LOCATION",
                    "HTTP_PROXY_FORWARDING",
                    "HTTP_TRUSTED_PROXIES",
                    "TOPIC_PROVISIONING")) {
                require(problems, overlay, "platform-config has " + required, config.has(required));
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theJvmFitsItsMemoryLimitAndThePoolsFitMaxConnections() {
        List<String> problems = new ArrayList<>();
        for (String overlay : Rendered.OVERLAYS) {
            JsonNode config = platformConfig(overlay);
            String options = config.path("JAVA_TOOL_OPTIONS").asText();
            long heap = size(options, "-Xmx");
            long metaspace = size(options, "-XX:MaxMetaspaceSize=");
            long codeCache = size(options, "-XX:ReservedCodeCacheSize=");
            long direct = size(options, "-XX:MaxDirectMemorySize=");
            long stack = size(options, "-Xss");
            require(
                    problems,
                    overlay,
                    "JAVA_TOOL_OPTIONS caps heap, metaspace, code cache, direct memory, stacks",
                    heap > 0 && metaspace > 0 && codeCache > 0 && direct > 0 && stack > 0);
            require(problems, overlay, "the JVM is told its processors", options.contains("-XX:ActiveProcessorCount="));
            // 250 threads' stacks and 96 MiB for the GC, symbol tables, malloc arenas and the rest of native memory.
            long budget = heap + metaspace + codeCache + direct + 250 * stack + (96L << 20);
            int pods = 0;
            int connections = Rendered.named(overlay, "Cluster", "referrals-db")
                    .path("spec")
                    .path("postgresql")
                    .path("parameters")
                    .path("max_connections")
                    .asInt();
            int pool = config.path("DB_POOL_MAX").asInt();
            Map<String, Integer> roleLimits = new java.util.HashMap<>();
            Rendered.named(overlay, "Cluster", "referrals-db")
                    .path("spec")
                    .path("managed")
                    .path("roles")
                    .forEach(r -> roleLimits.put(
                            r.path("name").asText(), r.path("connectionLimit").asInt(-1)));
            for (ObjectNode deployment : services(overlay)) {
                JsonNode spec = deployment.path("spec");
                // At its autoscaler's maximum (or its fixed replicas), plus the roll's surge.
                int servicePods = ScalingRulesTest.maxReplicas(overlay, deployment)
                        + spec.path("strategy")
                                .path("rollingUpdate")
                                .path("maxSurge")
                                .asInt(1);
                pods += servicePods;
                String role = Rendered.name(deployment).replace('-', '_');
                int roleLimit = roleLimits.getOrDefault(role, -1);
                require(
                        problems,
                        overlay + ": " + Rendered.name(deployment),
                        servicePods + " pods x DB_POOL_MAX " + pool + " within its role's connectionLimit " + roleLimit,
                        roleLimit < 0 || servicePods * pool <= roleLimit);
                for (JsonNode container : spec.path("template").path("spec").path("containers")) {
                    long limit = quantity(container
                            .path("resources")
                            .path("limits")
                            .path("memory")
                            .asText());
                    require(
                            problems,
                            overlay + ": " + Rendered.name(deployment),
                            "JVM budget " + (budget >> 20) + " MiB within the memory limit " + (limit >> 20) + " MiB",
                            budget <= limit);
                }
            }
            require(
                    problems,
                    overlay,
                    pods + " pods x DB_POOL_MAX " + pool + " under max_connections " + connections
                            + " less 20 for CloudNativePG and superusers",
                    pods * pool <= connections - 20);
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void networkPoliciesDenyByDefaultAndAllowTheIngressToTheApisOnly() {
        List<String> problems = new ArrayList<>();
        for (String overlay : Rendered.OVERLAYS) {
            List<ObjectNode> policies = Rendered.ofKind(overlay, "NetworkPolicy");
            require(
                    problems,
                    overlay,
                    "a default-deny for every pod, both directions",
                    policies.stream()
                            .anyMatch(p -> p.path("spec").path("podSelector").isEmpty()
                                    && p.path("spec").path("ingress").isMissingNode()
                                    && p.path("spec").path("egress").isMissingNode()
                                    && p.path("spec")
                                            .path("policyTypes")
                                            .toString()
                                            .equals("[\"Ingress\",\"Egress\"]")));
            for (ObjectNode deployment : Rendered.ofKind(overlay, "Deployment")) {
                JsonNode labels = deployment
                        .path("spec")
                        .path("template")
                        .path("metadata")
                        .path("labels");
                Set<Integer> open = new TreeSet<>();
                for (ObjectNode policy : policies) {
                    if (!selects(policy.path("spec").path("podSelector").path("matchLabels"), labels)) {
                        continue;
                    }
                    for (JsonNode rule : policy.path("spec").path("ingress")) {
                        rule.path("ports").forEach(p -> open.add(p.path("port").asInt()));
                    }
                }
                // The console has no management port: it serves static files and has no metrics.
                Set<Integer> expected = isConsole(deployment) ? Set.of(API_PORT) : Set.of(API_PORT, MANAGEMENT_PORT);
                require(
                        problems,
                        overlay + ": " + Rendered.name(deployment),
                        "ingress only to " + expected + " (" + open + ")",
                        open.equals(expected));
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theConsoleIsDeployedWhereTheIngressSendsSlashAndReachableFromTheIngressControllerOnly() {
        List<String> problems = new ArrayList<>();
        for (String overlay : Rendered.OVERLAYS) {
            ObjectNode deployment = Rendered.named(overlay, "Deployment", "console");
            ObjectNode service = Rendered.named(overlay, "Service", "console");
            JsonNode podLabels =
                    deployment.path("spec").path("template").path("metadata").path("labels");
            require(
                    problems,
                    overlay + ": Service console",
                    "selects the console's pods",
                    selects(service.path("spec").path("selector"), podLabels)
                            && !service.path("spec").path("selector").isEmpty());
            require(
                    problems,
                    overlay + ": Deployment console",
                    "not selected as an API (component api: the services' egress to the database, Kafka, the internet)",
                    !"api".equals(podLabels.path("app.kubernetes.io/component").asText()));
            int policies = 0;
            for (ObjectNode policy : Rendered.ofKind(overlay, "NetworkPolicy")) {
                JsonNode spec = policy.path("spec");
                if (spec.path("podSelector").isEmpty()
                        || !selects(spec.path("podSelector").path("matchLabels"), podLabels)) {
                    continue;
                }
                policies++;
                require(
                        problems,
                        overlay + ": NetworkPolicy " + Rendered.name(policy),
                        "no egress for the console (it calls nothing; DNS is every pod's)",
                        spec.path("egress").isMissingNode());
                for (JsonNode rule : spec.path("ingress")) {
                    for (JsonNode from : rule.path("from")) {
                        require(
                                problems,
                                overlay + ": NetworkPolicy " + Rendered.name(policy),
                                "the console from the ingress controller's namespace only (" + from + ")",
                                from.path("namespaceSelector")
                                                .path("matchLabels")
                                                .path("kubernetes.io/metadata.name")
                                                .asText()
                                                .equals("ingress-nginx")
                                        && !from.has("ipBlock"));
                    }
                    require(problems, overlay, "a console ingress rule names its sources", rule.has("from"));
                }
            }
            require(problems, overlay + ": Deployment console", "a NetworkPolicy of its own", policies == 1);
        }
        assertEquals(List.of(), problems);
    }

    // --- helpers

    static boolean isConsole(JsonNode deployment) {
        return "console"
                .equals(deployment
                        .path("spec")
                        .path("template")
                        .path("metadata")
                        .path("labels")
                        .path("app.kubernetes.io/component")
                        .asText());
    }

    /** The services' Deployments (component api): the Quarkus services, with a JVM, a pool and a management port. */
    static List<ObjectNode> services(String overlay) {
        return Rendered.ofKind(overlay, "Deployment").stream()
                .filter(d -> "api"
                        .equals(d.path("spec")
                                .path("template")
                                .path("metadata")
                                .path("labels")
                                .path("app.kubernetes.io/component")
                                .asText()))
                .toList();
    }

    /** nginx: startup, liveness and readiness probes on its one port, and a drain delay. */
    private static void consoleProbes(List<String> problems, String where, JsonNode pod) {
        for (JsonNode container : pod.path("containers")) {
            String at = where + " container " + container.path("name").asText();
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                JsonNode get = container.path(probe).path("httpGet");
                require(
                        problems,
                        at,
                        probe + " over HTTP on the port named http",
                        get.path("port").asText().equals("http")
                                && get.path("path").asText().startsWith("/"));
            }
            require(
                    problems,
                    at,
                    "a preStop drain delay",
                    !container.path("lifecycle").path("preStop").isMissingNode());
        }
    }

    static void require(List<String> problems, String where, String rule, boolean kept) {
        if (!kept) {
            problems.add(where + ": " + rule);
        }
    }

    private static boolean selects(JsonNode matchLabels, JsonNode labels) {
        if (!matchLabels.isObject()) {
            return false;
        }
        for (var it = matchLabels.fields(); it.hasNext(); ) {
            var label = it.next();
            if (!label.getValue().asText().equals(labels.path(label.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static boolean spreadsOver(JsonNode pod, String key, JsonNode podLabels) {
        for (JsonNode constraint : pod.path("topologySpreadConstraints")) {
            if (constraint.path("topologyKey").asText().equals(key)
                    && !constraint.path("labelSelector").path("matchLabels").isEmpty()
                    && selects(constraint.path("labelSelector").path("matchLabels"), podLabels)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mountsEmptyDir(JsonNode pod, JsonNode container, String path) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals(path)) {
                for (JsonNode volume : pod.path("volumes")) {
                    if (volume.path("name").asText().equals(mount.path("name").asText())) {
                        return volume.has("emptyDir");
                    }
                }
            }
        }
        return false;
    }

    private static Set<String> names(String overlay, String kind) {
        Set<String> names = new TreeSet<>();
        Rendered.ofKind(overlay, kind).forEach(o -> names.add(Rendered.name(o)));
        return names;
    }

    private static Set<String> secretsReferenced(JsonNode deployment) {
        Set<String> names = new TreeSet<>();
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        pod.path("volumes").forEach(v -> {
            if (v.has("secret")) {
                names.add(v.path("secret").path("secretName").asText());
            }
        });
        for (JsonNode container : pod.path("containers")) {
            container.path("env").forEach(e -> {
                if (e.path("valueFrom").has("secretKeyRef")) {
                    names.add(e.path("valueFrom")
                            .path("secretKeyRef")
                            .path("name")
                            .asText());
                }
            });
            container.path("envFrom").forEach(e -> {
                if (e.has("secretRef")) {
                    names.add(e.path("secretRef").path("name").asText());
                }
            });
        }
        return names;
    }

    private static boolean allows(JsonNode user, String type, String name, String operation) {
        for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
            JsonNode resource = acl.path("resource");
            if (!resource.path("type").asText().equals(type)) {
                continue;
            }
            String pattern = resource.path("name").asText();
            boolean matches = resource.path("patternType").asText("literal").equals("prefix")
                    ? name.startsWith(pattern)
                    : name.equals(pattern);
            if (!matches) {
                continue;
            }
            for (JsonNode op : acl.path("operations")) {
                if (op.asText().equals(operation) || op.asText().equals("All")) {
                    return true;
                }
            }
        }
        return false;
    }

    static Properties applicationProperties(String service) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                Rendered.REPOSITORY.resolve(service).resolve("src/main/resources/application.properties"),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    /** Class-level JAX-RS paths under /api/ in the service's sources: what the Ingress must route to it. */
    private static Set<String> apiPrefixes(String service) throws IOException {
        // The literal part of the path, up to its first template: /api/portal/referrals is not /api/portal's.
        Pattern classPath = Pattern.compile("(?m)^@Path\\(\"(/api/[^\"{]+?)/?(\\{[^\"]*)?\"\\)");
        Set<String> prefixes = new TreeSet<>();
        try (Stream<Path> sources =
                Files.walk(Rendered.REPOSITORY.resolve(service).resolve("src/main/java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = classPath.matcher(Files.readString(source));
                while (m.find()) {
                    prefixes.add(m.group(1));
                }
            }
        }
        assertTrue(!prefixes.isEmpty(), service + " has no /api/ resource: the scan is broken");
        return prefixes;
    }

    /** The Ingress's choice for a path: the longest Prefix rule whose segments it starts with. */
    private static String routedTo(Map<String, String> routes, String path) {
        String best = null;
        String owner = null;
        for (var route : routes.entrySet()) {
            String prefix = route.getKey();
            boolean matches = prefix.equals("/") || path.equals(prefix) || path.startsWith(prefix + "/");
            if (matches && (best == null || prefix.length() > best.length())) {
                best = prefix;
                owner = route.getValue();
            }
        }
        return owner;
    }

    private static int servicePort(JsonNode service, String name) {
        for (JsonNode port : service.path("spec").path("ports")) {
            if (port.path("name").asText().equals(name)) {
                return port.path("port").asInt();
            }
        }
        return -1;
    }

    private static JsonNode platformConfig(String overlay) {
        return Rendered.ofKind(overlay, "ConfigMap").stream()
                .filter(c -> Rendered.name(c).startsWith("platform-config"))
                .findFirst()
                .orElseThrow()
                .path("data");
    }

    private static long size(String options, String flag) {
        Matcher m = Pattern.compile(Pattern.quote(flag) + "(\\d+)([kKmMgG]?)").matcher(options);
        if (!m.find()) {
            return -1;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase()) {
            case "k" -> n << 10;
            case "m" -> n << 20;
            case "g" -> n << 30;
            default -> n;
        };
    }

    private static long quantity(String value) {
        Matcher m = Pattern.compile("(\\d+)(Ki|Mi|Gi)?").matcher(value);
        if (!m.matches()) {
            return -1;
        }
        long n = Long.parseLong(m.group(1));
        return m.group(2) == null
                ? n
                : switch (m.group(2)) {
                    case "Ki" -> n << 10;
                    case "Mi" -> n << 20;
                    default -> n << 30;
                };
    }

    /** Runs git in the repository; returns its output lines, or "!not-ignored" for check-ignore's exit 1. */
    static List<String> git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", Rendered.REPOSITORY.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("git " + List.of(args) + " timed out");
        }
        if (args[0].equals("check-ignore")) {
            return process.exitValue() == 0 ? List.of() : List.of("!not-ignored");
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("git " + List.of(args) + ": " + out);
        }
        return out.lines().toList();
    }
}
