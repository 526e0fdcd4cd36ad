package io.referrals.metrics.service.projection;

import io.referrals.metrics.entity.BucketKey;
import io.referrals.metrics.service.Scope;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What facts add to the day buckets. A fact's change is applied as its new contributions minus its old ones, so that
 * each fact counts exactly once and the buckets equal a recount of the facts, whatever order their events came in.
 */
final class Contributions {
    private final Map<BucketKey, BigDecimal> values = new HashMap<>();

    public static LocalDate day(Instant at, ZoneId zone) {
        return LocalDate.ofInstant(at, zone);
    }

    public Contributions count(List<Scope> scopes, String measure, LocalDate day) {
        return add(scopes, measure, "", day, BigDecimal.ONE);
    }

    public Contributions add(List<Scope> scopes, String measure, String currency, LocalDate day, BigDecimal amount) {
        if (amount == null || day == null) {
            return this;
        }
        for (Scope scope : scopes) {
            values.merge(new BucketKey(scope.name(), scope.key(), measure, currency, day), amount, BigDecimal::add);
        }
        return this;
    }

    public Contributions addAll(Contributions other) {
        other.values.forEach((key, value) -> values.merge(key, value, BigDecimal::add));
        return this;
    }

    /** This minus {@code before}, without the buckets that did not change. */
    public Map<BucketKey, BigDecimal> minus(Contributions before) {
        Map<BucketKey, BigDecimal> delta = new HashMap<>(values);
        before.values.forEach((key, value) -> delta.merge(key, value.negate(), BigDecimal::add));
        delta.values().removeIf(value -> value.signum() == 0);
        return delta;
    }

    public Map<BucketKey, BigDecimal> values() {
        return values;
    }
}
