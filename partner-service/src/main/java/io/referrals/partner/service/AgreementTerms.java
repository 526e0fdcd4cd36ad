package io.referrals.partner.service;

import io.referrals.events.CompensationType;
import io.referrals.partner.entity.AgreementKind;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.ProblemException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;

/**
 * The rules that tie an agreement's fields together, beyond each field's own checks: a percent for the percentage
 * types and only for them, a flat fee for flat_fee and only for it, nothing for none; an incentivized agreement
 * pays something; a paid partner's fee is either disclosed to clients or not, never left unsaid; the end comes
 * after the start. Each broken rule is a field error of a 400.
 */
public final class AgreementTerms {
    private static final CompensationTerms NONE = new CompensationTerms(CompensationType.NONE, null, null);

    private AgreementTerms() {}

    /** The compensation asked for; none when left out. */
    public static CompensationTerms compensationOf(AgreementCommands.Create request) {
        return request.compensation() == null ? NONE : request.compensation();
    }

    public static void check(AgreementCommands.Create request, LocalDate effectiveFrom) {
        List<Problem.FieldError> errors = violations(request, effectiveFrom);
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
    }

    public static List<Problem.FieldError> violations(AgreementCommands.Create request, LocalDate effectiveFrom) {
        List<Problem.FieldError> errors = new ArrayList<>();
        CompensationTerms compensation = compensationOf(request);
        CompensationType type = compensation.type();
        if (type == null) {
            return errors;
        }
        errors.addAll(compensationViolations(compensation));
        if (request.kind() == AgreementKind.INCENTIVIZED && type == CompensationType.NONE) {
            errors.add(error(
                    request.compensation() == null ? "compensation" : "compensation.type",
                    "an incentivized agreement needs compensation other than none"));
        }
        if (type.paysPartner() && request.feeDisclosedToClients() == null) {
            errors.add(error(
                    "feeDisclosedToClients",
                    "is required when the partner is paid: say whether clients are told about the fee"));
        }
        if (request.effectiveTo() != null && !request.effectiveTo().isAfter(effectiveFrom)) {
            errors.add(error("effectiveTo", "must be after effectiveFrom (" + effectiveFrom + ")"));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return errors;
    }

    /** A percent for the percentage types and only for them, a flat fee in a real currency for flat_fee only. */
    private static List<Problem.FieldError> compensationViolations(CompensationTerms compensation) {
        List<Problem.FieldError> errors = new ArrayList<>();
        CompensationType type = compensation.type();
        if (type.isPercent() && compensation.percent() == null) {
            errors.add(error("compensation.percent", "is required for " + type.json()));
        }
        if (!type.isPercent() && compensation.percent() != null) {
            errors.add(error("compensation.percent", "must be left out for " + type.json()));
        }
        if (type == CompensationType.FLAT_FEE && compensation.flatFee() == null) {
            errors.add(error("compensation.flatFee", "is required for flat_fee"));
        }
        if (type != CompensationType.FLAT_FEE && compensation.flatFee() != null) {
            errors.add(error("compensation.flatFee", "must be left out for " + type.json()));
        }
        if (compensation.flatFee() != null
                && compensation.flatFee().currency() != null
                && !isCurrency(compensation.flatFee().currency())) {
            errors.add(error("compensation.flatFee.currency", "must be an ISO 4217 currency code"));
        }
        return errors;
    }

    private static boolean isCurrency(String code) {
        return Currency.getAvailableCurrencies().stream()
                .anyMatch(c -> c.getCurrencyCode().equals(code));
    }

    private static Problem.FieldError error(String field, String message) {
        return new Problem.FieldError(field, message);
    }
}
