import { ApiErrorSchema } from '../schemas/api-error-schema.js';
import { auditResponse } from './audit-response.js';
import { badInputCases } from './bad-input-cases.js';
import { type ContractContext, JSON_TYPE } from './contract-context.js';

const CODES = { 400: 'INVALID_QUERY', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED' } as const;

/**
 * Every bad input: the status, a JSON error body of the contract, every issue listed, and what
 * {@link auditResponse} requires (no stack trace or path anywhere, messages of bounded length).
 */
export function defineErrorTests(
  ctx: ContractContext,
  cases = badInputCases(ctx.spec.stores),
  title = 'bad input',
): void {
  const { describe } = ctx.options;
  describe(title, () => {
    for (const c of cases) {
      const method = c.method ?? 'GET';
      ctx.it(
        `${method} ${c.path.length > 90 ? `${c.path.slice(0, 90)}…` : c.path} answers ${c.status} with a JSON error body`,
        async () => {
          const init: RequestInit = { method };
          if (c.headers) init.headers = c.headers;
          const response = await ctx.request(c.path, init);
          ctx.expect(await auditResponse(response.clone()), `audit of ${c.path.slice(0, 90)}`).toEqual([]);
          const text = await response.text();
          ctx.expect(response.status, text.slice(0, 300)).toBe(c.status);
          ctx.expect(response.headers.get('content-type') ?? '').toMatch(JSON_TYPE);
          const parsed = ApiErrorSchema.safeParse(JSON.parse(text));
          ctx.expect(parsed.success, `error body ${text.slice(0, 300)}`).toBe(true);
          if (!parsed.success) return;
          ctx.expect(parsed.data.error.code).toBe(CODES[c.status]);
          ctx.expect(parsed.data.error.message.length).toBeGreaterThan(0);
          if (c.status === 400) {
            const paths = (parsed.data.error.issues ?? []).map((issue) => issue.path);
            for (const path of c.issues ?? []) ctx.expect(paths, `issues of ${c.path}`).toContain(path);
          }
        },
      );
    }
  });
}
