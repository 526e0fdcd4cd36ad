import { useState } from 'preact/hooks';
import {
  type AllianceType,
  allianceTypeValues,
  ok,
  type PartnerCategory,
  partnerCategoryValues,
  partnerApi,
  type PartnerStage,
  partnerStageValues,
} from '../clients';
import { currentSession } from '../auth';
import { date, label } from '../format';
import { navigate, useLocation } from '../router';
import { ApiError, toProblem } from '../problem';
import {
  Chip,
  Empty,
  Field,
  LoadState,
  Notice,
  PageHeader,
  ProblemBanner,
  Select,
  Table,
  useAction,
  useLoad,
  useNotice,
} from '../ui';

const SORTS = [
  { value: 'name', label: 'Name' },
  { value: '-fitScore', label: 'Best fit' },
  { value: 'nextCheckInDue', label: 'Next check-in' },
  { value: '-createdAt', label: 'Newest' },
  { value: 'stage', label: 'Stage' },
];

export function Partners() {
  const { query } = useLocation();
  const [q, setQ] = useState(query.get('q') ?? '');
  const [category, setCategory] = useState<PartnerCategory | ''>('');
  const [stage, setStage] = useState<PartnerStage | ''>('');
  const [allianceType, setAllianceType] = useState<AllianceType | ''>('');
  const [sort, setSort] = useState('name');
  const [review, setReview] = useState(false);
  const [archived, setArchived] = useState(false);
  const [search, setSearch] = useState(q);
  const list = useLoad(
    () =>
      ok(
        partnerApi.GET('/api/partners', {
          params: {
            query: {
              q: search || undefined,
              category: category || undefined,
              stage: stage || undefined,
              allianceType: allianceType || undefined,
              needsReview: review ? true : undefined,
              archived,
              sort,
              size: 100,
            },
          },
        }),
      ),
    [search, category, stage, allianceType, sort, review, archived],
  );
  const [notice, say] = useNotice();

  return (
    <section>
      <PageHeader
        title="Partners"
        subtitle="The people and organisations who send you clients, and those you send to"
        actions={<ExportButton />}
      />
      <Notice text={notice} />
      <NewPartner
        onCreated={(id, name) => {
          say(`${name} added.`);
          navigate(`/partners/${id}`);
        }}
      />
      <form
        noValidate
        class="filters card"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(q.trim());
        }}
      >
        <Field label="Search" name="q" type="search" value={q} onValue={setQ} hint="Name, organisation or email" />
        <Select
          label="Category"
          name="category"
          value={category}
          onValue={setCategory}
          options={partnerCategoryValues}
          blank="Any"
        />
        <Select label="Stage" name="stage" value={stage} onValue={setStage} options={partnerStageValues} blank="Any" />
        <Select
          label="Alliance type"
          name="allianceType"
          value={allianceType}
          onValue={setAllianceType}
          options={allianceTypeValues}
          blank="Any"
        />
        <Select label="Sort by" name="sort" value={sort} onValue={setSort} options={SORTS} />
        <label class="check">
          <input type="checkbox" checked={review} onChange={(e) => setReview((e.target as HTMLInputElement).checked)} />{' '}
          Needs review
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={archived}
            onChange={(e) => setArchived((e.target as HTMLInputElement).checked)}
          />{' '}
          Archive
        </label>
        <button type="submit">Search</button>
      </form>
      <LoadState loaded={list}>
        {(page) =>
          (page.items ?? []).length === 0 ? (
            search || category || stage || allianceType || review || archived ? (
              <Empty title="No partner matches these filters." />
            ) : (
              <Empty title="No partners yet.">
                Add the first person who sends you clients with the form above, or import a CSV of them.
              </Empty>
            )
          ) : (
            <Table label="Partners">
              <caption class="muted">
                {page.total} partner{page.total === 1 ? '' : 's'}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Category</th>
                  <th scope="col">Stage</th>
                  <th scope="col" class="num">
                    Fit
                  </th>
                  <th scope="col">Next check-in</th>
                </tr>
              </thead>
              <tbody>
                {(page.items ?? []).map((p) => (
                  <tr key={p.id}>
                    <td>
                      <a href={`/partners/${p.id}`}>{p.name}</a>
                      {p.organization && <div class="muted small">{p.organization}</div>}
                      {p.needsReview && <Chip value="needs review" tone="warn" />}
                      {p.candidate && <Chip value="candidate" tone="info" />}
                    </td>
                    <td>{label(p.category)}</td>
                    <td>{label(p.stage)}</td>
                    <td class="num">{p.fit?.score ?? '—'}</td>
                    <td>{date(p.nextCheckInDue)}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )
        }
      </LoadState>
      <CsvImport onImported={() => list.reload()} />
    </section>
  );
}

function NewPartner(props: { onCreated: (id: string, name: string) => void }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [category, setCategory] = useState<PartnerCategory>('professional');
  const [organization, setOrganization] = useState('');
  const action = useAction();
  if (!open) {
    return (
      <p>
        <button type="button" class="primary" onClick={() => setOpen(true)}>
          Add partner
        </button>
      </p>
    );
  }
  return (
    <form
      noValidate
      class="card stack"
      aria-labelledby="new-partner-heading"
      onSubmit={async (e) => {
        e.preventDefault();
        let created: { id?: string; name?: string } | undefined;
        const done = await action.run(async () => {
          created = await ok(
            partnerApi.POST('/api/partners', {
              body: {
                name,
                email: email || undefined,
                category: category,
                organization: organization || undefined,
              },
            }),
          );
        });
        if (done && created?.id) props.onCreated(created.id, created.name ?? name);
      }}
    >
      <h2 id="new-partner-heading">New partner</h2>
      <ProblemBanner problem={action.problem} placed={['name', 'email', 'category', 'organization']} />
      <div class="grid two">
        <Field label="Name" name="name" value={name} onValue={setName} errors={action.errors} required />
        <Field label="Email" name="email" type="email" value={email} onValue={setEmail} errors={action.errors} />
        <Select
          label="Category"
          name="category"
          value={category}
          onValue={setCategory}
          options={partnerCategoryValues}
          errors={action.errors}
        />
        <Field
          label="Organisation"
          name="organization"
          value={organization}
          onValue={setOrganization}
          errors={action.errors}
        />
      </div>
      <div class="actions">
        <button type="submit" class="primary" disabled={action.busy}>
          Save partner
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The export is an authenticated download: fetched with the bearer token, then saved as a file. */
function ExportButton() {
  const action = useAction();
  return (
    <>
      <button
        type="button"
        disabled={action.busy}
        onClick={() =>
          action.run(async () => {
            const response = await fetch('/api/partners/export', {
              headers: { Authorization: `Bearer ${currentSession()?.token}`, Accept: 'text/csv' },
            });
            if (!response.ok) throw new ApiError(toProblem(response.status, await response.json().catch(() => null)));
            const url = URL.createObjectURL(await response.blob());
            const a = document.createElement('a');
            a.href = url;
            a.download = 'partners.csv';
            a.click();
            URL.revokeObjectURL(url);
          })
        }
      >
        Export CSV
      </button>
      <ProblemBanner problem={action.problem} />
    </>
  );
}

interface ImportReport {
  created?: number;
  updated?: number;
  skipped?: number;
  errors?: { row?: number; line?: number; field?: string; message?: string }[];
  [key: string]: unknown;
}

function CsvImport(props: { onImported: () => void }) {
  const [file, setFile] = useState<File>();
  const [report, setReport] = useState<ImportReport>();
  const action = useAction();
  return (
    <form
      noValidate
      class="card stack"
      aria-labelledby="import-heading"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!file) return;
        const done = await action.run(async () => {
          const response = await fetch('/api/partners/import', {
            method: 'POST',
            headers: {
              Authorization: `Bearer ${currentSession()?.token}`,
              'Content-Type': 'text/csv',
              Accept: 'application/json, application/problem+json',
            },
            body: await file.text(),
          });
          const body: unknown = await response.json().catch(() => null);
          if (!response.ok) throw new ApiError(toProblem(response.status, body, response.statusText));
          setReport(body as ImportReport);
        });
        if (done) props.onImported();
      }}
    >
      <h2 id="import-heading">Import partners from CSV</h2>
      <p class="muted small">
        One partner per row with a header row: name, email, category, organization, … Rows with errors are reported and
        skipped; the others are imported.
      </p>
      <ProblemBanner problem={action.problem} />
      <div class="field">
        <label for="csv-file">CSV file</label>
        <input
          id="csv-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0])}
        />
      </div>
      <div class="actions">
        <button type="submit" disabled={!file || action.busy}>
          Import
        </button>
      </div>
      {report && <ImportResult report={report} />}
    </form>
  );
}

function ImportResult(props: { report: ImportReport }) {
  const errors = (props.report.errors ?? []) as ImportReport['errors'] & object[];
  const counts = Object.entries(props.report).filter(
    (entry): entry is [string, number] => typeof entry[1] === 'number',
  );
  return (
    <div role="status">
      <p>{counts.map(([k, v]) => `${label(k)}: ${v}`).join(' · ')}</p>
      {errors.length > 0 && (
        <Table label="Rows not imported">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Field</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((e, i) => (
              <tr key={i}>
                <td>{e.row ?? e.line ?? '—'}</td>
                <td>{e.field ?? '—'}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
