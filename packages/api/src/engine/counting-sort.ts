import type { Ranking } from './dense-rank.js';
import { inSlices, SLICE_ROWS, type Steps } from './run-steps.js';

/** `[0, 1, …, n - 1]`. */
export function identity(n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** Stable counting sort of `order` by a ranking (descending: by `max - rank`), a slice of rows a step. */
export function* countingSortSteps(
  order: Uint32Array,
  ranking: Ranking,
  desc: boolean,
  slice = SLICE_ROWS,
): Steps<Uint32Array> {
  const { max } = ranking;
  const n = order.length;
  const starts = new Uint32Array(max + 2);
  yield* inSlices(n, slice, (from, to) => countRanks(order, ranking, desc, starts, from, to));
  yield;
  for (let r = 1; r < starts.length; r++) starts[r] = (starts[r] as number) + (starts[r - 1] as number);
  const out = new Uint32Array(n);
  yield;
  yield* inSlices(n, slice, (from, to) => scatter(order, ranking, desc, starts, out, from, to));
  return out;
}

function countRanks(
  order: Uint32Array,
  { keys, map, max }: Ranking,
  desc: boolean,
  starts: Uint32Array,
  from: number,
  to: number,
): void {
  for (let k = from; k < to; k++) {
    const key = keys[order[k] as number] as number;
    const r = map ? (map[key] as number) : key;
    const bucket = (desc ? max - r : r) + 1;
    starts[bucket] = (starts[bucket] as number) + 1;
  }
}

function scatter(
  order: Uint32Array,
  { keys, map, max }: Ranking,
  desc: boolean,
  starts: Uint32Array,
  out: Uint32Array,
  from: number,
  to: number,
): void {
  for (let k = from; k < to; k++) {
    const i = order[k] as number;
    const key = keys[i] as number;
    const r = map ? (map[key] as number) : key;
    const bucket = desc ? max - r : r;
    out[starts[bucket] as number] = i;
    starts[bucket] = (starts[bucket] as number) + 1;
  }
}
