// The console's building blocks: loading data, forms that show problem+json errors next to their fields, empty
// states that say what to do first, and accessible tables, dialogs-free flows and status chips.
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { hasNavigated } from './router';
import { ApiError, fieldErrors, type Problem, toProblem, unplacedErrors } from './problem';

export function asProblem(error: unknown): Problem {
  if (error instanceof ApiError) return error.problem;
  return { title: 'Something went wrong', status: 0, detail: String(error), errors: [] };
}

export interface Loaded<T> {
  data: T | undefined;
  problem: Problem | undefined;
  loading: boolean;
  reload: () => void;
}

/** Loads on mount and whenever `deps` change; `reload()` loads again. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; problem?: Problem; loading: boolean }>({ loading: true });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => current && setState({ data, loading: false }),
      (error) => current && setState({ problem: asProblem(error), loading: false }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data: state.data, problem: state.problem, loading: state.loading, reload };
}

/** A submit handler with busy state and the last problem; `run` answers whether the action succeeded. */
export function useAction(): {
  busy: boolean;
  problem: Problem | undefined;
  errors: Record<string, string>;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
  clear: () => void;
} {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const run = useCallback(async (action: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await action();
      return true;
    } catch (error) {
      setProblem(asProblem(error));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, problem, errors: fieldErrors(problem), run, clear: () => setProblem(undefined) };
}

export function PageHeader(props: { title: string; subtitle?: ComponentChildren; actions?: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.title} · Referrals`;
    // After a move to another page, screen readers hear its title and the keyboard starts from it; on first load the
    // focus stays at the top, where the skip link is.
    if (hasNavigated()) heading.current?.focus({ preventScroll: true });
  }, [props.title]);
  return (
    <header class="page-header">
      <div>
        <h1 tabIndex={-1} ref={heading}>
          {props.title}
        </h1>
        {props.subtitle && <p class="muted">{props.subtitle}</p>}
      </div>
      {props.actions && <div class="actions">{props.actions}</div>}
    </header>
  );
}

/** A problem that is not about one field: its title, its detail, and any field errors no input shows. */
export function ProblemBanner(props: { problem: Problem | undefined; placed?: string[] }) {
  if (!props.problem) return null;
  const rest = unplacedErrors(props.problem, props.placed ?? []);
  const onlyPlaced = props.problem.errors.length > 0 && rest.length === 0;
  return (
    <div class="problem" role="alert">
      <strong>{props.problem.title}</strong>
      {!onlyPlaced && props.problem.detail && <span> — {props.problem.detail}</span>}
      {onlyPlaced && <span> — see the fields marked below.</span>}
      {rest.length > 0 && (
        <ul>
          {rest.map((e) => (
            <li key={e.field + e.message}>{e.field ? `${e.field}: ${e.message}` : e.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function LoadState<T>(props: { loaded: Loaded<T>; children: (data: T) => ComponentChildren }) {
  const { data, problem, loading } = props.loaded;
  if (problem) return <ProblemBanner problem={problem} />;
  if (data === undefined) {
    return loading ? (
      <p class="muted" role="status">
        Loading…
      </p>
    ) : null;
  }
  return <>{props.children(data)}</>;
}

export function Empty(props: { title: string; children?: ComponentChildren }) {
  return (
    <div class="empty">
      <p class="empty-title">{props.title}</p>
      {props.children && <div class="muted">{props.children}</div>}
    </div>
  );
}

let nextId = 0;
function useId(prefix: string): string {
  const id = useRef<string>();
  if (!id.current) id.current = `${prefix}-${++nextId}`;
  return id.current;
}

type InputProps = {
  label: string;
  name: string;
  value: string;
  onValue: (value: string) => void;
  errors?: Record<string, string>;
  hint?: string;
  type?: string;
  required?: boolean;
  multiline?: boolean;
  autoComplete?: string;
  inputMode?: 'text' | 'decimal' | 'numeric' | 'email' | 'tel' | 'search' | 'url';
};

/** A labelled input whose field error (by `name`, as the service names the field) is announced with it. */
export function Field({ label, name, value, onValue, errors, hint, multiline, ...rest }: InputProps) {
  const id = useId(name);
  const error = errors?.[name];
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described,
  } as const;
  return (
    <div class={`field${error ? ' invalid' : ''}`}>
      <label for={id}>
        {label}
        {rest.required && <span aria-hidden="true"> *</span>}
      </label>
      {multiline ? (
        <textarea
          {...common}
          rows={4}
          required={rest.required}
          onInput={(e) => onValue((e.target as HTMLTextAreaElement).value)}
        />
      ) : (
        <input
          type={rest.type ?? 'text'}
          required={rest.required}
          autocomplete={rest.autoComplete}
          inputMode={rest.inputMode}
          {...common}
          onInput={(e) => onValue((e.target as HTMLInputElement).value)}
        />
      )}
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A labelled select; `T` is the wire enum the options come from, so a value the API no longer knows fails tsc. */
export function Select<T extends string>(props: {
  label: string;
  name: string;
  value: T | '';
  onValue: (value: T) => void;
  options: readonly (T | { value: T; label: string })[];
  errors?: Record<string, string>;
  blank?: string;
}) {
  const id = useId(props.name);
  const error = props.errors?.[props.name];
  return (
    <div class={`field${error ? ' invalid' : ''}`}>
      <label for={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        value={props.value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => props.onValue((e.target as HTMLSelectElement).value as T)}
      >
        {props.blank !== undefined && <option value="">{props.blank}</option>}
        {props.options.map((o) =>
          typeof o === 'string' ? (
            <option key={o} value={o}>
              {o.replace(/_/g, ' ')}
            </option>
          ) : (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ),
        )}
      </select>
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A table that scrolls sideways at phone width, reachable and labelled for the keyboard. */
export function Table(props: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap" role="region" aria-label={props.label} tabIndex={0}>
      <table>{props.children}</table>
    </div>
  );
}

export function Chip(props: { value: string | null | undefined; tone?: 'ok' | 'warn' | 'bad' | 'info' }) {
  if (!props.value) return null;
  return <span class={`chip ${props.tone ?? ''}`}>{props.value.replace(/_/g, ' ')}</span>;
}

export function Stat(props: { label: string; value: ComponentChildren; hint?: string }) {
  return (
    <div class="stat">
      <p class="stat-label">{props.label}</p>
      <p class="stat-value">{props.value}</p>
      {props.hint && <p class="muted small">{props.hint}</p>}
    </div>
  );
}

/** A short-lived confirmation read out by screen readers. */
export function useNotice(): [string, (text: string) => void] {
  const [text, setText] = useState('');
  const timer = useRef<number>();
  const say = useCallback((value: string) => {
    setText(value);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setText(''), 6000);
  }, []);
  return [text, say];
}

export function Notice(props: { text: string }) {
  return (
    <p class="notice" role="status" aria-live="polite">
      {props.text}
    </p>
  );
}

/**
 * Copies `text` to the clipboard and says so beside the button, where screen readers hear it; when the browser does
 * not allow it, says what to do instead.
 */
export function CopyButton(props: { text: string; label: string }) {
  const [said, setSaid] = useState('');
  return (
    <>
      <button
        type="button"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(props.text);
            setSaid('Copied.');
          } catch {
            setSaid('Could not copy: select the text and copy it yourself.');
          }
        }}
      >
        {props.label}
      </button>
      <span class="notice" role="status" aria-live="polite" data-testid="copy-status">
        {said}
      </span>
    </>
  );
}

export { toProblem };
