import { PromoscaleError } from '@promoscale/generator';
import { delay as mswDelay } from 'msw';
import { createFaultPlan, type FaultPlan, type FaultRule } from './create-fault-plan.js';
import { createLatencySampler, type LatencyOption } from './create-latency-sampler.js';
import { createNetworkRandom } from './create-network-random.js';
import { type FaultSource, faultResponse } from './fault-response.js';

/** Waits `ms` milliseconds. */
export type DelayFunction = (ms: number) => Promise<void>;

/** How the mocked network behaves: one profile for every route of the handlers it is given to. */
export interface NetworkProfile {
  /**
   * How long each response waits; see {@link LatencyOption}.
   * @default 'none'
   */
  latency?: LatencyOption | undefined;
  /**
   * The share of requests (0 to 1) that answer 503 with `Retry-After`, drawn from the seeded PRNG. Requests a
   * fault rule claims are decided by the plan instead.
   * @default 0
   */
  errorRate?: number | undefined;
  /**
   * Planned failures, counted per rule: deterministic whatever the seed (see {@link FaultRule}).
   * @default []
   */
  faults?: readonly FaultRule[] | undefined;
  /**
   * Seeds the latency and `errorRate` draws (two independent streams, so changing one never moves the other).
   * @default the dataset's seed in `createHandlers`, else 42
   */
  seed?: number | string | undefined;
  /**
   * The `Retry-After` value (seconds) of every injected 503 and 429.
   * @default 1
   */
  retryAfter?: number | undefined;
  /**
   * The function that waits the sampled latency. Pass a spy to assert the planned delays without waiting.
   * @default MSW's `delay`
   */
  delay?: DelayFunction | undefined;
}

/** What the profile decided for one request. */
export interface NetworkDecision {
  /** The request's ordinal since the last reset, from 1. */
  readonly request: number;
  /** The sampled latency (ms); 0 means no wait. */
  readonly delayMs: number;
  /** The injected failure, or `undefined` when the request goes on to the API. */
  readonly fault?:
    | {
        readonly source: FaultSource;
        readonly status: number | 'network-error';
        /** The fault rule's index, for `source: 'plan'`. */
        readonly rule?: number | undefined;
      }
    | undefined;
}

/**
 * A live network profile: pass it as `network` to `createHandlers` (or the `./node` / `./browser` helpers) and keep
 * it to reset or change the profile between tests.
 */
export interface NetworkController {
  /** The seed the latency and error draws come from. */
  readonly seed: number | string;
  /** Decides latency and failure for `request` (advancing the PRNG and the fault counters) without waiting. */
  decide(request: Request): NetworkDecision;
  /**
   * Decides, waits the latency through the delay function, and returns the failure response, or `undefined` when
   * the request should reach the API. The handlers call this for every request.
   */
  apply(request: Request): Promise<Response | undefined>;
  /** Restarts the PRNG streams and every fault rule's count: the next requests behave as the first ones did. */
  reset(): void;
  /** Replaces the profile (validated as in `createNetwork`; `seed` kept unless given) and resets. */
  update(profile: NetworkProfile): void;
}

const CONTROLLER = Symbol.for('promoscale.msw.network');

interface Compiled {
  seed: number | string;
  errorRate: number;
  retryAfter: number;
  delay: DelayFunction;
  latency: LatencyOption;
  faults: readonly FaultRule[];
}

/**
 * Creates a {@link NetworkController} from a profile. Throws a `PromoscaleError` (`INVALID_OPTION`) naming the option for an
 * `errorRate` outside 0–1, a negative or inverted latency, a fault status outside 400–599, … .
 *
 * @example
 * import { createHandlers, createNetwork } from '@promoscale/msw';
 * const network = createNetwork({ latency: [50, 150], faults: [{ route: 'GET /api/promotions', status: 503, times: 2 }] });
 * const handlers = createHandlers({ dataset: { stores: 500 }, network });
 * // afterEach(() => network.reset());
 */
