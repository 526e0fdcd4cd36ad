package io.referrals.deploy;

import static io.referrals.deploy.PlatformRulesTest.require;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboard and the alerts: the dashboard is a ConfigMap Grafana's sidecar loads, holding a dashboard of Grafana's
 * documented fields; every query, panel's or alert's, names only series the platform exports (exported-metrics.txt,
 * which metrics-service's OperationalMetricsTest holds against a running service's /q/metrics); every alert has its
 * runbook section in deploy/kubernetes/README.md, and every section its alert.
 */
class MonitoringRulesTest {
    private static final String SIDECAR_LABEL = "grafana_dashboard";
    private static final String RUNBOOK_HEADING = "## Runbook: alerts";
    private static final String RUNBOOK_URL = "deploy/kubernetes/README.md#";

    /** What the dashboard must show (issue 32): a series of each signal. */
    private static final List<String> DASHBOARD_SIGNALS = List.of(
            "http_server_requests_seconds_count",
            "http_server_requests_seconds_bucket",
            "outbox_backlog_events",
            "outbox_oldest_age_seconds",
            "kafka_consumergroup_lag",
            "inbox_batch_seconds_bucket",
            "inbox_dead_letters_total",
            "notifications_delivery_total",
            "webhooks_attempts_total",
            "agroal_active_count");

    /** ... and what the alerts must watch. */
    private static final List<String> ALERT_SIGNALS = List.of(
            "outbox_relay_failures_total",
            "outbox_oldest_age_seconds",
            "kafka_consumergroup_lag",
            "inbox_batch_seconds_bucket",
            "inbox_dead_letters_total",
            "notifications_delivery_total",
            "webhooks_attempts_total",
            "http_server_requests_seconds_bucket",
            "http_server_requests_seconds_count",
            "agroal_awaiting_count");

    private static final Set<String> PROMQL_KEYWORDS = Set.of("and", "or", "unless", "bool", "offset");

