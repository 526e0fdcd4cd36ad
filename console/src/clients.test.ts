import { describe, expect, it } from 'vitest';
import { ok, okJson } from './clients';
import { ApiError } from './problem';

const answer = (status: number, body: { data?: unknown; error?: unknown }) =>
  Promise.resolve({ ...body, response: new Response(null, { status }) });

describe("ok, the generated clients' answers as data or an ApiError", () => {
  it('answers the data of a success', async () => {
    expect(await ok(answer(200, { data: { id: 'c1', status: 'draft' } }))).toEqual({ id: 'c1', status: 'draft' });
  });

  it("throws the problem+json with its field errors (partner-service's 400 validation-failed)", async () => {
    const error = await ok(
      answer(400, {
        error: {
          title: 'Invalid request',
          status: 400,
          errors: [{ field: 'variants.weight', message: 'must be less than or equal to 100' }],
        },
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem.errors).toEqual([
      { field: 'variants.weight', message: 'must be less than or equal to 100' },
    ]);
  });

  it("keeps a 409's detail, to be shown as it comes", async () => {
    const error = (await ok(
      answer(409, {
        error: { title: 'No pleased check-in for this referral', status: 409, detail: 'Only a converted…' },
      }),
    ).catch((e: unknown) => e)) as ApiError;
    expect(error.problem.status).toBe(409);
    expect(error.problem.detail).toBe('Only a converted…');
  });

  it('describes a network failure as one', async () => {
    const error = (await ok(Promise.reject(new TypeError('offline'))).catch((e: unknown) => e)) as ApiError;
    expect(error.problem.title).toBe('Network error');
  });

  it('refuses text where JSON was asked for', async () => {
    await expect(okJson(answer(200, { data: 'a,b\n1,2' }))).rejects.toBeInstanceOf(ApiError);
  });
});
