package io.referrals.partner.service;

import io.referrals.events.PartnerCategory;
import io.referrals.events.PartnerStage;
import io.referrals.events.WireEnum;
import io.referrals.partner.entity.AllianceType;
import io.referrals.partner.entity.Partner;
import io.referrals.platform.csv.Csv;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.ProblemException;
import io.referrals.platform.text.PlainText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The partner CSV format, shared by import and export. Lists are separated by {@code ;}, enum values are written in
 * lower case, booleans as true/false. An export carries the importable columns plus read-only ones (id,
 * relationship, fit score, next check-in, creation time), which an import accepts and ignores, so that an
 * exported file imports as it is.
 */
public final class PartnerCsv {
    public static final String LIST_SEPARATOR = ";";
    public static final List<String> IMPORTED = List.of(
            "name",
            "email",
            "category",
            "organization",
            "role",
            "licensed",
            "phone",
            "website",
            "tags",
            "niches",
            "allianceTypes",
            "stage",
            "notes");
    public static final List<String> READ_ONLY =
            List.of("id", "relationship", "fitScore", "nextCheckInDue", "createdAt");
    /** The export's columns: the id first, then what an import reads back, then what it ignores. */
    public static final List<String> EXPORTED = Stream.of(
                    List.of("id"),
                    IMPORTED,
                    READ_ONLY.stream().filter(c -> !c.equals("id")).toList())
            .flatMap(List::stream)
            .toList();

    private static final List<String> REQUIRED = List.of("name", "category");
    private static final Map<String, String> BY_KEY = new HashMap<>();

    static {
        IMPORTED.forEach(column -> BY_KEY.put(key(column), column));
        READ_ONLY.forEach(column -> BY_KEY.put(key(column), column));
    }

    private PartnerCsv() {}

    /** The columns of an import file, by position; {@code null} where a read-only or unnamed column is ignored. */
    public record Header(List<String> columns) {
        public int size() {
            return columns.size();
        }
    }

    /** One data row turned into a create command, with what could not be read into it. */
    public record Row(PartnerCommands.Create command, List<ImportReport.RowError> errors) {}

    /** Reads the header row; unknown, repeated or missing columns make the file unusable (400). */
    public static Header header(List<String> names) {
        List<String> columns = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        for (String name : names) {
            String column = BY_KEY.get(key(name));
            if (name.isBlank()) {
                // An unnamed column (e.g. a trailing comma) carries nothing to import.
                column = null;
            } else if (column == null) {
                unknown.add(name.strip());
            } else if (columns.contains(column)) {
                repeated.add(name.strip());
            }
            columns.add(column);
        }
        List<String> missing =
                REQUIRED.stream().filter(column -> !columns.contains(column)).toList();
        if (!unknown.isEmpty() || !repeated.isEmpty() || !missing.isEmpty()) {
            throw invalidHeader(unknown, repeated, missing);
        }
        return new Header(
                columns.stream().map(c -> READ_ONLY.contains(c) ? null : c).toList());
    }

    private static ProblemException invalidHeader(List<String> unknown, List<String> repeated, List<String> missing) {
        List<Problem.FieldError> errors = new ArrayList<>();
        unknown.forEach(name -> errors.add(new Problem.FieldError(name, "unknown column")));
        repeated.forEach(name -> errors.add(new Problem.FieldError(name, "column appears more than once")));
        missing.forEach(column -> errors.add(new Problem.FieldError(column, "required column is missing")));
        String detail = unknown.isEmpty()
                ? "The header row must name each column once, including name and " + "category."
                : "Unknown columns: " + String.join(", ", unknown) + ". Known columns: " + String.join(", ", IMPORTED)
                        + " (and, ignored, " + String.join(", ", READ_ONLY) + ").";
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (!unknown.isEmpty()) {
            extensions.put("unknownColumns", unknown);
        }
        return new ProblemException(Problem.of(400, "invalid-csv-header", "CSV header row is not valid", detail)
                .withErrors(errors)
                .withExtensions(extensions));
    }

    /** The row's values as a create command; values that cannot be read are left out and reported. */
    public static Row row(Header header, List<String> values, int rowNumber) {
        List<ImportReport.RowError> errors = new ArrayList<>();
        if (values.size() > header.size()
                && values.subList(header.size(), values.size()).stream().anyMatch(v -> !v.isBlank())) {
            errors.add(new ImportReport.RowError(
                    rowNumber,
                    null,
                    "has " + values.size() + " values but the header has " + header.size() + " columns"));
        }
        Map<String, String> cells = cells(header, values);
        refuseControlCharacters(cells, rowNumber, errors);
        PartnerCategory category = enumValue(PartnerCategory.class, "category", cells, rowNumber, errors);
        PartnerStage stage = enumValue(PartnerStage.class, "stage", cells, rowNumber, errors);
        List<AllianceType> allianceTypes = allianceTypes(cells.get("allianceTypes"), rowNumber, errors);
        Boolean licensed = licensed(cells.get("licensed"), rowNumber, errors);
        // Owner and check-in cadence are not columns: an imported partner has neither until someone sets them.
        PartnerCommands.Create command = new PartnerCommands.Create(
                cells.get("name"),
                cells.get("email"),
                category,
                cells.get("organization"),
                cells.get("role"),
                licensed,
                cells.get("phone"),
                cells.get("website"),
                cells.get("notes"),
                listOrNull(cells.get("tags")),
                listOrNull(cells.get("niches")),
                allianceTypes,
                null,
                null,
                stage);
        return new Row(command, errors);
    }

