package io.referrals.notification.rest;

import io.referrals.notification.entity.NotificationKind;
import io.referrals.notification.service.mail.TemplateCommands;
import io.referrals.notification.service.mail.Templates;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.tenant.CurrentTenant;
import io.referrals.platform.tenant.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/templates/{kind}")
@Tag(name = "Templates", description = "The practice's message templates and their previews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TemplateResource {
    private static final String KIND = "referral_thank_you, contact_made_update, outcome_update, pleased_check_in,"
            + " partner_outreach or partner_introduction";

    @Inject
    Templates templates;

    @Inject
    CurrentTenant tenant;

    @GET
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(
            operationId = "getTemplate",
            summary = "Get a message template",
            description = "The practice's own template for the kind, else the shipped default.")
    @APIResponse(
            responseCode = "200",
            description = "The template",
            content = @Content(schema = @Schema(implementation = TemplateView.class)))
    public TemplateView get(
            @Parameter(description = KIND, example = "referral_thank_you") @PathParam("kind") NotificationKind kind) {
        return TemplateView.of(templates.source(tenant.id(), kind));
    }

    @PUT
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "putTemplate",
            summary = "Replace a message template",
            description = "Qute syntax, limited to the listed placeholders and {#if placeholder}…{#else}…{/if} (an"
                    + " {#if} may compare a placeholder with a literal: {#if outcome == 'converted'}). Any other"
                    + " section ({#eval}, {#include}, {#let} …), namespace ({config:…}) or method or property of a"
                    + " value is refused with a 400 naming it. Applies to messages written from now on.")
    @RequestBody(
            content =
                    @Content(
                            examples =
                                    @ExampleObject(
                                            name = "warmer thanks",
                                            value =
                                                    "{\"subject\":\"Thank you, {referrerFirstName}!\",\"body\":\"Dear {referrerFirstName},\\n\\nThank you for {#if referredFirstName}sending {referredFirstName} our way{#else}your referral{/if}.\\n\\n{signature}\"}")))
    @APIResponse(
            responseCode = "200",
            description = "The stored template",
            content = @Content(schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(
            responseCode = "400",
            description = "A syntax error or an unknown placeholder: `line` and `column` say where, `field` in which"
                    + " part",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(ref = "Problem"),
                            examples =
                                    @ExampleObject(
                                            name = "unknown placeholder",
                                            value =
                                                    "{\"type\":\"https://referrals.example/problems/template-invalid\",\"title\":\"Template is not valid\",\"status\":400,\"detail\":\"Unknown placeholder {referredEmail}; use one of practiceName, … (line 3, column 14)\",\"field\":\"body\",\"line\":3,\"column\":14}")))
    public TemplateView put(
            @Parameter(description = KIND, example = "referral_thank_you") @PathParam("kind") NotificationKind kind,
            @NotNull @Valid TemplateCommands.Put command) {
        return TemplateView.of(templates.put(tenant.id(), kind, command));
    }

    @POST
    @Path("/preview")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "previewTemplate",
            summary = "Preview a message template",
            description = "Renders the stored template (or the subject and body given, unsaved) with sample values"
                    + " overridden by those given: subject, text part and HTML part (values escaped). Values are"
                    + " data: they are inserted as they are, never read as template syntax. Owner or member.")
    @RequestBody(
            required = false,
            content =
                    @Content(
                            examples =
                                    @ExampleObject(
                                            name = "with a name",
                                            value =
                                                    "{\"values\":{\"referrerName\":\"Ana Gómez\",\"referrerFirstName\":\"Ana\",\"referredFirstName\":\"Lee\"}}")))
    @APIResponse(
            responseCode = "200",
            description = "The rendered message",
            content = @Content(schema = @Schema(implementation = PreviewView.class)))
    public PreviewView preview(
            @Parameter(description = KIND, example = "referral_thank_you") @PathParam("kind") NotificationKind kind,
            @Valid TemplateCommands.Preview preview) {
        return PreviewView.of(templates.preview(tenant.id(), kind, preview));
    }
}
