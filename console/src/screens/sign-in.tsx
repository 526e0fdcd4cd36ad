import { useState } from 'preact/hooks';
import { devSignIn, saveSession, sessionOf } from '../auth';
import { ApiError, toProblem } from '../problem';
import { Field, ProblemBanner, Select, useAction } from '../ui';

/** The local stack's development sign-in: any practice, any role; tokens signed by the stack's own key. */
export function DevSignIn(props: { onSignedIn: () => void }) {
  const [practice, setPractice] = useState('demo-practice');
  const [role, setRole] = useState('owner');
  const action = useAction();
  return (
    <main id="main" class="center narrow">
      <h1>Sign in</h1>
      <p class="muted">
        Development sign-in of the local stack: pick a practice and a role. A production console signs in with your
        organisation's identity provider instead.
      </p>
      <form
        noValidate
        class="card stack"
        onSubmit={async (e) => {
          e.preventDefault();
          const done = await action.run(async () => {
            const response = await devSignIn(practice.trim(), role);
            const body: unknown = await response.json().catch(() => null);
            if (!response.ok) throw new ApiError(toProblem(response.status, body, response.statusText));
            saveSession(sessionOf((body as { token: string }).token));
          });
          if (done) props.onSignedIn();
        }}
      >
        <ProblemBanner problem={action.problem} placed={['practice', 'role']} />
        <Field
          label="Practice"
          name="practice"
          value={practice}
          onValue={setPractice}
          errors={action.errors}
          hint="Its id, e.g. demo-practice (the demo data) or any new one for an empty practice"
          autoComplete="off"
          required
        />
        <Select
          label="Role"
          name="role"
          value={role}
          onValue={setRole}
          options={['owner', 'member', 'viewer']}
          errors={action.errors}
        />
        <button type="submit" class="primary" disabled={action.busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
