// A campaign's audience as partner-service previews it: how many partners, who (first page), and who is left out and
// why. Used by the create/edit flow (POST /api/campaigns/audience-preview) and a saved campaign's page (GET
// /api/campaigns/{id}/audience, with each partner's variant once it has started).
import type { PartnerApi } from '../clients';
import { date, label } from '../format';
import { Empty, Table } from '../ui';

export function AudienceView(props: {
  preview: PartnerApi['AudiencePreview'];
  withVariant?: boolean;
  testId?: string;
}) {
  const total = props.preview.total ?? 0;
  const partners = props.preview.partners ?? [];
  const excluded = props.preview.excluded ?? [];
  return (
    <div class="stack" data-testid={props.testId ?? 'audience-preview'}>
      <p role="status">
        <strong data-testid="audience-total">
          {total} partner{total === 1 ? '' : 's'}
        </strong>{' '}
        {props.withVariant ? 'in this campaign' : 'would be asked'}
        {excluded.length > 0 && `; ${excluded.length} left out (below)`}.
      </p>
      {partners.length === 0 ? (
        <Empty title="No partner matches.">
          Only active partners with an email are asked: not archived, not candidates, and not in an ended stage.
        </Empty>
      ) : (
        <Table label="Partners in the audience">
          <caption class="muted">
            {partners.length < total ? `${partners.length} of ${total} shown` : `All ${total}`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Partner</th>
              <th scope="col">Category</th>
              <th scope="col">Stage</th>
              <th scope="col" class="num">
                Fit
              </th>
              <th scope="col">Last referral</th>
              {props.withVariant && <th scope="col">Variant</th>}
            </tr>
          </thead>
          <tbody>
            {partners.map((p) => (
              <tr key={p.partnerId}>
                <td>
                  <a href={`/partners/${p.partnerId}`}>{p.name}</a>
                </td>
                <td>{label(p.category)}</td>
                <td>{label(p.stage)}</td>
                <td class="num">{p.fitScore ?? '—'}</td>
                <td>{p.lastReferralAt ? date(p.lastReferralAt) : 'Never'}</td>
                {props.withVariant && <td>{p.variant ?? '—'}</td>}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {excluded.length > 0 && (
        <div>
          <h3>Left out</h3>
          <p class="muted small">
            A partner already in another scheduled or running campaign whose window overlaps is not asked again: one
            referral must belong to one ask, and nobody should get two asks at once.
          </p>
          <ul class="list" aria-label="Partners left out">
            {excluded.map((e) => (
              <li key={e.partnerId} data-testid="audience-excluded">
                <a href={`/partners/${e.partnerId}`}>{e.name}</a>: already in{' '}
                <a href={`/campaigns/${e.campaignId}`}>{e.campaignName}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
