package io.referrals.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CloudNativePG's objects against the fields its API reference documents (postgresql.cnpg.io/v1 for CloudNativePG
 * 1.27; barmancloud.cnpg.io/v1 for the Barman Cloud plugin 0.6). There is no Java model of them; this holds the
 * documented field names, at every level this package uses, and the types of the scalar fields. A field not listed
 * here is an error: documented but unused fields are listed too, so that adding one is a one-line change after
 * reading its documentation, never a silent typo.
 */
final class CloudNativePgFields {
    /** A free-form map (PostgreSQL parameters, plugin parameters): any key, scalar values. */
    static final Object FREE = new Object();
    /** A Kubernetes type (resources, affinity terms, tolerations): checked by the API server's own schema. */
    static final Object KUBERNETES = new Object();

    static final String STRING = "string";
    static final String INTEGER = "integer";
    static final String BOOLEAN = "boolean";

    private static final Map<String, Object> SECRET_KEY = Map.of("name", STRING, "key", STRING);
    private static final Map<String, Object> LOCAL_OBJECT = Map.of("name", STRING);
    private static final Map<String, Object> STORAGE =
            Map.of("storageClass", STRING, "size", STRING, "resizeInUseVolumes", BOOLEAN, "pvcTemplate", KUBERNETES);
    private static final Map<String, Object> METADATA =
            Map.of("name", STRING, "namespace", STRING, "labels", FREE, "annotations", FREE);

    static final Map<String, Object> CLUSTER = Map.of(
            "apiVersion",
            STRING,
            "kind",
            STRING,
            "metadata",
            METADATA,
            "spec",
            Map.ofEntries(
                    Map.entry("description", STRING),
                    Map.entry("inheritedMetadata", Map.of("labels", FREE, "annotations", FREE)),
                    Map.entry("imageName", STRING),
                    Map.entry("imageCatalogRef", KUBERNETES),
                    Map.entry("imagePullPolicy", STRING),
                    Map.entry("schedulerName", STRING),
                    Map.entry("postgresUID", INTEGER),
                    Map.entry("postgresGID", INTEGER),
                    Map.entry("instances", INTEGER),
                    Map.entry("minSyncReplicas", INTEGER),
                    Map.entry("maxSyncReplicas", INTEGER),
                    Map.entry(
                            "postgresql",
                            Map.of(
                                    "parameters", FREE,
                                    "synchronous",
                                            Map.of(
                                                    "method", STRING,
                                                    "number", INTEGER,
                                                    "maxStandbyNamesFromCluster", INTEGER,
                                                    "standbyNamesPre", List.of(STRING),
                                                    "standbyNamesPost", List.of(STRING),
                                                    "dataDurability", STRING,
                                                    "failoverQuorum", BOOLEAN),
                                    "pg_hba", List.of(STRING),
                                    "pg_ident", List.of(STRING),
                                    "syncReplicaElectionConstraint", KUBERNETES,
                                    "shared_preload_libraries", List.of(STRING),
                                    "ldap", KUBERNETES,
                                    "promotionTimeout", INTEGER,
                                    "enableAlterSystem", BOOLEAN,
                                    "extensions", KUBERNETES)),
                    Map.entry("replicationSlots", KUBERNETES),
                    Map.entry(
                            "bootstrap",
                            Map.of(
                                    "initdb",
                                            Map.ofEntries(
                                                    Map.entry("database", STRING),
                                                    Map.entry("owner", STRING),
                                                    Map.entry("secret", LOCAL_OBJECT),
                                                    Map.entry("options", List.of(STRING)),
                                                    Map.entry("dataChecksums", BOOLEAN),
                                                    Map.entry("encoding", STRING),
                                                    Map.entry("localeCollate", STRING),
                                                    Map.entry("localeCType", STRING),
                                                    Map.entry("locale", STRING),
                                                    Map.entry("localeProvider", STRING),
                                                    Map.entry("icuLocale", STRING),
                                                    Map.entry("icuRules", STRING),
                                                    Map.entry("builtinLocale", STRING),
                                                    Map.entry("walSegmentSize", INTEGER),
                                                    Map.entry("postInitSQL", List.of(STRING)),
                                                    Map.entry("postInitApplicationSQL", List.of(STRING)),
                                                    Map.entry("postInitTemplateSQL", List.of(STRING)),
                                                    Map.entry("postInitSQLRefs", KUBERNETES),
                                                    Map.entry("postInitApplicationSQLRefs", KUBERNETES),
                                                    Map.entry("postInitTemplateSQLRefs", KUBERNETES),
                                                    Map.entry("import", KUBERNETES)),
                                    "recovery", KUBERNETES,
                                    "pg_basebackup", KUBERNETES)),
                    Map.entry("replica", KUBERNETES),
                    Map.entry("superuserSecret", LOCAL_OBJECT),
                    Map.entry("enableSuperuserAccess", BOOLEAN),
                    Map.entry("certificates", KUBERNETES),
                    Map.entry("imagePullSecrets", List.of(LOCAL_OBJECT)),
                    Map.entry("storage", STORAGE),
                    Map.entry("walStorage", STORAGE),
                    Map.entry("serviceAccountTemplate", KUBERNETES),
                    Map.entry("ephemeralVolumeSource", KUBERNETES),
                    Map.entry("startDelay", INTEGER),
                    Map.entry("stopDelay", INTEGER),
                    Map.entry("smartShutdownTimeout", INTEGER),
                    Map.entry("switchoverDelay", INTEGER),
                    Map.entry("failoverDelay", INTEGER),
                    Map.entry("livenessProbeTimeout", INTEGER),
                    Map.entry(
                            "affinity",
                            Map.of(
                                    "enablePodAntiAffinity", BOOLEAN,
                                    "topologyKey", STRING,
                                    "nodeSelector", FREE,
                                    "nodeAffinity", KUBERNETES,
                                    "tolerations", KUBERNETES,
                                    "podAntiAffinityType", STRING,
                                    "additionalPodAntiAffinity", KUBERNETES,
                                    "additionalPodAffinity", KUBERNETES)),
                    Map.entry("topologySpreadConstraints", KUBERNETES),
                    Map.entry("resources", Map.of("requests", FREE, "limits", FREE, "claims", KUBERNETES)),
                    Map.entry("ephemeralVolumesSizeLimit", KUBERNETES),
                    Map.entry("priorityClassName", STRING),
                    Map.entry("primaryUpdateStrategy", STRING),
                    Map.entry("primaryUpdateMethod", STRING),
                    Map.entry("backup", KUBERNETES),
                    Map.entry("nodeMaintenanceWindow", Map.of("inProgress", BOOLEAN, "reusePVC", BOOLEAN)),
                    Map.entry("monitoring", KUBERNETES),
                    Map.entry("externalClusters", KUBERNETES),
                    Map.entry("logLevel", STRING),
                    Map.entry("projectedVolumeTemplate", KUBERNETES),
                    Map.entry("env", KUBERNETES),
                    Map.entry("envFrom", KUBERNETES),
                    Map.entry(
                            "managed",
                            Map.of(
                                    "roles",
                                    List.of(Map.ofEntries(
                                            Map.entry("name", STRING),
                                            Map.entry("comment", STRING),
                                            Map.entry("ensure", STRING),
                                            Map.entry("passwordSecret", LOCAL_OBJECT),
                                            Map.entry("connectionLimit", INTEGER),
                                            Map.entry("validUntil", STRING),
                                            Map.entry("inRoles", List.of(STRING)),
                                            Map.entry("inherit", BOOLEAN),
                                            Map.entry("disablePassword", BOOLEAN),
                                            Map.entry("superuser", BOOLEAN),
                                            Map.entry("createdb", BOOLEAN),
                                            Map.entry("createrole", BOOLEAN),
                                            Map.entry("login", BOOLEAN),
                                            Map.entry("replication", BOOLEAN),
                                            Map.entry("bypassrls", BOOLEAN))),
                                    "services",
                                    KUBERNETES)),
                    Map.entry("seccompProfile", KUBERNETES),
                    Map.entry("tablespaces", KUBERNETES),
                    Map.entry("enablePDB", BOOLEAN),
                    Map.entry(
                            "plugins",
                            List.of(Map.of(
                                    "name", STRING, "enabled", BOOLEAN, "isWALArchiver", BOOLEAN, "parameters", FREE))),
                    Map.entry("probes", KUBERNETES),
                    Map.entry("podSecurityContext", KUBERNETES),
                    Map.entry("securityContext", KUBERNETES)));

