package io.referrals.platform.tenant;

import io.quarkus.security.UnauthorizedException;
import io.referrals.platform.config.ServiceConfig;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The practice (tenant) of the current API call, taken from the verified bearer token. A token without the tenant
 * claim, or whose claim is not a practice id ({@link TenantIds}), is not a valid token for this platform.
 */
@RequestScoped
public class CurrentTenant {
    @Inject
    JsonWebToken token;

    @Inject
    ServiceConfig service;

    public String id() {
        String tenantClaim = service.tenantClaim();
        Object claim = token == null ? null : token.getClaim(tenantClaim);
        String tenantId = claim == null ? null : claim.toString();
        if (!TenantIds.isValid(tenantId)) {
            throw new UnauthorizedException("Token carries no valid '" + tenantClaim + "' claim");
        }
        return tenantId;
    }

    /** The subject of the token: the practice user making the call. */
    public String userId() {
        return token.getSubject();
    }
}
