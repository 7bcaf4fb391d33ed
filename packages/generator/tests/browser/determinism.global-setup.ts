import { createHash } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { DETERMINISM_CASES, type OutputDigest } from './determinism-cases.js';

/** Runs in Node before the browser tests: hashes every case's output and provides the digests to Chromium. */
export default function setup(project: TestProject): void {
  const digests: Record<string, OutputDigest> = {};
  for (const { name, output } of DETERMINISM_CASES) {
    const bytes = Buffer.from(output(), 'utf8');
    digests[name] = { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
  }
  project.provide('nodeDigests', digests);
  project.provide('nodeVersion', process.version);
}
