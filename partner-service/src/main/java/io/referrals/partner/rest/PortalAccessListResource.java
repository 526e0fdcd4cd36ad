package io.referrals.partner.rest;

import io.referrals.partner.service.PortalAccessService;
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
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who has portal access: the practice's list, not one partner's. */
@Path("/api/portal-access")
@Tag(name = "Portal access", description = "The practice grants, revokes and views partners' portal access")
@Produces(MediaType.APPLICATION_JSON)
public class PortalAccessListResource {
    @Inject
    PortalAccessService service;

    @Inject
    CurrentTenant tenant;

    @GET
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(
            operationId = "listPortalAccess",
            summary = "Who has portal access",
            description = "Every partner ever invited, the latest invited first, with their status and last sign-in.")
    @APIResponse(responseCode = "200", description = "One page of portal access")
    public Page<PortalAccessView> list(@Valid @BeanParam PageRequest page) {
        return service.list(tenant.id(), page.paging()).map(PortalAccessView::of);
    }
}
