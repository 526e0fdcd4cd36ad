package io.referrals.deploy;

import static io.referrals.deploy.CloudNativePgFields.BOOLEAN;
import static io.referrals.deploy.CloudNativePgFields.FREE;
import static io.referrals.deploy.CloudNativePgFields.INTEGER;
import static io.referrals.deploy.CloudNativePgFields.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Grafana dashboard against the fields of Grafana's dashboard JSON model (grafana.com/docs, "JSON model": the
 * dashboard's own fields, a panel's, a target's and a template variable's), the parts this package uses with their
 * documented neighbours. Panel options and field defaults are free-form per panel type and left to Grafana.
 */
final class GrafanaFields {
    private static final Map<String, Object> DATASOURCE = Map.of("type", STRING, "uid", STRING);
    private static final Map<String, Object> GRID_POS =
            Map.of("h", INTEGER, "w", INTEGER, "x", INTEGER, "y", INTEGER, "static", BOOLEAN);
    private static final Map<String, Object> TARGET = Map.ofEntries(
            Map.entry("refId", STRING),
            Map.entry("datasource", DATASOURCE),
            Map.entry("expr", STRING),
            Map.entry("legendFormat", STRING),
            Map.entry("interval", STRING),
            Map.entry("instant", BOOLEAN),
            Map.entry("range", BOOLEAN),
            Map.entry("format", STRING),
            Map.entry("hide", BOOLEAN),
            Map.entry("exemplar", BOOLEAN),
            Map.entry("editorMode", STRING));

    /** A panel; a row's `panels` holds panels of its own when it is collapsed. */
    private static final Map<String, Object> PANEL = new java.util.HashMap<>(Map.ofEntries(
            Map.entry("id", INTEGER),
            Map.entry("type", STRING),
            Map.entry("title", STRING),
            Map.entry("description", STRING),
            Map.entry("gridPos", GRID_POS),
            Map.entry("datasource", DATASOURCE),
            Map.entry("targets", List.of(TARGET)),
            Map.entry("fieldConfig", Map.of("defaults", FREE, "overrides", List.of(FREE))),
            Map.entry("options", FREE),
            Map.entry("collapsed", BOOLEAN),
            Map.entry("transparent", BOOLEAN),
            Map.entry("repeat", STRING),
            Map.entry("repeatDirection", STRING),
            Map.entry("maxPerRow", INTEGER),
            Map.entry("interval", STRING),
            Map.entry("timeFrom", STRING),
            Map.entry("timeShift", STRING),
            Map.entry("hideTimeOverride", BOOLEAN),
            Map.entry("links", List.of(FREE)),
            Map.entry("transformations", List.of(FREE)),
            Map.entry("pluginVersion", STRING)));

    static {
        PANEL.put("panels", List.of(PANEL));
    }

    private static final Map<String, Object> VARIABLE = Map.ofEntries(
            Map.entry("name", STRING),
            Map.entry("label", STRING),
            Map.entry("type", STRING),
            Map.entry("query", STRING),
            Map.entry("datasource", DATASOURCE),
            Map.entry("current", FREE),
            Map.entry("options", List.of(FREE)),
            Map.entry("hide", INTEGER),
            Map.entry("refresh", INTEGER),
            Map.entry("regex", STRING),
            Map.entry("multi", BOOLEAN),
            Map.entry("includeAll", BOOLEAN),
            Map.entry("description", STRING));

    static final Map<String, Object> DASHBOARD = Map.ofEntries(
            Map.entry("id", INTEGER),
            Map.entry("uid", STRING),
            Map.entry("title", STRING),
            Map.entry("description", STRING),
            Map.entry("tags", List.of(STRING)),
            Map.entry("style", STRING),
            Map.entry("timezone", STRING),
            Map.entry("editable", BOOLEAN),
            Map.entry("graphTooltip", INTEGER),
            Map.entry("time", Map.of("from", STRING, "to", STRING)),
            Map.entry("timepicker", FREE),
            Map.entry("templating", Map.of("list", List.of(VARIABLE))),
            Map.entry("annotations", Map.of("list", List.of(FREE))),
            Map.entry("refresh", STRING),
            Map.entry("schemaVersion", INTEGER),
            Map.entry("version", INTEGER),
            Map.entry("panels", List.of(PANEL)),
            Map.entry("links", List.of(FREE)),
            Map.entry("fiscalYearStartMonth", INTEGER),
            Map.entry("liveNow", BOOLEAN),
            Map.entry("weekStart", STRING));

    private static final Map<String, Set<String>> ENUMS = Map.of(
            "timezone", Set.of("utc", "browser", ""),
            "templating.list[].type",
                    Set.of("query", "custom", "textbox", "constant", "datasource", "interval", "adhoc"),
            "panels[].type", Set.of("row", "timeseries", "stat", "gauge", "bargauge", "table", "text", "heatmap"));

    private GrafanaFields() {}

    static List<String> check(String where, JsonNode dashboard) {
        List<String> problems = new ArrayList<>();
        CloudNativePgFields.check(where, "", dashboard, DASHBOARD, problems, ENUMS);
        for (String required : List.of("uid", "title", "schemaVersion", "panels")) {
            if (!dashboard.has(required)) {
                problems.add(where + ": " + required + " is required");
            }
        }
        return problems;
    }
}
