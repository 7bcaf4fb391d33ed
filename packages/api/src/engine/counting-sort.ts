import type { Ranking } from './dense-rank.js';

/** `[0, 1, …, n - 1]`. */
export function identity(n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** Stable counting sort of `order` by a ranking (descending: by `max - rank`). */
export function countingSort(order: Uint32Array, ranking: Ranking, desc: boolean): Uint32Array {
  const { keys, map, max } = ranking;
  const n = order.length;
  const starts = new Uint32Array(max + 2);
  for (let k = 0; k < n; k++) {
    const key = keys[order[k] as number] as number;
    const r = map ? (map[key] as number) : key;
    const bucket = (desc ? max - r : r) + 1;
    starts[bucket] = (starts[bucket] as number) + 1;
  }
  for (let r = 1; r < starts.length; r++) starts[r] = (starts[r] as number) + (starts[r - 1] as number);
  const out = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const key = keys[i] as number;
    const r = map ? (map[key] as number) : key;
    const bucket = desc ? max - r : r;
    out[starts[bucket] as number] = i;
    starts[bucket] = (starts[bucket] as number) + 1;
  }
  return out;
}
