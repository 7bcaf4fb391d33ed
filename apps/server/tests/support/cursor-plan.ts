import { expect } from 'vitest';
import type { Database } from '../../src/database/database.js';

const FRACTION = "SELECT current_setting('cursor_tuple_fraction')";

/**
 * Asserts that `db` plans a cursor for reading all of its rows (`cursor_tuple_fraction` 1 inside it, where
 * PostgreSQL's default 0.1 planned a filtered export for its first rows) and leaves other statements as they were.
 */
export async function expectCursorsPlannedForEveryRow(db: Database): Promise<void> {
  const inside: unknown[] = [];
  for await (const rows of db.cursor(FRACTION, [], 10)) inside.push(...rows);
  expect(inside).toEqual([['1']]);
  // Two cursors open at once (PGlite shares one transaction between them), then a statement after them.
  const first = db.cursor(FRACTION, [], 10)[Symbol.asyncIterator]();
  const second = db.cursor(FRACTION, [], 10)[Symbol.asyncIterator]();
  expect((await first.next()).value).toEqual([['1']]);
  expect((await second.next()).value).toEqual([['1']]);
  await first.return?.();
  await second.return?.();
  expect(await db.query(FRACTION)).toEqual([['0.1']]);
}