export function createNetwork(profile: NetworkProfile = {}): NetworkController {
  let compiled = compile(profile, undefined);
  let latencyRandom = createNetworkRandom(`${compiled.seed}:latency`);
  let errorRandom = createNetworkRandom(`${compiled.seed}:errors`);
  let sampleLatency = createLatencySampler(compiled.latency, latencyRandom);
  let plan: FaultPlan = createFaultPlan(compiled.faults);
  let requests = 0;

  const restart = () => {
    latencyRandom = createNetworkRandom(`${compiled.seed}:latency`);
    errorRandom = createNetworkRandom(`${compiled.seed}:errors`);
    sampleLatency = createLatencySampler(compiled.latency, latencyRandom);
    plan = createFaultPlan(compiled.faults);
    requests = 0;
  };

  const controller: NetworkController & { [CONTROLLER]: true } = {
    [CONTROLLER]: true,
    get seed() {
      return compiled.seed;
    },
    decide(request) {
      requests += 1;
      const delayMs = sampleLatency();
      // Always draw, so whether request n fails never depends on the fault plan or earlier outcomes.
      const failsByRate = errorRandom() < compiled.errorRate;
      const { pathname } = new URL(request.url);
      const planned = plan.next(request.method, pathname);
      if (planned) {
        return {
          request: requests,
          delayMs,
          fault: { source: 'plan', status: planned.status, rule: planned.rule },
        };
      }
      if (failsByRate) return { request: requests, delayMs, fault: { source: 'error-rate', status: 503 } };
      return { request: requests, delayMs };
    },
    async apply(request) {
      const decision = controller.decide(request);
      if (decision.delayMs > 0) await compiled.delay(decision.delayMs);
      const { fault } = decision;
      if (!fault) return undefined;
      if (fault.status === 'network-error') return Response.error();
      const { pathname } = new URL(request.url);
      const rule = fault.rule === undefined ? undefined : compiled.faults[fault.rule];
      return faultResponse({
        status: fault.status,
        source: fault.source,
        retryAfterSeconds: compiled.retryAfter,
        message:
          fault.source === 'plan'
            ? `Planned fault for ${request.method} ${pathname} (network.faults[${fault.rule}])`
            : `Simulated outage for ${request.method} ${pathname} (network.errorRate ${compiled.errorRate})`,
        ...(rule?.body === undefined ? {} : { body: rule.body }),
        ...(rule?.headers ? { headers: rule.headers } : {}),
      });
    },
    reset: restart,
    update(next) {
      compiled = compile(next, compiled.seed);
      restart();
    },
  };
  return controller;
}

/** Whether `value` is a controller made by {@link createNetwork} (rather than a plain {@link NetworkProfile}). */
export function isNetworkController(value: unknown): value is NetworkController {
  return typeof value === 'object' && value !== null && CONTROLLER in value;
}

function compile(profile: NetworkProfile, previousSeed: number | string | undefined): Compiled {
  if (typeof profile !== 'object' || profile === null) {
    throw new PromoscaleError('INVALID_OPTION', 'network', profile, 'a network profile object');
  }
  const errorRate = profile.errorRate ?? 0;
  if (typeof errorRate !== 'number' || !(errorRate >= 0 && errorRate <= 1)) {
    throw new PromoscaleError('INVALID_OPTION', 'network.errorRate', errorRate, 'a number from 0 to 1');
  }
  const retryAfter = profile.retryAfter ?? 1;
  if (!Number.isInteger(retryAfter) || retryAfter < 0) {
    throw new PromoscaleError(
      'INVALID_OPTION',
      'network.retryAfter',
      retryAfter,
      'an integer number of seconds ≥ 0',
    );
  }
  const seed = profile.seed ?? previousSeed ?? 42;
  if (
    !(typeof seed === 'string' && seed.length > 0 && seed.length <= 256) &&
    !(typeof seed === 'number' && Number.isSafeInteger(seed))
  ) {
    throw new PromoscaleError(
      'INVALID_OPTION',
      'network.seed',
      seed,
      'an integer or a string of 1 to 256 characters',
    );
  }
  const delay = profile.delay ?? mswDelay;
  if (typeof delay !== 'function') {
    throw new PromoscaleError('INVALID_OPTION', 'network.delay', delay, 'a function (ms) => Promise');
  }
  const latency = profile.latency ?? 'none';
  const faults = profile.faults ?? [];
  // Validate now, so a bad profile throws where it is written rather than on the first request.
  createLatencySampler(latency, () => 0);
  createFaultPlan(faults);
  return { seed, errorRate, retryAfter, delay, latency, faults };
}
