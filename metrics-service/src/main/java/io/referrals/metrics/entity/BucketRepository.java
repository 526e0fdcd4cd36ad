package io.referrals.metrics.entity;

import io.referrals.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The day buckets every read sums, and their monthly roll-up ({@code metrics_bucket_month}, written with the same
 * deltas in the same transaction). Writes add deltas (single-statement upserts, so concurrent projections never lose
 * an increment); range reads sum whole months from the roll-up and only the partial first and last months from the
 * days, so their cost depends on the months asked for, not on history.
 *
 * <p>Deltas are gathered per transaction and written when it commits, each bucket once, in key order: a batch of
 * hundreds of events that all add to today's practice buckets writes each of those rows once. Any other operation of
 * this repository first writes what is gathered, so nothing in the transaction ever reads around it.
 */
@ApplicationScoped
public class BucketRepository {
    private static final int ROWS_PER_STATEMENT = 500;
    private static final Table DAYS = new Table("metrics_bucket", "day");
    private static final Table MONTHS = new Table("metrics_bucket_month", "month");

    private static final Object PENDING = new Object();

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Sql sql;

    /** Adds each delta to its day bucket and to its month when the transaction commits. */
    public void add(String tenantId, Map<BucketKey, BigDecimal> deltas) {
        Map<BucketKey, BigDecimal> pending = pending().computeIfAbsent(tenantId, t -> new HashMap<>());
        deltas.forEach((key, value) -> pending.merge(key, value, BigDecimal::add));
    }

