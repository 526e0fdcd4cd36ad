package io.referrals.platform.portal;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * The signed-in partner of a portal request ({@code /api/portal/**}), from its bearer session token, verified by
 * {@link PortalSessions}. Every portal query is scoped by {@link #tenantId()} and {@link #partnerId()}; a request
 * without a valid session token is a 401. The token alone proves a session that was started; a service that can tell
 * whether it was since ended or the access revoked checks that too (partner-service does, on every request).
 */
@RequestScoped
public class CurrentPartner {
    private static final String BEARER = "Bearer ";

    @Inject
    HttpServerRequest request;

    @Inject
    PortalSessions sessions;

    private PortalSessions.Session session;

    public String tenantId() {
        return session().tenantId();
    }

    public UUID partnerId() {
        return session().partnerId();
    }

    /** The session's id ({@code sid}): what signing out ends. */
    public UUID sessionId() {
        return session().sessionId();
    }

    /**
     * The session, for a request that changes something: the practice's read-only "view as this partner" session is
     * refused (403), whatever the change.
     */
    public PortalSessions.Session sessionForChange() {
        PortalSessions.Session current = session();
        if (current.readOnly()) {
            throw new ForbiddenException("A view-as session of the practice reads only; the partner makes changes");
        }
        return current;
    }

    public PortalSessions.Session session() {
        if (session == null) {
            String header = request.getHeader("Authorization");
            String token = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    ? header.substring(BEARER.length()).trim()
                    : null;
            session = sessions.verify(token)
                    .orElseThrow(() -> new UnauthorizedException("No valid portal session token"));
        }
        return session;
    }
}