    static final Map<String, Object> SCHEDULED_BACKUP = Map.of(
            "apiVersion",
            STRING,
            "kind",
            STRING,
            "metadata",
            METADATA,
            "spec",
            Map.ofEntries(
                    Map.entry("suspend", BOOLEAN),
                    Map.entry("immediate", BOOLEAN),
                    Map.entry("schedule", STRING),
                    Map.entry("cluster", LOCAL_OBJECT),
                    Map.entry("backupOwnerReference", STRING),
                    Map.entry("target", STRING),
                    Map.entry("method", STRING),
                    Map.entry("online", BOOLEAN),
                    Map.entry("onlineConfiguration", KUBERNETES),
                    Map.entry("pluginConfiguration", Map.of("name", STRING, "parameters", FREE))));

    private static final Map<String, Object> CREDENTIAL = SECRET_KEY;

    static final Map<String, Object> OBJECT_STORE = Map.of(
            "apiVersion",
            STRING,
            "kind",
            STRING,
            "metadata",
            METADATA,
            "spec",
            Map.of(
                    "retentionPolicy", STRING,
                    "instanceSidecarConfiguration", KUBERNETES,
                    "configuration",
                            Map.ofEntries(
                                    Map.entry("destinationPath", STRING),
                                    Map.entry("endpointURL", STRING),
                                    Map.entry("endpointCA", SECRET_KEY),
                                    Map.entry("serverName", STRING),
                                    Map.entry(
                                            "s3Credentials",
                                            Map.of(
                                                    "accessKeyId", CREDENTIAL,
                                                    "secretAccessKey", CREDENTIAL,
                                                    "region", CREDENTIAL,
                                                    "sessionToken", CREDENTIAL,
                                                    "inheritFromIAMRole", BOOLEAN)),
                                    Map.entry("azureCredentials", KUBERNETES),
                                    Map.entry("googleCredentials", KUBERNETES),
                                    Map.entry(
                                            "wal",
                                            Map.of(
                                                    "compression", STRING,
                                                    "encryption", STRING,
                                                    "maxParallel", INTEGER,
                                                    "archiveAdditionalCommandArgs", List.of(STRING),
                                                    "restoreAdditionalCommandArgs", List.of(STRING))),
                                    Map.entry(
                                            "data",
                                            Map.of(
                                                    "compression", STRING,
                                                    "encryption", STRING,
                                                    "jobs", INTEGER,
                                                    "immediateCheckpoint", BOOLEAN,
                                                    "additionalCommandArgs", List.of(STRING))),
                                    Map.entry("tags", FREE),
                                    Map.entry("historyTags", FREE))));