    /** Per practice, the deltas gathered so far (sorted only when written). */
    @SuppressWarnings("unchecked")
    private SortedMap<String, Map<BucketKey, BigDecimal>> pending() {
        var pending = (SortedMap<String, Map<BucketKey, BigDecimal>>) transactions.getResource(PENDING);
        if (pending == null) {
            SortedMap<String, Map<BucketKey, BigDecimal>> created = new TreeMap<>();
            transactions.putResource(PENDING, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    writePending();
                }

                @Override
                public void afterCompletion(int status) {}
            });
            pending = created;
        }
        return pending;
    }

    /** Writes what this transaction gathered so far, before an operation that reads or moves bucket rows directly. */
    public void flush() {
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            writePending();
        }
    }

    /**
     * Writes the gathered deltas, each table's in key order (no deadlock between writers). A practice's days and months
     * go in one statement when each fits in one (a consumer's batch, almost always): one round trip less per poll.
     */
    private void writePending() {
        @SuppressWarnings("unchecked")
        var pending = (SortedMap<String, Map<BucketKey, BigDecimal>>) transactions.getResource(PENDING);
        if (pending == null || pending.isEmpty()) {
            return;
        }
        pending.forEach((tenantId, deltas) -> {
            deltas.values().removeIf(value -> value.signum() == 0);
            List<Map.Entry<BucketKey, BigDecimal>> days = inKeyOrder(deltas);
            List<Map.Entry<BucketKey, BigDecimal>> months = inKeyOrder(byMonth(deltas));
            if (days.isEmpty()) {
                return;
            }
            if (days.size() <= ROWS_PER_STATEMENT && months.size() <= ROWS_PER_STATEMENT) {
                addDaysAndMonths(tenantId, new Rows(days), new Rows(months));
            } else {
                addAll(tenantId, DAYS, days);
                addAll(tenantId, MONTHS, months);
            }
        });
        pending.clear();
    }

    /** The deltas summed per month (key day = first day of its month): one upsert row per month bucket. */
    private static Map<BucketKey, BigDecimal> byMonth(Map<BucketKey, BigDecimal> deltas) {
        Map<BucketKey, BigDecimal> months = new HashMap<>();
        deltas.forEach((k, value) -> months.merge(
                new BucketKey(
                        k.scope(), k.key(), k.measure(), k.currency(), k.day().withDayOfMonth(1)),
                value,
                BigDecimal::add));
        months.values().removeIf(value -> value.signum() == 0);
        return months;
    }

    /** Upserts in key order (so two writers never lock bucket rows in different orders). */
    private static List<Map.Entry<BucketKey, BigDecimal>> inKeyOrder(Map<BucketKey, BigDecimal> deltas) {
        List<Map.Entry<BucketKey, BigDecimal>> entries = new ArrayList<>(deltas.entrySet());
        entries.sort(Map.Entry.comparingByKey());
        return entries;
    }

    private void addAll(String tenantId, Table table, List<Map.Entry<BucketKey, BigDecimal>> entries) {
        for (int start = 0; start < entries.size(); start += ROWS_PER_STATEMENT) {
            Rows rows = new Rows(entries.subList(start, Math.min(entries.size(), start + ROWS_PER_STATEMENT)));
            List<Object> parameters = new ArrayList<>();
            parameters.add(tenantId);
            parameters.addAll(rows.arrays());
            sql.update(upsert(table), parameters.toArray());
        }
    }

    /** Both tables' rows of a practice in one statement: the days' upsert runs as a data-modifying CTE. */
    private void addDaysAndMonths(String tenantId, Rows days, Rows months) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(tenantId);
        parameters.addAll(days.arrays());
        parameters.add(tenantId);
        parameters.addAll(months.arrays());
        sql.update("with days as (" + upsert(DAYS) + ")\n" + upsert(MONTHS), parameters.toArray());
    }

    /** One statement for many rows: arrays, one per column, unnested in order (one prepared statement for any count). */
    private static String upsert(Table table) {
        return """
                insert into %1$s (tenant_id, scope, scope_key, measure, currency, %2$s, value)
                select ?, s, k, m, c, cast(p as date), cast(v as numeric)
                from unnest(?, ?, ?, ?, ?, ?) as row(s, k, m, c, p, v)
                on conflict (tenant_id, scope, scope_key, measure, currency, %2$s) do update set
                    value = %1$s.value + excluded.value""".formatted(table.name(), table.period());
    }

    /** Bucket rows as one array per column, in the order {@link #upsert} unnests them. */
    private static final class Rows {
        private final String[] scopes;
        private final String[] keys;
        private final String[] measures;
        private final String[] currencies;
        private final String[] periods;
        private final String[] values;

        Rows(List<Map.Entry<BucketKey, BigDecimal>> rows) {
            int n = rows.size();
            scopes = new String[n];
            keys = new String[n];
            measures = new String[n];
            currencies = new String[n];
            periods = new String[n];
            values = new String[n];
            for (int i = 0; i < n; i++) {
                BucketKey key = rows.get(i).getKey();
                scopes[i] = key.scope();
                keys[i] = key.key();
                measures[i] = key.measure();
                currencies[i] = key.currency();
                periods[i] = key.day().toString();
                values[i] = rows.get(i).getValue().toPlainString();
            }
        }

        List<Object> arrays() {
            return List.of(
                    Sql.array("varchar", scopes),
                    Sql.array("varchar", keys),
                    Sql.array("varchar", measures),
                    Sql.array("varchar", currencies),
                    Sql.array("varchar", periods),
                    Sql.array("varchar", values));
        }
    }

    /** Adds (sign 1) or removes (sign -1) every partner bucket of {@code partnerKey} to a group scope's key. */
    public void copyPartner(String tenantId, String partnerKey, String scope, String groupKey, int sign) {
        flush();
        copyPartner(DAYS, tenantId, partnerKey, scope, groupKey, sign);
        copyPartner(MONTHS, tenantId, partnerKey, scope, groupKey, sign);
    }

    private void copyPartner(Table table, String tenantId, String partnerKey, String scope, String groupKey, int sign) {
        String copy = """
                insert into %1$s (tenant_id, scope, scope_key, measure, currency, %2$s, value)
                select tenant_id, ?, ?, measure, currency, %2$s, ? * value from %1$s
                where tenant_id = ? and scope = 'partner' and scope_key = ?
                order by measure, currency, %2$s
                on conflict (tenant_id, scope, scope_key, measure, currency, %2$s) do update set
                    value = %1$s.value + excluded.value""".formatted(table.name(), table.period());
        sql.update(copy, scope, groupKey, sign, tenantId, partnerKey);
    }

    public void deleteTenant(String tenantId) {
        flush();
        for (Table table : List.of(DAYS, MONTHS)) {
            sql.update("delete from " + table.name() + " where tenant_id = ?", tenantId);
        }
    }

    /** A measure's total in one currency ("" for counts). */
    public record MeasureTotal(String measure, String currency, BigDecimal value) {}

    /** A measure's total for one key of a scope, in one currency ("" for counts). */
    public record KeyTotal(String key, String measure, String currency, BigDecimal value) {}

    /** One day bucket's value, in one currency ("" for counts). */
    public record DayValue(LocalDate day, String currency, BigDecimal value) {}

    /** A measure's total in one month (its first day), in one currency ("" for counts). */
    public record MonthTotal(LocalDate month, String measure, String currency, BigDecimal value) {}

    /** Totals of one scope key over [from, to], per measure and currency. */
    public List<MeasureTotal> totals(
            String tenantId, String scope, String key, Collection<String> measures, LocalDate from, LocalDate to) {
        flush();
        return sql.query(
                """
                select measure, currency, sum(value) from (
                    select measure, currency, value from metrics_bucket_month
                    where tenant_id = ? and scope = ? and scope_key = ?
                      and measure = any(?) and month between ? and ?
                    union all
                    select measure, currency, value from metrics_bucket
                    where tenant_id = ? and scope = ? and scope_key = ?
                      and measure = any(?) and day between ? and ?
                    union all
                    select measure, currency, value from metrics_bucket
                    where tenant_id = ? and scope = ? and scope_key = ?
                      and measure = any(?) and day between ? and ?) b
                group by measure, currency""",
                row -> new MeasureTotal(row.getString(1), currency(row, 2), row.getBigDecimal(3)),
                RangeParts.of(from, to).parameters(tenantId, scope, key, names(measures)));
    }

    /** Totals of every key of a scope over [from, to], per key, measure and currency. */
    public List<KeyTotal> totalsByKey(
            String tenantId, String scope, Collection<String> measures, LocalDate from, LocalDate to) {
        flush();
        return sql.query(
                """
                select scope_key, measure, currency, sum(value) from (
                    select scope_key, measure, currency, value from metrics_bucket_month
                    where tenant_id = ? and scope = ? and measure = any(?)
                      and month between ? and ?
                    union all
                    select scope_key, measure, currency, value from metrics_bucket
                    where tenant_id = ? and scope = ? and measure = any(?)
                      and day between ? and ?
                    union all
                    select scope_key, measure, currency, value from metrics_bucket
                    where tenant_id = ? and scope = ? and measure = any(?)
                      and day between ? and ?) b
                group by scope_key, measure, currency""",
                row -> new KeyTotal(row.getString(1), row.getString(2), currency(row, 3), row.getBigDecimal(4)),
                RangeParts.of(from, to).parameters(tenantId, scope, names(measures)));
    }

    /** Daily values of one measure of one scope key over [from, to], by day and currency; zeros left out. */
    public List<DayValue> daily(
            String tenantId, String scope, String key, String measure, LocalDate from, LocalDate to) {
        flush();
        return sql.query(
                """
                select day, currency, value from metrics_bucket
                where tenant_id = ? and scope = ? and scope_key = ? and measure = ?
                  and day between ? and ? and value <> 0
                order by day, currency""",
                row -> new DayValue(row.getObject(1, LocalDate.class), currency(row, 2), row.getBigDecimal(3)),
                tenantId,
                scope,
                key,
                measure,
                from,
                to);
    }

    /**
     * Monthly totals of one scope key over [from, to], per month, measure and currency (only non-zero buckets count,
     * as in {@link #daily}).
     */
    public List<MonthTotal> monthly(
            String tenantId, String scope, String key, Collection<String> measures, LocalDate from, LocalDate to) {
        flush();
        return sql.query(
                """
                select month, measure, currency, sum(value) from (
                    select month, measure, currency, value from metrics_bucket_month
                    where tenant_id = ? and scope = ? and scope_key = ?
                      and measure = any(?) and month between ? and ?
                      and value <> 0
                    union all
                    select cast(date_trunc('month', day) as date), measure, currency, value
                    from metrics_bucket
                    where tenant_id = ? and scope = ? and scope_key = ?
                      and measure = any(?) and day between ? and ? and value <> 0
                    union all
                    select cast(date_trunc('month', day) as date), measure, currency, value
                    from metrics_bucket
                    where tenant_id = ? and scope = ? and scope_key = ?
                      and measure = any(?) and day between ? and ? and value <> 0) b
                group by 1, 2, 3""",
                row -> new MonthTotal(
                        row.getObject(1, LocalDate.class), row.getString(2), currency(row, 3), row.getBigDecimal(4)),
                RangeParts.of(from, to).parameters(tenantId, scope, key, names(measures)));
    }

    private static Object names(Collection<String> measures) {
        return Sql.array("varchar", measures.toArray());
    }

    /** The currency column, without the padding a fixed-width value may carry ("" for counts). */
    private static String currency(ResultSet row, int column) throws SQLException {
        return row.getString(column).trim();
    }

    /**
     * The three parts of a range read: whole months of [from, to] come from the roll-up, the days before the first
     * whole month (head) and after the last (tail) from the day buckets. Without a whole month, all days are the head.
     * An empty part has its start after its end.
     */
    private record RangeParts(
            LocalDate monthFrom,
            LocalDate monthTo,
            LocalDate headFrom,
            LocalDate headTo,
            LocalDate tailFrom,
            LocalDate tailTo) {

        static RangeParts of(LocalDate from, LocalDate to) {
            LocalDate monthFrom =
                    from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
            LocalDate monthsEnd = to.plusDays(1).withDayOfMonth(1);
            boolean wholeMonths = monthFrom.isBefore(monthsEnd);
            return new RangeParts(
                    monthFrom,
                    wholeMonths ? monthsEnd.minusMonths(1) : monthFrom.minusDays(1),
                    from,
                    wholeMonths ? monthFrom.minusDays(1) : to,
                    wholeMonths ? monthsEnd : to.plusDays(1),
                    to);
        }

        /** The statement's parameters: per part (months, head, tail), the {@code filter} values, then its bounds. */
        Object[] parameters(Object... filter) {
            LocalDate[] bounds = {monthFrom, monthTo, headFrom, headTo, tailFrom, tailTo};
            List<Object> parameters = new ArrayList<>();
            for (int part = 0; part < 3; part++) {
                parameters.addAll(Arrays.asList(filter));
                parameters.add(bounds[2 * part]);
                parameters.add(bounds[2 * part + 1]);
            }
            return parameters.toArray();
        }
    }

    /** A bucket table and its period column. */
    private record Table(String name, String period) {}
}