    /**
     * The export's columns of one partner, as they import again; every cell spreadsheet-safe ({@link
     * Csv#spreadsheetSafe}), which the import undoes.
     */
    public static List<String> exportRow(Partner partner) {
        return Stream.of(
                        partner.id.toString(),
                        partner.name,
                        partner.email,
                        partner.category.json(),
                        partner.organization,
                        partner.role,
                        Boolean.toString(partner.licensed),
                        partner.phone,
                        partner.website,
                        String.join(LIST_SEPARATOR, partner.tags),
                        String.join(LIST_SEPARATOR, partner.niches),
                        partner.allianceTypes.stream()
                                .map(AllianceType::valueOf)
                                .map(WireEnum::json)
                                .collect(Collectors.joining(LIST_SEPARATOR)),
                        partner.stage.json(),
                        partner.notes,
                        partner.relationship().json(),
                        Objects.toString(partner.fitScore, null),
                        Objects.toString(partner.nextCheckInDue, null),
                        Objects.toString(partner.createdAt, null))
                .map(Csv::spreadsheetSafe)
                .toList();
    }

    /** A cell with a character stored text may not hold ({@link PlainText}) is left out and reported. */
    private static void refuseControlCharacters(
            Map<String, String> cells, int rowNumber, List<ImportReport.RowError> errors) {
        for (String column : IMPORTED) {
            PlainText.refusal(cells.get(column), column.equals("notes")).ifPresent(refusal -> {
                errors.add(new ImportReport.RowError(rowNumber, column, refusal));
                cells.remove(column);
            });
        }
    }

    /** The named columns' values, stripped; a missing or empty one is {@code null}. */
    private static Map<String, String> cells(Header header, List<String> values) {
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.columns().get(i);
            if (column != null) {
                // A spreadsheet may drop trailing empty cells: missing values are empty.
                String value = i < values.size()
                        ? Csv.fromSpreadsheetSafe(values.get(i)).strip()
                        : "";
                cells.put(column, value.isEmpty() ? null : value);
            }
        }
        return cells;
    }

    private static List<AllianceType> allianceTypes(String cell, int rowNumber, List<ImportReport.RowError> errors) {
        if (cell == null) {
            return null;
        }
        List<AllianceType> allianceTypes = new ArrayList<>();
        for (String value : list(cell)) {
            AllianceType type = parseEnum(AllianceType.class, value);
            if (type == null) {
                errors.add(new ImportReport.RowError(
                        rowNumber, "allianceTypes", "'" + value + "' is not one of " + choices(AllianceType.class)));
            } else {
                allianceTypes.add(type);
            }
        }
        return allianceTypes;
    }

    private static Boolean licensed(String cell, int rowNumber, List<ImportReport.RowError> errors) {
        if (cell == null) {
            return null;
        }
        Boolean licensed = parseBoolean(cell);
        if (licensed == null) {
            errors.add(new ImportReport.RowError(rowNumber, "licensed", "must be true or false (or yes or no)"));
        }
        return licensed;
    }

    /** Lower case, ignoring case, spaces, hyphens and underscores: "Alliance Types" is allianceTypes. */
    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
    }

    private static <E extends Enum<E> & WireEnum> E enumValue(
            Class<E> type,
            String column,
            Map<String, String> cells,
            int rowNumber,
            List<ImportReport.RowError> errors) {
        String value = cells.get(column);
        if (value == null) {
            return null;
        }
        E parsed = parseEnum(type, value);
        if (parsed == null) {
            errors.add(new ImportReport.RowError(rowNumber, column, "must be one of " + choices(type)));
        }
        return parsed;
    }

    /** By the value as it travels (lower case), ignoring case; spaces and hyphens may stand for underscores. */
    static <E extends Enum<E> & WireEnum> E parseEnum(Class<E> type, String value) {
        String wire = value.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.json().equals(wire))
                .findFirst()
                .orElse(null);
    }

    private static <E extends Enum<E> & WireEnum> String choices(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireEnum::json).collect(Collectors.joining(", "));
    }

    private static Boolean parseBoolean(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> Boolean.TRUE;
            case "false", "no", "n", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(LIST_SEPARATOR))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    private static List<String> listOrNull(String value) {
        return value == null ? null : list(value);
    }
}
