import { describe, it } from 'vitest';
import { openDatabase } from '../src/database/open-database.js';
import { expectCursorsPlannedForEveryRow } from './support/cursor-plan.js';

describe('export cursors on PGlite', () => {
  it('are planned for reading every row; other statements keep the default plan', async () => {
    const db = await openDatabase({ dataDir: 'memory' });
    try {
      await expectCursorsPlannedForEveryRow(db);
    } finally {
      await db.close();
    }
  }, 60_000);
});
