import { MAX_LISTED_ISSUES } from '../query/parse-query.js';
import { ApiErrorSchema } from '../schemas/api-error-schema.js';

/** Longest `error.message` (and issue message) the contract allows: echoed ids and values are cut to 40 characters. */
export const MAX_ERROR_MESSAGE_LENGTH = 500;

/** What must never reach a response: stack frames, source locations, absolute paths of the machine. */
const LEAKS: ReadonlyArray<readonly [string, RegExp]> = [
  ['a stack frame', /\bat\s+(?:\S+\s+)?\((?:[^()]*:\d+:\d+|<anonymous>|native)\)|\bat\s+\S+:\d+:\d+/],
  ['a "stack" property', /"stack"\s*:/],
  ['a source location', /\.(?:[cm]?[jt]sx?):\d+/],
  ['an absolute path', /\/work\/|\/home\/|\/Users\/|[A-Za-z]:\\\\|node_modules|file:\/\//],
];

/**
 * Finds what must never reach a user in a response's body text or header values: a stack trace (`at …` frames, a
 * `"stack"` property), a source location (`.ts:12`, `.js:3`) or an absolute path (`/work/`, `/home/`,
 * `node_modules`, `file://`). Returns one line per finding; empty when the response is clean. Input a response
 * echoes (cut to 40 characters) is matched too: keep such text out of the requests you check with it.
 *
 * @example
 * const text = await response.text();
 * expect(findResponseLeaks(text, response.headers)).toEqual([]);
 */
export function findResponseLeaks(body: string, headers?: Headers): string[] {
  const found: string[] = [];
  const places: Array<[string, string]> = [['body', body]];
  headers?.forEach((value, name) => {
    places.push([`header ${name}`, value]);
  });
  for (const [place, text] of places) {
    for (const [what, pattern] of LEAKS) {
      const match = pattern.exec(text);
      if (match)
        found.push(
          `${place} carries ${what}: …${text.slice(Math.max(0, match.index - 20), match.index + 60)}…`,
        );
    }
  }
  return found;
}

/**
 * Checks a response the way the contract requires of every answer to bad input: never a 5xx; no stack trace,
 * source location or absolute path in the body or a header; and for 4xx, a JSON body of the error schema whose
 * message (and every issue's) is at most {@link MAX_ERROR_MESSAGE_LENGTH} characters, with at most 50 issues.
 * Reads the body unless it is an event stream. Returns the problems found, one line each; empty when all is well.
 *
 * @example
 * const response = await fetch('http://localhost/api/stores/%E0%A4%A');
 * expect(await auditResponse(response)).toEqual([]);
 */
export async function auditResponse(response: Response): Promise<string[]> {
  const problems: string[] = [];
  const { status } = response;
  if (status >= 500) problems.push(`status ${status}: bad input must never answer a 5xx`);
  const type = response.headers.get('content-type') ?? '';
  if (type.startsWith('text/event-stream')) {
    problems.push(...findResponseLeaks('', response.headers));
    return problems;
  }
  const text = await response.text();
  problems.push(...findResponseLeaks(text, response.headers));
  if (status < 400) return problems;
  if (!/^application\/json/i.test(type))
    problems.push(`status ${status} with content-type ${JSON.stringify(type)}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    problems.push(`status ${status} with a body that is not JSON: ${text.slice(0, 120)}`);
    return problems;
  }
  const parsed = ApiErrorSchema.safeParse(body);
  if (!parsed.success) {
    problems.push(`status ${status} with a body outside the error schema: ${text.slice(0, 120)}`);
    return problems;
  }
  const { message, issues = [] } = parsed.data.error;
  if (message.length === 0 || message.length > MAX_ERROR_MESSAGE_LENGTH) {
    problems.push(`error.message of ${message.length} characters (1 to ${MAX_ERROR_MESSAGE_LENGTH} allowed)`);
  }
  if (issues.length > MAX_LISTED_ISSUES)
    problems.push(`${issues.length} issues listed (at most ${MAX_LISTED_ISSUES})`);
  for (const issue of issues) {
    if (issue.message.length > MAX_ERROR_MESSAGE_LENGTH || issue.path.length > MAX_ERROR_MESSAGE_LENGTH) {
      problems.push(
        `an issue of ${issue.path.length} + ${issue.message.length} characters: ${issue.message.slice(0, 80)}`,
      );
    }
  }
  return problems;
}
