// The partner page's "Portal access": invite the partner to the portal, send a new sign-in link, revoke, see the
// status and last sign-in (partner-service, on main), and "View as this partner": a read-only portal session of
// 15 minutes opened in a new tab (POST /api/partners/{partnerId}/portal-view).
import { useState } from 'preact/hooks';
import { ok, partnerApi } from '../clients';
import { dateTime } from '../format';
import { ApiError, toProblem } from '../problem';
import { Chip, Notice, ProblemBanner, useAction, useLoad, useNotice } from '../ui';

const STATUS_WORDS = {
  invited: 'Invited: no sign-in yet',
  active: 'Active',
  revoked: 'Revoked',
} as const;

export function PortalAccess(props: { partnerId: string; hasEmail: boolean }) {
  const id = props.partnerId;
  // The list is the practice's whole portal access; the partner's own entry is picked from it.
  const list = useLoad(() => ok(partnerApi.GET('/api/portal-access', { params: { query: { size: 200 } } })), [id]);
  const access = (list.data?.items ?? []).find((a) => a.partnerId === id);
  const action = useAction();
  const [notice, say] = useNotice();
  const [viewLink, setViewLink] = useState<string>();
  const status = access?.status;
  const canInvite = !access || status === 'revoked';

  const viewAs = async () => {
    // The tab is opened at the click, so no pop-up blocker stops it, and told where to go once the session exists.
    const tab = window.open('', '_blank');
    if (tab) tab.opener = null;
    let url = '';
    const done = await action.run(async () => {
      const view = await ok(
        partnerApi.POST('/api/partners/{partnerId}/portal-view', { params: { path: { partnerId: id } } }),
      );
      if (!view.accessToken) throw new ApiError(toProblem(502, null, 'No session in the answer'));
      // In the fragment: never sent to a server, taken out of the address by the portal at once.
      url = `${location.origin}/portal/#view=${encodeURIComponent(view.accessToken)}`;
    });
    if (!done) {
      tab?.close();
      return;
    }
    if (tab) {
      tab.location.href = url;
      say('The read-only view opened in a new tab.');
    } else {
      setViewLink(url);
    }
  };

  return (
    <section class="card stack" aria-labelledby="portal-access-heading">
      <h2 id="portal-access-heading">Portal access</h2>
      <Notice text={notice} />
      <ProblemBanner problem={list.problem ?? action.problem} />
      {access ? (
        <p data-testid="portal-access-status">
          <Chip
            value={STATUS_WORDS[status ?? 'invited']}
            tone={status === 'active' ? 'ok' : status === 'revoked' ? 'bad' : 'info'}
          />{' '}
          <span class="muted small">
            Invited {dateTime(access.invitedAt)} · last sign-in{' '}
            {access.lastSignInAt ? dateTime(access.lastSignInAt) : 'never'}
            {access.revokedAt && ` · revoked ${dateTime(access.revokedAt)}`}
          </span>
        </p>
      ) : (
        !list.loading && (
          <p class="muted" data-testid="portal-access-status">
            Not invited. The portal shows them their referrals as far as each person allows, their rewards and your
            introduction kit.
          </p>
        )
      )}
      {!props.hasEmail && canInvite && (
        <p class="muted small">Add their email address first: the invitation goes there.</p>
      )}
      <div class="actions">
        {canInvite ? (
          <button
            type="button"
            class="primary"
            disabled={action.busy || !props.hasEmail}
            onClick={async () => {
              if (
                await action.run(() =>
                  ok(
                    partnerApi.POST('/api/partners/{partnerId}/portal-access', { params: { path: { partnerId: id } } }),
                  ),
                )
              ) {
                say('Invitation sent.');
                list.reload();
              }
            }}
          >
            {status === 'revoked' ? 'Invite again' : 'Invite to the portal'}
          </button>
        ) : (
          <>
            <button
              type="button"
              disabled={action.busy}
              onClick={async () => {
                if (
                  await action.run(() =>
                    ok(
                      partnerApi.POST('/api/partners/{partnerId}/portal-access/sign-in-link', {
                        params: { path: { partnerId: id } },
                      }),
                    ),
                  )
                ) {
                  say('A new sign-in link is on its way.');
                  list.reload();
                }
              }}
            >
              Send a new sign-in link
            </button>
            <button
              type="button"
              class="danger"
              disabled={action.busy}
              onClick={async () => {
                if (!window.confirm('Revoke their portal access? Their open sessions end at once.')) return;
                if (
                  await action.run(() =>
                    ok(
                      partnerApi.DELETE('/api/partners/{partnerId}/portal-access', {
                        params: { path: { partnerId: id } },
                      }),
                    ),
                  )
                ) {
                  say('Access revoked.');
                  list.reload();
                }
              }}
            >
              Revoke access
            </button>
          </>
        )}
        <button type="button" disabled={action.busy} onClick={viewAs}>
          View as this partner
        </button>
      </div>
      {viewLink && (
        <p>
          <a href={viewLink} target="_blank" rel="noopener">
            Open the read-only view (new tab)
          </a>
        </p>
      )}
      <p class="hint">View as this partner: what they see in the portal, read-only, for 15 minutes.</p>
    </section>
  );
}
