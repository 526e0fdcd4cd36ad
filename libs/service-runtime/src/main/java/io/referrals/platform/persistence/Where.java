package io.referrals.platform.persistence;

import io.quarkus.panache.common.Parameters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A list filter as a Panache query: always scoped to one practice, each optional criterion added only when its value
 * is given. Every repository builds its filtered lists with this, so a criterion reads the same everywhere:
 *
 * <pre>{@code
 * Where where = Where.tenant(tenantId)
 *         .and("category = :category", "category", query.category())
 *         .andContainsText(List.of("name", "email"), query.text());
 * return Pages.of(find(where.query(), sort, where.parameters()), paging);
 * }</pre>
 */
public final class Where {
    private final List<String> clauses = new ArrayList<>();
    private final Parameters parameters;

    private Where(String tenantId) {
        clauses.add("tenantId = :tenant");
        parameters = Parameters.with("tenant", tenantId);
    }

    public static Where tenant(String tenantId) {
        return new Where(tenantId);
    }

    /** A criterion that always applies and takes no parameter. */
    public Where and(String clause) {
        clauses.add(clause);
        return this;
    }

    /**
     * A criterion on {@code :name}, applied only when {@code value} is given: not null, and for text not blank
     * (text values are stripped).
     */
    public Where and(String clause, String name, Object value) {
        Object given = value instanceof String text ? (text.isBlank() ? null : text.strip()) : value;
        if (given != null) {
            clauses.add(clause);
            parameters.and(name, given);
        }
        return this;
    }

    /** Binds a parameter that a clause added with {@link #and(String)} uses. */
    public Where bind(String name, Object value) {
        parameters.and(name, value);
        return this;
    }

    /** Case-insensitive "contains" over several text fields, applied only when {@code text} is not blank. */
    public Where andContainsText(Collection<String> fields, String text) {
        if (text == null || text.isBlank()) {
            return this;
        }
        List<String> matches =
                fields.stream().map(field -> "lower(" + field + ") like :text").toList();
        clauses.add("(" + String.join(" or ", matches) + ")");
        parameters.and("text", "%" + escapeLike(text.strip().toLowerCase(Locale.ROOT)) + "%");
        return this;
    }

    public String query() {
        return String.join(" and ", clauses);
    }

    public Parameters parameters() {
        return parameters;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