    @Test
    void theDashboardIsASidecarConfigMapOfDocumentedFieldsWhosePanelsQueryExportedSeries() throws IOException {
        Set<String> exported = exportedSeries().keySet();
        List<String> problems = new ArrayList<>();
        for (String overlay : Rendered.OVERLAYS) {
            List<ObjectNode> dashboards = Rendered.ofKind(overlay, "ConfigMap").stream()
                    .filter(c -> c.path("metadata")
                            .path("labels")
                            .path(SIDECAR_LABEL)
                            .asText()
                            .equals("1"))
                    .toList();
            require(problems, overlay, "one ConfigMap labelled " + SIDECAR_LABEL + ": \"1\"", dashboards.size() == 1);
            for (ObjectNode configMap : dashboards) {
                String where = overlay + ": ConfigMap " + Rendered.name(configMap);
                JsonNode data = configMap.path("data");
                require(
                        problems,
                        where,
                        "one .json file",
                        data.size() == 1 && data.fieldNames().next().endsWith(".json"));
                JsonNode dashboard;
                try {
                    dashboard = Rendered.JSON.readTree(data.elements().next().asText());
                } catch (IOException e) {
                    problems.add(where + ": the dashboard does not parse: " + e.getMessage());
                    continue;
                }
                problems.addAll(GrafanaFields.check(where, dashboard));
                Set<String> queried = new TreeSet<>();
                Set<Integer> ids = new HashSet<>();
                List<JsonNode> panels = new ArrayList<>();
                dashboard.path("panels").forEach(panels::add);
                for (JsonNode panel : panels) {
                    String at = where + " panel " + panel.path("title").asText();
                    require(
                            problems,
                            at,
                            "an id of its own",
                            ids.add(panel.path("id").asInt()));
                    if (panel.path("type").asText().equals("row")) {
                        panel.path("panels").forEach(panels::add);
                        continue;
                    }
                    require(
                            problems,
                            at,
                            "the dashboard's data source variable",
                            panel.path("datasource").path("uid").asText().equals("${datasource}"));
                    require(problems, at, "a query", !panel.path("targets").isEmpty());
                    for (JsonNode target : panel.path("targets")) {
                        Set<String> names = metricNames(target.path("expr").asText());
                        require(problems, at, "a series in " + target.path("expr"), !names.isEmpty());
                        for (String name : names) {
                            require(problems, at, name + " is a series the platform exports", exported.contains(name));
                        }
                        queried.addAll(names);
                    }
                }
                for (String signal : DASHBOARD_SIGNALS) {
                    require(problems, where, "a panel on " + signal, queried.contains(signal));
                }
                require(
                        problems,
                        where,
                        "a datasource variable",
                        dashboard.path("templating").path("list").toString().contains("\"name\":\"datasource\""));
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyAlertWatchesExportedSeriesAndHasItsRunbookSection() throws IOException {
        Set<String> exported = exportedSeries().keySet();
        Set<String> sections = runbookSections();
        List<String> problems = new ArrayList<>();
        for (String overlay : Rendered.OVERLAYS) {
            Set<String> alerts = new TreeSet<>();
            Set<String> watched = new TreeSet<>();
            for (ObjectNode rule : Rendered.ofKind(overlay, "PrometheusRule")) {
                for (JsonNode group : rule.path("spec").path("groups")) {
                    for (JsonNode alert : group.path("rules")) {
                        String name = alert.path("alert").asText();
                        if (name.isEmpty()) {
                            continue; // a recording rule
                        }
                        String where = overlay + ": alert " + name;
                        alerts.add(name);
                        require(problems, where, "a runbook section \"### " + name + "\"", sections.contains(name));
                        require(
                                problems,
                                where,
                                "runbook_url " + RUNBOOK_URL + name.toLowerCase(),
                                alert.path("annotations")
                                        .path("runbook_url")
                                        .asText()
                                        .equals(RUNBOOK_URL + name.toLowerCase()));
                        require(
                                problems,
                                where,
                                "a summary and a severity",
                                alert.path("annotations").has("summary")
                                        && alert.path("labels").has("severity"));
                        Set<String> names = metricNames(alert.path("expr").asText());
                        for (String series : names) {
                            require(
                                    problems,
                                    where,
                                    series + " is a series the platform exports",
                                    exported.contains(series));
                        }
                        watched.addAll(names);
                    }
                }
            }
            for (String section : sections) {
                require(
                        problems,
                        overlay,
                        "the runbook section " + section + " has its alert",
                        alerts.contains(section));
            }
            for (String signal : ALERT_SIGNALS) {
                require(problems, overlay, "an alert on " + signal, watched.contains(signal));
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theQueryReaderFindsTheSeriesAndNothingElse() {
        assertEquals(
                Set.of("http_server_requests_seconds_bucket"),
                metricNames("histogram_quantile(0.95, sum by (le, uri) (rate(http_server_requests_seconds_bucket"
                        + "{service=\"referral-service\", uri=~\"/api/intake/.*\"}[5m]))) > 1"));
        assertEquals(
                Set.of("outbox_relay_failure_total", "inbox_batch"),
                metricNames("sum by (service) (increase(outbox_relay_failure_total[5m])) > 0 and on (service)"
                        + " inbox_batch offset 5m"));
    }

    /** The series names a PromQL expression reads: identifiers not calls, labels, strings, durations or keywords. */
    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\boffset\\s+\\d+[smhdwy]", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\()?")
                .matcher(bare);
        while (m.find()) {
            if (m.group(2) == null && !PROMQL_KEYWORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** exported-metrics.txt: series name, then where it comes from. */
    static Map<String, String> exportedSeries() throws IOException {
        Map<String, String> series = new LinkedHashMap<>();
        try (InputStream in = MonitoringRulesTest.class.getResourceAsStream("/exported-metrics.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.trim().split("\\s+");
                    series.put(parts[0], parts.length > 1 ? parts[1] : "");
                }
            }
        }
        return series;
    }

    /** The "### <Alert>" headings under "## Runbook: alerts" in deploy/kubernetes/README.md. */
    private static Set<String> runbookSections() throws IOException {
        Set<String> sections = new TreeSet<>();
        boolean inside = false;
        for (String line : Files.readAllLines(Rendered.KUBERNETES.resolve("README.md"))) {
            if (line.startsWith("## ")) {
                inside = line.trim().equals(RUNBOOK_HEADING);
            } else if (inside && line.startsWith("### ")) {
                sections.add(line.substring(4).trim());
            }
        }
        return sections;
    }
}
