#!/usr/bin/env node
// The `promoscale` binary (dist/cli.js): runs runCli and sets the exit code.
import { runCli } from './run-cli.js';

// A reader that goes away (`| head`) is not an error, also for output still queued after a command ended.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`promoscale: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
