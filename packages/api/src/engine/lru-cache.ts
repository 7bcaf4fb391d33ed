/**
 * A small least-recently-used map: `get` refreshes an entry, `set` evicts the oldest beyond `capacity` entries
 * or, when `maxBytes` is given, beyond that many bytes of values (`sizeOf`: typed arrays count their
 * `byteLength`), always keeping the newest entry.
 */
export class LruCache<K, V> {
  readonly #map = new Map<K, V>();
  readonly #capacity: number;
  readonly #maxBytes: number;
  readonly #sizeOf: (value: V) => number;
  #bytes = 0;

  constructor(
    capacity: number,
    maxBytes = Number.POSITIVE_INFINITY,
    sizeOf: (value: V) => number = byteLength,
  ) {
    this.#capacity = Math.max(0, Math.floor(capacity));
    this.#maxBytes = maxBytes;
    this.#sizeOf = sizeOf;
  }

  get(key: K): V | undefined {
    const value = this.#map.get(key);
    if (value !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    if (this.#capacity === 0) return;
    this.#remove(key);
    this.#map.set(key, value);
    this.#bytes += this.#sizeOf(value);
    while (this.#map.size > this.#capacity || (this.#bytes > this.#maxBytes && this.#map.size > 1))
      this.#remove(this.#map.keys().next().value as K);
  }

  get size(): number {
    return this.#map.size;
  }

  /** Bytes held by the values, as `sizeOf` counts them. */
  get bytes(): number {
    return this.#bytes;
  }

  #remove(key: K): void {
    const old = this.#map.get(key);
    if (old === undefined) return;
    this.#bytes -= this.#sizeOf(old);
    this.#map.delete(key);
  }
}

function byteLength(value: unknown): number {
  return ArrayBuffer.isView(value) ? value.byteLength : 0;
}
