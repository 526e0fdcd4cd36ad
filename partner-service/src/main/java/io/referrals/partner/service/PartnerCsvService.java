package io.referrals.partner.service;

import io.referrals.partner.entity.Partner;
import io.referrals.partner.entity.PartnerCriteria;
import io.referrals.partner.entity.PartnerRepository;
import io.referrals.platform.csv.Csv;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.ProblemException;
import io.referrals.platform.text.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Partners in and out as CSV. An import checks every row by the same rules as a single create, creates the valid
 * ones (each announced like any new partner), skips emails the practice already has, and reports the rest, all in
 * the caller's transaction.
 */
@ApplicationScoped
public class PartnerCsvService {
    public static final int MAX_ROWS = 5_000;
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    static final String IMPORT_NOTE = "Imported from CSV";
    /** Keeps the persistence context small during a large import. */
    private static final int FLUSH_EVERY = 100;

    @Inject
    PartnerRepository partners;

    @Inject
    PartnerService partnerService;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    @Transactional
    public ImportReport importCsv(String tenantId, String csv, String userId) {
        if (csv.length() > MAX_BYTES || csv.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw tooLarge();
        }
        Csv.Reader reader = new Csv.Reader(csv);
        List<String> headerRecord = read(reader);
        if (headerRecord == null || isBlank(headerRecord)) {
            throw empty("The file is empty; it needs a header row and at least one data row.");
        }
        PartnerCsv.Header header = PartnerCsv.header(headerRecord);
        List<List<String>> records = dataRecords(reader);
        ImportRun run = new ImportRun(partners.emailIndex(tenantId));
        for (int i = 0; i < records.size(); i++) {
            if (!isBlank(records.get(i))) {
                importRow(tenantId, PartnerCsv.row(header, records.get(i), i + 1), i + 1, userId, run);
            }
        }
        return run.report();
    }

    /** Writes the header and one row per partner of the filtered list, reading the partners as a stream. */
    @Transactional
    public void export(String tenantId, PartnerCriteria criteria, Writer out) throws IOException {
        Csv.writeRecord(out, PartnerCsv.EXPORTED);
        try (Stream<Partner> stream = partners.stream(tenantId, criteria)) {
            Iterator<Partner> iterator = stream.iterator();
            while (iterator.hasNext()) {
                Partner partner = iterator.next();
                Csv.writeRecord(out, PartnerCsv.exportRow(partner));
                partners.detach(partner);
            }
        }
    }

    /** The records after the header, blank ones included so that row numbers stay true; within the row limit. */
    private static List<List<String>> dataRecords(Csv.Reader reader) {
        List<List<String>> records = new ArrayList<>();
        int dataRows = 0;
        for (List<String> record = read(reader); record != null; record = read(reader)) {
            if (!isBlank(record) && ++dataRows > MAX_ROWS) {
                throw tooLarge();
            }
            records.add(record);
        }
        if (dataRows == 0) {
            throw empty("The file has a header row but no data rows.");
        }
        return records;
    }

    /** Creates the row's partner, or reports why not: invalid values, or an email the practice already has. */
    private void importRow(String tenantId, PartnerCsv.Row parsed, int row, String userId, ImportRun run) {
        List<ImportReport.RowError> rowErrors = validate(parsed, row);
        if (!rowErrors.isEmpty()) {
            run.errors.addAll(rowErrors);
            return;
        }
        String email = Text.blankToNull(parsed.command().email());
        UUID existing = email == null ? null : run.emails.get(email.toLowerCase(Locale.ROOT));
        if (existing != null) {
            run.skipped.add(new ImportReport.Skipped(row, email, existing));
            return;
        }
        Partner partner = partnerService.persistNew(
                parsed.command().toPartner(tenantId, Timestamps.now(clock)), IMPORT_NOTE, userId);
        run.created.add(new ImportReport.Created(row, partner.id));
        if (email != null) {
            run.emails.put(email.toLowerCase(Locale.ROOT), partner.id);
        }
        if (run.created.size() % FLUSH_EVERY == 0) {
            partners.flushAndClear();
        }
    }

    /** The same rules as a single create: Bean Validation on the command, plus an active starting stage. */
    private List<ImportReport.RowError> validate(PartnerCsv.Row parsed, int row) {
        List<ImportReport.RowError> errors = new ArrayList<>(parsed.errors());
        Set<String> unreadable = new LinkedHashSet<>();
        parsed.errors().forEach(error -> unreadable.add(error.field()));
        Set<ImportReport.RowError> violations = new LinkedHashSet<>();
        for (ConstraintViolation<PartnerCommands.Create> violation : validator.validate(parsed.command())) {
            String field = column(violation.getPropertyPath());
            if (!unreadable.contains(field)) {
                violations.add(new ImportReport.RowError(row, field, violation.getMessage()));
            }
        }
        errors.addAll(violations);
        if (!PartnerLifecycle.isActive(parsed.command().startingStage())) {
            errors.add(new ImportReport.RowError(row, "stage", "a new partner starts in an active stage"));
        }
        errors.sort(Comparator.comparing(ImportReport.RowError::field, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(ImportReport.RowError::message));
        return errors;
    }

    /** What one import did so far: the practice's emails (those created by earlier rows included) and the report. */
    private static final class ImportRun {
        final Map<String, UUID> emails;
        final List<ImportReport.Created> created = new ArrayList<>();
        final List<ImportReport.Skipped> skipped = new ArrayList<>();
        final List<ImportReport.RowError> errors = new ArrayList<>();

        ImportRun(Map<String, UUID> emails) {
            this.emails = emails;
        }

        ImportReport report() {
            return new ImportReport(created.size(), created, skipped, errors);
        }
    }

    /** {@code tags[2].<list element>} is the tags column. */
    private static String column(Path path) {
        Iterator<Path.Node> nodes = path.iterator();
        return nodes.hasNext() ? nodes.next().getName() : null;
    }

    private static List<String> read(Csv.Reader reader) {
        try {
            return reader.next();
        } catch (Csv.MalformedCsvException e) {
            throw new ProblemException(Problem.of(
                            400,
                            "malformed-csv",
                            "CSV is not well-formed",
                            "Line " + e.line() + ": " + e.reason() + ".")
                    .withExtensions(Map.of("line", e.line())));
        }
    }

    private static boolean isBlank(List<String> record) {
        return record.stream().allMatch(String::isBlank);
    }

    private static ProblemException empty(String detail) {
        return new ProblemException(Problem.of(400, "empty-import", "Nothing to import", detail));
    }

    private static ProblemException tooLarge() {
        return new ProblemException(Problem.of(
                        413,
                        "import-too-large",
                        "Import too large",
                        "An import takes at most " + MAX_ROWS + " rows and " + MAX_BYTES / (1024 * 1024)
                                + " MB; split the " + "file.")
                .withExtensions(Map.of("maxRows", MAX_ROWS, "maxBytes", MAX_BYTES)));
    }
}
