package io.referrals.partner.rest;

import io.referrals.partner.service.ImportReport;
import io.referrals.partner.service.PartnerCsvService;
import io.referrals.platform.idempotency.IdempotencyKeys;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.tenant.CurrentTenant;
import io.referrals.platform.tenant.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The partner list in and out as CSV, for spreadsheets and moves between systems. */
@Path("/api/partners")
@Tag(
        name = "Partners",
        description = "The practice's referral partners and sources, their touchpoints and CSV import/export")
public class PartnerCsvResource {
    public static final String TEXT_CSV = "text/csv";
    private static final String IMPORT_EXAMPLE = """
            name,email,category,organization,licensed,tags,allianceTypes,stage,notes\r
            Dana Lee,dana@leecounseling.example,professional,Lee Counseling,true,met at BNI;couples,referral,\
            building_rapport,"Refers couples; asked for our ""career change"" one-pager"\r
            Sam Ortiz,sam@ortizhr.example,center_of_influence,"Ortiz HR, LLC",false,,referral;joint_venture,,\r
            """;
    private static final String REPORT_EXAMPLE = """
            {"imported":1,"created":[{"row":1,"id":"0b7c1f0e-8f8e-4a4b-9a53-2b8d1c3f5e61"}],\
            "skipped":[{"row":2,"email":"sam@ortizhr.example","existingPartnerId":"7e2d4b1a-3c5f-4e6a-8b9c-1d2e3f4a5b6c"}],\
            "errors":[]}""";
    private static final String EXPORT_EXAMPLE = """
            id,name,email,category,organization,role,licensed,phone,website,tags,niches,allianceTypes,stage,notes,\
            relationship,fitScore,nextCheckInDue,createdAt\r
            0b7c1f0e-8f8e-4a4b-9a53-2b8d1c3f5e61,Dana Lee,dana@leecounseling.example,professional,Lee Counseling,,true,\
            ,,met at BNI;couples,couples,referral,building_rapport,"Refers couples; asked for our ""career change"" \
            one-pager",source,67,2026-12-20T15:30:00Z,2026-11-20T15:30:00Z\r
            """;
    private static final String TOO_LARGE_EXAMPLE = """
            {"type":"https://referrals.example/problems/import-too-large","title":"Import too large","status":413,\
            "detail":"An import takes at most 5000 rows and 2 MB; split the file.","maxRows":5000,"maxBytes":2097152}""";
    private static final String UNKNOWN_COLUMN_EXAMPLE = """
            {"type":"https://referrals.example/problems/invalid-csv-header","title":"CSV header row is not valid",\
            "status":400,"detail":"Unknown columns: shoe size. Known columns: name, email, category, ...",\
            "errors":[{"field":"shoe size","message":"unknown column"}],"unknownColumns":["shoe size"]}""";

    @Inject
    PartnerCsvService service;

    @Inject
    CurrentTenant tenant;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @POST
    @Path("/import")
    @Consumes(TEXT_CSV)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Transactional
    @Operation(
            operationId = "importPartners",
            summary = "Import partners from CSV",
            description = "RFC 4180 CSV with a header row naming the columns in any order, case-insensitively: "
                    + "name and category (required), email, organization, role, licensed (true/false), phone, "
                    + "website, tags, niches, allianceTypes (lists separated by `;`), stage (an active stage; "
                    + "default identified), notes. The read-only columns of an export (id, relationship, fitScore, "
                    + "nextCheckInDue, createdAt) are accepted and ignored; any other column is a 400. Enum values "
                    + "are the lower-case API values. Every row is checked by the rules of `createPartner`; valid "
                    + "rows become partners (each announced by PartnerCreated), rows whose email the practice "
                    + "already has (or an earlier row had) are skipped, and the report lists per row what happened: "
                    + "row 1 is the first record after the header. All of it commits together, with the "
                    + "Idempotency-Key: a retry returns the first report and creates nothing. At most 5000 rows "
                    + "and 2 MB.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = TEXT_CSV,
                            schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "partners", value = IMPORT_EXAMPLE)))
    @APIResponse(
            responseCode = "200",
            description = "What was created, skipped and refused, row by row",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportReport.class),
                            examples = @ExampleObject(name = "report", value = REPORT_EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description = "Empty file, no data rows, malformed CSV, or a header row "
                    + "with unknown, repeated or missing columns",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(ref = "Problem"),
                            examples = @ExampleObject(name = "unknown-column", value = UNKNOWN_COLUMN_EXAMPLE)))
    @APIResponse(
            responseCode = "413",
            description = "More than 5000 rows or 2 MB",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(ref = "Problem"),
                            examples = @ExampleObject(name = "too-large", value = TOO_LARGE_EXAMPLE)))
    @APIResponse(
            responseCode = "422",
            description = "Idempotency-Key reused with another file",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response importPartners(
            @Parameter(
                            description =
                                    "Makes retries safe: the same key returns the first report and creates nothing",
                            example = "import-2026-11-20")
                    @HeaderParam(IdempotencyKeys.HEADER)
                    String idempotencyKey,
            String csv) {
        String tenantId = tenant.id();
        String text = csv == null ? "" : csv;
        return idempotencyKeys.execute(
                tenantId,
                idempotencyKey,
                text,
                ImportReport.class,
                () -> service.importCsv(tenantId, text, tenant.userId()),
                Response::ok);
    }

    @GET
    @Path("/export")
    @Produces(TEXT_CSV)
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(
            operationId = "exportPartners",
            summary = "Export partners as CSV",
            description = "The partners the same filters would list (all pages), as RFC 4180 CSV in UTF-8 with a "
                    + "header row: the importable columns (lists joined with `;`, enum values in lower case) plus "
                    + "id, relationship, fitScore, nextCheckInDue and createdAt. The file imports into another "
                    + "practice as it is.")
    @APIResponse(
            responseCode = "200",
            description = "The partners, one row each",
            headers =
                    @org.eclipse.microprofile.openapi.annotations.headers.Header(
                            name = HttpHeaders.CONTENT_DISPOSITION,
                            description = "attachment; filename=\"partners.csv\"",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = TEXT_CSV,
                            schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "partners", value = EXPORT_EXAMPLE)))
    public Response export(@Valid @BeanParam PartnerFilter filter) {
        String tenantId = tenant.id();
        StreamingOutput body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            service.export(tenantId, filter.toCriteria(), writer);
            writer.flush();
        };
        return Response.ok(body, TEXT_CSV + "; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"partners.csv\"")
                .build();
    }
}
