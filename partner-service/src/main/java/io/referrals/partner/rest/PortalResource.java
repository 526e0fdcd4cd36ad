package io.referrals.partner.rest;

import io.referrals.partner.service.PortalSignIn;
import io.referrals.platform.portal.CurrentPartner;
import io.referrals.platform.problem.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The partner's door: ask for a sign-in link, exchange it for a session, sign out, and read who is signed in. No
 * staff token is involved (the methods are open to the HTTP layer); the session token is checked here, by
 * {@link CurrentPartner} and the session table, so a staff token is refused and a partner token opens nothing else.
 */
@Path("/api/portal")
@Tag(
        name = "Portal",
        description = "The partner portal: what a signed-in partner sees and changes (a portal session token)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PortalResource {
    static final String LINK_REQUESTED_DETAIL = "If this address belongs to a partner of the practice with portal"
            + " access, a sign-in link is on its way to it. The link works once, within 15 minutes.";

    @Inject
    PortalSignIn signIn;

    @Inject
    CurrentPartner partner;

    @Schema(name = "PortalSignInLinkRequest")
    public record SignInLinkRequest(
            @Schema(example = "practice-42") @NotBlank @Size(max = 64) String practiceId,

            @Schema(example = "dana@whitfield-counselling.example") @NotBlank @Email @Size(max = 320) String email) {}

    @Schema(name = "PortalSignInLinkRequested")
    public record SignInLinkRequested(
            @Schema(example = "requested") String status,
            @Schema(example = LINK_REQUESTED_DETAIL) String detail) {}

    @Schema(name = "PortalSessionRequest")
    public record SessionRequest(
            @Schema(description = "The token from the link's #token= fragment") @NotBlank @Size(max = 128) String token,

            @Schema(
                    description = "The practice whose portal page signs in, if it knows: a link of another"
                            + " practice is then refused like a used one",
                    example = "practice-42")
            @Size(max = 64) String practiceId) {}

    @Schema(name = "PortalSession")
    public record SessionView(
            @Schema(description = "Bearer token for /api/portal/** (role partner, one practice and partner)")
            String accessToken,

            Instant expiresAt) {}

    @Schema(name = "PortalMe")
    public record MeView(
            UUID partnerId,
            String name,
            String email,
            String practiceId,

            @Schema(
                    description = "The practice's \"view as this partner\" session: it reads what the partner reads"
                            + " and every change is refused (403)")
            boolean readOnly) {}

    @POST
    @Path("/sign-in-links")
    @PermitAll
    @SecurityRequirements
    @Operation(
            operationId = "requestPortalSignInLink",
            summary = "Ask for a sign-in link by email",
            description = "Always the same 202, whether or not the address belongs to a partner of the practice with"
                    + " access: the answer tells nobody who is a partner. Limited per email address and per client"
                    + " address (429 with Retry-After, for unknown addresses alike).")
    @APIResponse(
            responseCode = "202",
            description = "Requested",
            content = @Content(schema = @Schema(implementation = SignInLinkRequested.class)))
    @APIResponse(
            responseCode = "429",
            description = "Too many requests for this address, or from this client",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response requestLink(@NotNull @Valid SignInLinkRequest request, @Context HttpServerRequest http) {
        signIn.requestLink(
                request.practiceId(),
                request.email(),
                http.remoteAddress() == null ? null : http.remoteAddress().hostAddress());
        return Response.accepted(new SignInLinkRequested("requested", LINK_REQUESTED_DETAIL))
                .build();
    }

    @POST
    @Path("/sessions")
    @PermitAll
    @SecurityRequirements
    @Operation(
            operationId = "startPortalSession",
            summary = "Sign in with a link's token",
            description = "Uses the link up (once) and starts a session of 60 minutes.")
    @APIResponse(
            responseCode = "201",
            description = "Signed in",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(
            responseCode = "410",
            description = "The link was used, has expired, or is not a link: ask for a new one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response startSession(@NotNull @Valid SessionRequest request) {
        var signedIn = signIn.exchange(request.token(), request.practiceId());
        return Response.status(Response.Status.CREATED)
                .entity(new SessionView(signedIn.accessToken(), signedIn.expiresAt()))
                .build();
    }

    @DELETE
    @Path("/sessions/current")
    @PermitAll
    @Operation(operationId = "endPortalSession", summary = "Sign out", description = "Ends the session of the token.")
    @APIResponse(responseCode = "204", description = "Signed out")
    @APIResponse(
            responseCode = "401",
            description = "No open portal session",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public void signOut() {
        signIn.signOut(partner.session());
    }

    @GET
    @Path("/me")
    @PermitAll
    @Operation(operationId = "getPortalMe", summary = "The signed-in partner")
    @APIResponse(
            responseCode = "200",
            description = "The partner of the session",
            content = @Content(schema = @Schema(implementation = MeView.class)))
    @APIResponse(
            responseCode = "401",
            description = "No open portal session",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public MeView me() {
        var session = partner.session();
        var me = signIn.me(session);
        return new MeView(me.partnerId(), me.name(), me.email(), me.practiceId(), session.readOnly());
    }
}
