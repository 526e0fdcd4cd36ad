package io.referrals.referral.rest;

import io.referrals.platform.idempotency.IdempotencyKeys;
import io.referrals.platform.problem.Problem;
import io.referrals.referral.entity.Referral;
import io.referrals.referral.service.BookingLinks;
import io.referrals.referral.service.IntakeService;
import io.referrals.referral.service.ReferralCommands;
import io.referrals.referral.service.RetriesBookingCodeCollision;
import io.referrals.referral.service.WebhookHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public side of intake links: no bearer token, the link's secret token names the practice. The checks are
 * {@link IntakeService}'s; this resource reads the request and answers it, with the Idempotency-Key replay.
 */
@Path("/api/intake")
@Tag(
        name = "Intake links",
        description = "Links through which partners, forms and schedulers post referrals without a token")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IntakeResource {
    static final String WEBHOOK_ID = "webhook-id";
    static final String WEBHOOK_TIMESTAMP = "webhook-timestamp";
    static final String WEBHOOK_SIGNATURE = "webhook-signature";

    @Inject
    IntakeService intake;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    BookingLinks bookingLinks;

    @POST
    @Path("/{token}")
    @PermitAll
    @Transactional
    @RetriesBookingCodeCollision
    @SecurityRequirements
    @Operation(
            operationId = "intakeReferral",
            summary = "Post a referral through an intake link",
            description = "For form builders, schedulers and Zapier-style webhooks: no bearer token, the link's token "
                    + "in the path names the practice. The body is the one of `POST /api/referrals`; a link bound to a "
                    + "partner records the referral as theirs (leave out partnerId and referrer). Send an "
                    + "Idempotency-Key to make retries safe. A signed link requires Standard Webhooks headers "
                    + "(`webhook-id`, `webhook-timestamp`, `webhook-signature` = `v1,` base64 HMAC-SHA256 of "
                    + "`{id}.{timestamp}.{body}` over the raw body bytes), at most 5 minutes old; its webhook-id is "
                    + "accepted once (and is the Idempotency-Key when none is sent). A link not bound to a partner "
                    + "ignores partnerId: a referrer whose email matches a partner is recorded as an unverified "
                    + "attribution until the practice confirms it. The answer is a receipt, the same whoever the "
                    + "referral names.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ReferralCommands.Receive.class)))
    @APIResponse(
            responseCode = "201",
            description = "Received (or, on a retry with the same key, the first answer)",
            headers =
                    @Header(
                            name = IdempotencyKeys.REPLAYED_HEADER,
                            description = "true when this is a replay",
                            schema = @Schema(type = SchemaType.BOOLEAN)),
            content = @Content(schema = @Schema(implementation = IntakeReceipt.class)))
    @APIResponse(
            responseCode = "401",
            description = "Signed link: signature missing, invalid or stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No active intake link has this token (unknown or revoked)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "409",
            description = "Signed link: this webhook-id was accepted before (a replay)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "413",
            description = "Body larger than 64 KB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "422",
            description = "Unknown partner, or Idempotency-Key reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "429",
            description = "The client address's or the link's requests per minute, or the link's requests per day, "
                    + "are used up",
            headers =
                    @Header(
                            name = HttpHeaders.RETRY_AFTER,
                            description = "Seconds until the limit's next window",
                            schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response intake(
            @Parameter(
                            description = "The intake link's token",
                            example = "il_9mQ3yZk0c1hT7uJ2bX4eV8rN6pL5sD0aF3gH1jK2lM4")
                    @PathParam("token")
                    String token,
            @Parameter(
                            description =
                                    "Makes retries safe: the same key returns the first answer and creates nothing",
                            example = "zap-run-7f3a9c")
                    @HeaderParam(IdempotencyKeys.HEADER)
                    String idempotencyKey,
            @Parameter(description = "Signed links: unique id of this message", example = "msg_2b7c9d")
                    @HeaderParam(WEBHOOK_ID)
                    String webhookId,
            @Parameter(description = "Signed links: unix seconds when signed", example = "1763913600")
                    @HeaderParam(WEBHOOK_TIMESTAMP)
                    String webhookTimestamp,
            @Parameter(
                            description = "Signed links: space-separated `v1,<base64>` signatures",
                            example = "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=")
                    @HeaderParam(WEBHOOK_SIGNATURE)
                    String webhookSignature,
            byte[] body,
            @Context UriInfo uri,
            @Context HttpServerRequest request)
            throws IOException {
        IntakeService.Accepted accepted = intake.accept(
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress(),
                token,
                body,
                new WebhookHeaders(webhookId, webhookTimestamp, webhookSignature),
                idempotencyKey);
        return idempotencyKeys.execute(
                accepted.tenantId(),
                accepted.idempotencyKey(),
                accepted.referral(),
                IntakeReceipt.class,
                () -> {
                    Referral referral = intake.record(accepted);
                    return IntakeReceipt.of(referral, bookingLinks.linkFor(referral));
                },
                receipt -> Response.created(uri.getBaseUriBuilder()
                                .path("api/referrals")
                                .path(receipt.id().toString())
                                .build())
                        .entity(receipt));
    }
}
