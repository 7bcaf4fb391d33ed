import { constants } from 'node:os';

/** The signals a command that writes output catches: Ctrl-C, `kill`, and a closed terminal. */
export const GUARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** One of {@link GUARDED_SIGNALS}. */
export type GuardedSignal = (typeof GUARDED_SIGNALS)[number];

/** What {@link guardSignals} returns. */
export interface SignalGuard {
  /** Aborts at the first signal, with an {@link InterruptedError} as its reason. */
  readonly signal: AbortSignal;
  /** The first signal received, or `undefined`. */
  readonly received: GuardedSignal | undefined;
  /**
   * Hands the signals back to Node's defaults. After a signal, a command that is about to exit need not call it:
   * later signals then stay ignored until the process ends with the command's own exit code.
   */
  release(): void;
}

/** The reason of a {@link SignalGuard}'s abort. */
export class InterruptedError extends Error {
  override readonly name = 'InterruptedError';
  readonly signalName: GuardedSignal;

  constructor(signalName: GuardedSignal) {
    super(`interrupted by ${signalName}`);
    this.signalName = signalName;
  }
}

/** The shell's exit code for a process stopped by `name`: 128 + its number (130 for SIGINT, 143 for SIGTERM). */
export function signalExitCode(name: GuardedSignal): number {
  return 128 + constants.signals[name];
}

/**
 * Catches SIGINT, SIGTERM and SIGHUP until {@link SignalGuard.release}: the first aborts `signal`; later ones
 * are ignored, so a second Ctrl-C cannot kill the process halfway through its cleanup (removing a temporary
 * file, closing the output) and leave a truncated file behind.
 */
export function guardSignals(): SignalGuard {
  const controller = new AbortController();
  let received: GuardedSignal | undefined;
  const onSignal = (name: GuardedSignal) => {
    if (received !== undefined) return;
    received = name;
    controller.abort(new InterruptedError(name));
  };
  for (const name of GUARDED_SIGNALS) process.on(name, onSignal);
  return {
    signal: controller.signal,
    get received() {
      return received;
    },
    release() {
      for (const name of GUARDED_SIGNALS) process.off(name, onSignal);
    },
  };
}
