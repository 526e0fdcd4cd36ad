import { describe, expect, it } from 'vitest';
import { fieldErrors, toProblem, unplacedErrors } from './problem';

describe('problem+json', () => {
  it('keeps a problem as the service sent it, with only well-formed field errors', () => {
    const problem = toProblem(400, {
      type: 'https://referrals.example/problems/validation-failed',
      title: 'Request is not valid',
      status: 400,
      detail: 'One or more fields are invalid.',
      errors: [{ field: 'name', message: 'must not be blank' }, { nonsense: true }],
      currentStatus: 'received',
    });
    expect(problem.title).toBe('Request is not valid');
    expect(problem.errors).toEqual([{ field: 'name', message: 'must not be blank' }]);
    expect(problem.currentStatus).toBe('received');
  });

  it('describes an answer that is not problem+json by its status', () => {
    expect(toProblem(502, '<html>', 'Bad Gateway')).toEqual({ title: 'Bad Gateway', status: 502, errors: [] });
    expect(toProblem(0, null).title).toBe('Network error');
  });

  it('puts field errors by field, joining two on one field and folding array indexes', () => {
    const errors = fieldErrors(
      toProblem(400, {
        title: 'Request is not valid',
        status: 400,
        errors: [
          { field: 'referred.email', message: 'must be a well-formed email address' },
          { field: 'tags[1]', message: 'must not be blank' },
          { field: 'tags[3]', message: 'size must be at most 80' },
          { field: '', message: 'body is required' },
        ],
      }),
    );
    expect(errors).toEqual({
      'referred.email': 'must be a well-formed email address',
      tags: 'must not be blank; size must be at most 80',
    });
  });

  it('lists the field errors no input shows, so the banner names them', () => {
    const problem = toProblem(400, {
      title: 'Request is not valid',
      status: 400,
      errors: [
        { field: 'name', message: 'must not be blank' },
        { field: 'owner', message: 'unknown' },
      ],
    });
    expect(unplacedErrors(problem, ['name'])).toEqual([{ field: 'owner', message: 'unknown' }]);
  });
});
