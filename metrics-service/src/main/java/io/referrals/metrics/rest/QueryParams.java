package io.referrals.metrics.rest;

import io.referrals.platform.problem.ProblemException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Reads query and path values that JAX-RS would turn into a 404 when malformed: a 400 naming the parameter. */
final class QueryParams {
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private QueryParams() {}

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "must be a date as YYYY-MM-DD");
        }
    }

    static YearMonth month(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (MONTH.matcher(value.strip()).matches()) {
                return YearMonth.parse(value.strip());
            }
        } catch (DateTimeParseException e) {
            // Falls through to the same answer as any other malformed month.
        }
        throw ProblemException.invalidField(name, "must be a month as YYYY-MM");
    }

    /** One of an enum's camelCase names; {@code fallback} when absent. */
    static <E extends Enum<E>> E choice(String name, String value, Class<E> type, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return Wire.parse(type, value.strip())
                .orElseThrow(() -> ProblemException.invalidField(name, "must be one of " + Wire.names(type)));
    }

    /** {@code asc} or {@code desc}; null (the sort's default) when absent. */
    static Boolean ascending(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw ProblemException.invalidField("order", "must be one of asc, desc");
        };
    }
}
