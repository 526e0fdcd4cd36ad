package io.referrals.notification.rest;

import io.referrals.notification.service.mail.Templates;
import io.referrals.notification.service.mail.Unsubscribes;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The link in every message's List-Unsubscribe header. No bearer token: the signed token in the path is the proof.
 * GET shows a page with a button (link scanners follow GETs; they must not unsubscribe anyone); POST unsubscribes,
 * which is also what a mail client's one-click unsubscribe (RFC 8058) sends.
 */
@Path("/api/unsubscribe/{token}")
@Tag(name = "Unsubscribe", description = "Public unsubscribe links of the emails sent to partners")
@PermitAll
@SecurityRequirements
public class UnsubscribeResource {

    @Inject
    Unsubscribes unsubscribes;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(
            operationId = "unsubscribePage",
            summary = "Unsubscribe page",
            description = "A page asking to confirm; nothing changes until it is confirmed.")
    @APIResponse(responseCode = "200", description = "The page")
    public String page(@Parameter(description = "The signed token from the link") @PathParam("token") String token) {
        Unsubscribes.Recipient recipient = unsubscribes.verify(token);
        return page(
                "Unsubscribe",
                "<p>Stop receiving email from " + from(recipient) + "?</p>\n<form method=\"post\"><button"
                        + " type=\"submit\">Unsubscribe</button></form>");
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    @Operation(
            operationId = "unsubscribe",
            summary = "Unsubscribe (one click)",
            description = "Stops all further email from the practice to the partner the token names (RFC 8058: a"
                    + " mail client posts List-Unsubscribe=One-Click here). Repeating it changes nothing.")
    @APIResponse(responseCode = "200", description = "Unsubscribed")
    public String unsubscribe(
            @Parameter(description = "The signed token from the link") @PathParam("token") String token) {
        Unsubscribes.Recipient recipient = unsubscribes.unsubscribe(token);
        return page("Unsubscribed", "<p>You will receive no more email from " + from(recipient) + ".</p>");
    }

    private static String from(Unsubscribes.Recipient recipient) {
        return recipient.practiceName() == null ? "this practice" : Templates.escape(recipient.practiceName());
    }

    private static String page(String title, String content) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>\n"
                + content + "\n</body></html>\n";
    }
}
