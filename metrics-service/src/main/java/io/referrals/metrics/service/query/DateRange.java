package io.referrals.metrics.service.query;

import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.ProblemException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Practice-local days from {@code from} to {@code to}, both included; at most five years. */
record DateRange(LocalDate from, LocalDate to) {
    public static final int MAX_YEARS = 5;

    /** The range asked for; a missing end defaults to today, a missing start to a year before the end. */
    public static DateRange of(LocalDate from, LocalDate to, LocalDate today) {
        LocalDate end = to != null ? to : today;
        LocalDate start = from != null ? from : end.minusYears(1).plusDays(1);
        List<Problem.FieldError> errors = new ArrayList<>();
        if (start.isAfter(end)) {
            errors.add(new Problem.FieldError("from", "must not be after to"));
        } else if (start.isBefore(end.minusYears(MAX_YEARS))) {
            errors.add(new Problem.FieldError(from != null ? "from" : "to", "range must not exceed 5 years"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return new DateRange(start, end);
    }
}
