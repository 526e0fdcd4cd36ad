package io.referrals.platform.portal;

import io.referrals.events.CloudEvent;
import io.referrals.events.partner.PartnerPortalSessionEnded;
import io.referrals.platform.persistence.Sql;
import io.referrals.platform.persistence.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * The portal sessions ended before their time (signed out), as a service that answers portal requests but does not
 * issue sessions learns of them from {@link PartnerPortalSessionEnded}: a token proves only that a session was
 * started. Kept in the service's own table {@code portal_session_ended (tenant_id, session_id primary key,
 * expires_at)} (a Flyway migration of the service's), each row only until its token expires anyway: rows past
 * {@code expires_at} are deleted whenever one is recorded.
 */
@ApplicationScoped
public class EndedPortalSessions {
    @Inject
    Sql sql;

    @Inject
    Clock clock;

    /** Records the ended session in the inbox's transaction; the same event again changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onSessionEnded(CloudEvent event, PartnerPortalSessionEnded data) {
        sql.update("delete from portal_session_ended where expires_at <= ?", Timestamps.now(clock));
        sql.update("""
                insert into portal_session_ended (tenant_id, session_id, expires_at) values (?, ?, ?)
                on conflict (session_id) do nothing""", event.tenantid(), data.sessionId(), data.expiresAt());
    }

    /** Whether the session was ended in its practice: a service refuses it (401) like a revoked one. */
    @Transactional
    public boolean ended(PortalSessions.Session session) {
        return !sql.query(
                        "select 1 from portal_session_ended where tenant_id = ? and session_id = ?",
                        row -> row.getInt(1),
                        session.tenantId(),
                        session.sessionId())
                .isEmpty();
    }
}
