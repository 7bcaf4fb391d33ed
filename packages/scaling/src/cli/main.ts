#!/usr/bin/env node
// The `promoscale` binary (dist/cli.js): runs runCli and sets the exit code.
import { describeFailure, runCli } from './run-cli.js';

// A reader that goes away (`| head`) is not an error, also for output still queued after a command ended; any
// other error of stdout is one line and exit code 1, not a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') return;
  process.stderr.write(`promoscale: cannot write stdout: ${error.code ?? describeFailure(error)}\n`);
  process.exitCode = 1;
});

runCli(process.argv.slice(2)).then(
  (code) => {
    // Stopped by a signal, its cleanup done and its message written (stderr writes are synchronous): exit now.
    // Letting the event loop drain would run Node's teardown, which hands the signals back to their defaults
    // before the process ends, so one more Ctrl-C there would kill it and replace the exit code.
    if (code > 128) process.exit(code);
    // A stdout failure (above) keeps its 1 over a command that otherwise succeeded.
    if (code !== 0 || !process.exitCode) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`promoscale: ${describeFailure(error)}\n`);
    process.exitCode = 1;
  },
);
