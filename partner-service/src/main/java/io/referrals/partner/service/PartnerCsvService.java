package io.referrals.partner.service;

import io.referrals.events.PartnerStage;
import io.referrals.partner.entity.Partner;
import io.referrals.partner.entity.PartnerRepository;
import io.referrals.partner.mapping.Csv;
import io.referrals.partner.mapping.PartnerCsv;
import io.referrals.partner.mapping.PartnerMapper;
import io.referrals.partner.rest.ImportReport;
import io.referrals.partner.rest.PartnerFilter;
import io.referrals.partner.rest.PartnerRequests;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.ProblemException;
import io.referrals.platform.text.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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
    EntityManager entityManager;

    @Transactional
    public ImportReport importCsv(String tenantId, String csv, String userId) {
        if (csv.length() > MAX_BYTES || csv.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw tooLarge();
        }
        Csv.Reader reader = new Csv.Reader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
        List<String> headerRecord = read(reader);
        if (headerRecord == null || isBlank(headerRecord)) {
            throw empty("The file is empty; it needs a header row and at least one data row.");
        }
        PartnerCsv.Header header = PartnerCsv.header(headerRecord);
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

        Map<String, UUID> emails = partners.emailIndex(tenantId);
        List<ImportReport.Created> created = new ArrayList<>();
        List<ImportReport.Skipped> skipped = new ArrayList<>();
        List<ImportReport.RowError> errors = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            int row = i + 1;
            if (isBlank(records.get(i))) {
                continue;
            }
            PartnerCsv.Row parsed = PartnerCsv.row(header, records.get(i), row);
            List<ImportReport.RowError> rowErrors = validate(parsed, row);
            if (!rowErrors.isEmpty()) {
                errors.addAll(rowErrors);
                continue;
            }
            PartnerRequests.Create request = parsed.request();
            String email = Text.blankToNull(request.email());
            UUID existing = email == null ? null : emails.get(email.toLowerCase(Locale.ROOT));
            if (existing != null) {
                skipped.add(new ImportReport.Skipped(row, email, existing));
                continue;
            }
            PartnerStage stage = request.stage() == null ? PartnerStage.IDENTIFIED : request.stage();
            Partner partner = partnerService.persistNew(PartnerService.newPartner(tenantId, request, stage),
                    IMPORT_NOTE, userId);
            created.add(new ImportReport.Created(row, partner.id));
            if (email != null) {
                emails.put(email.toLowerCase(Locale.ROOT), partner.id);
            }
            if (created.size() % FLUSH_EVERY == 0) {
                entityManager.flush();
                entityManager.clear();
            }
        }
        return new ImportReport(created.size(), created, skipped, errors);
    }

    /** Writes the header and one row per partner of the filtered list, reading the partners as a stream. */
    @Transactional
    public void export(String tenantId, PartnerFilter filter, Writer out) throws IOException {
        Csv.writeRecord(out, PartnerCsv.EXPORTED);
        try (Stream<Partner> stream = partners.stream(tenantId, filter)) {
            Iterator<Partner> iterator = stream.iterator();
            while (iterator.hasNext()) {
                Partner partner = iterator.next();
                Csv.writeRecord(out, PartnerCsv.exportRow(PartnerMapper.toView(partner)));
                entityManager.detach(partner);
            }
        }
    }

    /** The same rules as a single create: Bean Validation on the request, plus an active starting stage. */
    private List<ImportReport.RowError> validate(PartnerCsv.Row parsed, int row) {
        List<ImportReport.RowError> errors = new ArrayList<>(parsed.errors());
        Set<String> unreadable = new LinkedHashSet<>();
        parsed.errors().forEach(error -> unreadable.add(error.field()));
        Set<ImportReport.RowError> violations = new LinkedHashSet<>();
        for (ConstraintViolation<PartnerRequests.Create> violation : validator.validate(parsed.request())) {
            String field = column(violation.getPropertyPath());
            if (!unreadable.contains(field)) {
                violations.add(new ImportReport.RowError(row, field, violation.getMessage()));
            }
        }
        errors.addAll(violations);
        PartnerStage stage = parsed.request().stage();
        if (stage != null && !PartnerLifecycle.isActive(stage)) {
            errors.add(new ImportReport.RowError(row, "stage", "a new partner starts in an active stage"));
        }
        errors.sort(Comparator.comparing(ImportReport.RowError::field, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(ImportReport.RowError::message));
        return errors;
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
            throw new ProblemException(Problem.of(400, "malformed-csv", "CSV is not well-formed",
                    "Line " + e.line() + ": " + e.reason() + ".").withExtensions(Map.of("line", e.line())));
        }
    }

    private static boolean isBlank(List<String> record) {
        return record.stream().allMatch(String::isBlank);
    }

    private static ProblemException empty(String detail) {
        return new ProblemException(Problem.of(400, "empty-import", "Nothing to import", detail));
    }

    private static ProblemException tooLarge() {
        return new ProblemException(Problem.of(413, "import-too-large", "Import too large",
                "An import takes at most " + MAX_ROWS + " rows and " + MAX_BYTES / (1024 * 1024) + " MB; split the "
                        + "file.").withExtensions(Map.of("maxRows", MAX_ROWS, "maxBytes", MAX_BYTES)));
    }
}
