// Errors as the services answer them: RFC 9457 problem+json, with field errors for invalid requests.

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  errors: FieldError[];
  [extension: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
  }
}

/** A problem from any answer: a problem+json body as it is, anything else described by its status. */
export function toProblem(status: number, body: unknown, statusText = ''): Problem {
  if (body && typeof body === 'object' && typeof (body as { title?: unknown }).title === 'string') {
    const given = body as Partial<Problem>;
    const errors = Array.isArray(given.errors)
      ? given.errors.filter((e): e is FieldError => !!e && typeof e.field === 'string' && typeof e.message === 'string')
      : [];
    return { ...given, title: given.title!, status: typeof given.status === 'number' ? given.status : status, errors };
  }
  if (status === 0) {
    return {
      title: 'Network error',
      status,
      detail: 'The server could not be reached. Check your connection.',
      errors: [],
    };
  }
  return { title: statusText || `HTTP ${status}`, status, errors: [] };
}

/**
 * The problem's field errors by form field. A nested field (`referred.email`) is also found under its last segment
 * when the form names the input so; an array index (`tags[2]`) counts as the list. Errors with no field stay out.
 */
export function fieldErrors(problem: Problem | null | undefined): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const error of problem?.errors ?? []) {
    if (!error.field) continue;
    const field = error.field.replace(/\[\d+\]/g, '');
    byField[field] = byField[field] ? `${byField[field]}; ${error.message}` : error.message;
  }
  return byField;
}

/** The field errors the form has no input for: shown with the problem's title so that none is lost. */
export function unplacedErrors(problem: Problem, placed: readonly string[]): FieldError[] {
  return problem.errors.filter((e) => !e.field || !placed.includes(e.field.replace(/\[\d+\]/g, '')));
}
