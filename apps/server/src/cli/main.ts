#!/usr/bin/env node
// The `promoscale-server` binary (dist/cli.js): runs runCli with the process's streams and signals.
import { constants } from 'node:os';
import { describeFailure, runCli } from './run-cli.js';

const controller = new AbortController();
let received: 'SIGINT' | 'SIGTERM' | undefined;
for (const name of ['SIGINT', 'SIGTERM'] as const) {
  process.on(name, () => {
    // The first signal starts a clean stop (the seed's batch commits or rolls back, the server drains); later
    // ones are ignored so the cleanup cannot be cut half-way.
    if (received !== undefined) return;
    received = name;
    controller.abort();
  });
}

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: controller.signal,
  interruptedExitCode: () => 128 + constants.signals[received ?? 'SIGINT'],
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`promoscale-server: ${describeFailure(error)}\n`);
    process.exit(1);
  },
);