    /** Documented values of the enumerated fields this package sets. */
    private static final Map<String, Set<String>> ENUMS = Map.of(
            "spec.postgresql.synchronous.method", Set.of("any", "first"),
            "spec.postgresql.synchronous.dataDurability", Set.of("required", "preferred"),
            "spec.primaryUpdateStrategy", Set.of("unsupervised", "supervised"),
            "spec.managed.roles[].ensure", Set.of("present", "absent"),
            "spec.affinity.podAntiAffinityType", Set.of("preferred", "required"),
            "spec.backupOwnerReference", Set.of("none", "self", "cluster"),
            "spec.method", Set.of("barmanObjectStore", "volumeSnapshot", "plugin"),
            "spec.configuration.wal.compression", Set.of("bzip2", "gzip", "lz4", "snappy", "xz", "zstd"),
            "spec.configuration.data.compression", Set.of("bzip2", "gzip", "lz4", "snappy", "xz", "zstd"));

    private CloudNativePgFields() {}

    static List<String> check(String where, JsonNode object) {
        Map<String, Object> schema = switch (object.path("kind").asText()) {
            case "Cluster" -> CLUSTER;
            case "ScheduledBackup" -> SCHEDULED_BACKUP;
            case "ObjectStore" -> OBJECT_STORE;
            default -> throw new IllegalArgumentException(object.path("kind").asText());
        };
        String expectedVersion =
                object.path("kind").asText().equals("ObjectStore") ? "barmancloud.cnpg.io/v1" : "postgresql.cnpg.io/v1";
        List<String> problems = new ArrayList<>();
        if (!expectedVersion.equals(object.path("apiVersion").asText())) {
            problems.add(
                    where + ": apiVersion " + object.path("apiVersion").asText() + ", expected " + expectedVersion);
        }
        check(where, "", object, schema, problems, ENUMS);
        if (object.path("kind").asText().equals("Cluster")) {
            if (!object.path("spec").path("instances").canConvertToInt()
                    || object.path("spec").path("instances").asInt() < 1) {
                problems.add(where + ": spec.instances must be at least 1");
            }
            if (!object.path("spec").path("storage").path("size").isTextual()) {
                problems.add(where + ": spec.storage.size is required");
            }
        }
        return problems;
    }

    /**
     * Walks {@code node} against {@code schema} (a map of field names to schemas, a one-element list for a list, a type
     * name, {@link #FREE} or {@link #KUBERNETES}); also used for KEDA's and Grafana's documented fields.
     */
    @SuppressWarnings("unchecked")
    static void check(
            String where,
            String path,
            JsonNode node,
            Object schema,
            List<String> problems,
            Map<String, Set<String>> enums) {
        if (schema == FREE || schema == KUBERNETES) {
            if (schema == FREE && !node.isObject()) {
                problems.add(where + ": " + path + " must be a map");
            }
            return;
        }
        if (schema instanceof String type) {
            boolean ok = switch (type) {
                case STRING -> node.isTextual();
                case INTEGER -> node.isIntegralNumber();
                case BOOLEAN -> node.isBoolean();
                default -> false;
            };
            if (!ok) {
                problems.add(where + ": " + path + " must be a " + type + ", is " + node);
            }
            Set<String> allowed = enums.get(path.replaceAll("\\[\\d+]", "[]"));
            if (allowed != null && !allowed.contains(node.asText())) {
                problems.add(where + ": " + path + " is " + node + ", documented values " + allowed);
            }
            return;
        }
        if (schema instanceof List<?> list) {
            if (!node.isArray()) {
                problems.add(where + ": " + path + " must be a list");
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                check(where, path + "[" + i + "]", node.get(i), list.get(0), problems, enums);
            }
            return;
        }
        Map<String, Object> fields = (Map<String, Object>) schema;
        if (!node.isObject()) {
            problems.add(where + ": " + path + " must be an object");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            Object fieldSchema = fields.get(field.getKey());
            if (fieldSchema == null) {
                problems.add(where + ": " + child + " is not a documented field");
            } else {
                check(where, child, field.getValue(), fieldSchema, problems, enums);
            }
        }
    }
}
