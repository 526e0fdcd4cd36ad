package io.referrals.notification.rest;

import io.referrals.notification.service.NotificationService;
import io.referrals.platform.page.Page;
import io.referrals.platform.rest.PageRequest;
import io.referrals.platform.tenant.CurrentTenant;
import io.referrals.platform.tenant.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/notifications")
@Tag(name = "Notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    @Inject
    NotificationService notifications;

    @Inject
    CurrentTenant tenant;

    @GET
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(
            operationId = "listNotifications",
            summary = "List notifications",
            description = "Thank-yous and follow-ups drafted for the practice, newest first.")
    @APIResponse(responseCode = "200", description = "One page of notifications")
    public Page<NotificationView> list(
            @Parameter(description = "Only those addressed to this partner") @QueryParam("partnerId") UUID partnerId,
            @Valid @BeanParam PageRequest page) {
        return notifications.list(tenant.id(), partnerId, page.paging()).map(NotificationView::of);
    }
}
