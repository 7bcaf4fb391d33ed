import type { ColDef, ColGroupDef, GridOptions, IRowNode, PostSortRowsParams } from 'ag-grid-community';

type Columns<T> = (ColDef<T> | ColGroupDef<T>)[];

/**
 * The comparator {@link withFieldSort} gives a column: every pair compares equal, so AG Grid's own (stable) sort
 * leaves the rows in their order after n - 1 comparisons, and {@link sortRowsByField} sorts them in `postSortRows`.
 */
export function keepRowOrder(): number {
  return 0;
}

/**
 * AG Grid 36's default comparator (`_defaultComparator`): `toNumber()` objects as numbers, `null`/`undefined`
 * first, then `>`/`<`, or `localeCompare` for strings with `accentedSort`.
 */
export function compareCellValues(a: unknown, b: unknown, accented: boolean): number {
  let x = a;
  let y = b;
  if (typeof x === 'object' && x !== null && typeof (x as { toNumber?: unknown }).toNumber === 'function')
    x = (x as { toNumber: () => unknown }).toNumber();
  if (typeof y === 'object' && y !== null && typeof (y as { toNumber?: unknown }).toNumber === 'function')
    y = (y as { toNumber: () => unknown }).toNumber();
  if (x === null || x === undefined) return y === null || y === undefined ? 0 : -1;
  if (y === null || y === undefined) return 1;
  if (!accented || typeof x !== 'string') {
    if ((x as number) > (y as number)) return 1;
    if ((x as number) < (y as number)) return -1;
    return 0;
  }
  return x.localeCompare(y as string);
}

/** AG Grid 36's transform for an `absolute` sort (`absoluteValueTransformer`). */
function absolute(value: unknown): unknown {
  if (!value) return value;
  if (typeof value === 'bigint') return value < 0n ? -value : value;
  const number = Number(value);
  return Number.isNaN(number) ? value : Math.abs(number);
}

function isLeaf<T>(column: ColDef<T> | ColGroupDef<T>): column is ColDef<T> {
  return !('children' in column);
}

/** A column AG Grid reads as `data[field]`: a plain field, no value getter and no comparator of its own. */
function readsPlainField<T>(column: ColDef<T>): boolean {
  if (column.sortable === false) return true;
  return (
    typeof column.field === 'string' &&
    !column.field.includes('.') &&
    column.valueGetter === undefined &&
    column.comparator === undefined
  );
}

function everyLeaf<T>(columns: Columns<T>, test: (column: ColDef<T>) => boolean): boolean {
  return columns.every((column) => (isLeaf(column) ? test(column) : everyLeaf(column.children, test)));
}

function mapLeaves<T>(columns: Columns<T>, map: (column: ColDef<T>) => ColDef<T>): Columns<T> {
  return columns.map((column) =>
    isLeaf(column) ? map(column) : { ...column, children: mapLeaves(column.children, map) },
  );
}

/**
 * The columns with {@link keepRowOrder} as comparator when every sortable column reads a plain field and the grid
 * options leave values and sorting to AG Grid's defaults; otherwise `null` (AG Grid sorts as usual).
 */
export function withFieldSort<T>(
  columns: Columns<T>,
  options: {
    [K in 'defaultColDef' | 'columnTypes' | 'treeData' | 'pivotMode']?: GridOptions<T>[K] | undefined;
  } = {},
): Columns<T> | null {
  const defaults = options.defaultColDef;
  if (defaults?.valueGetter !== undefined || defaults?.comparator !== undefined) return null;
  if (options.columnTypes !== undefined || options.treeData || options.pivotMode) return null;
  if (!everyLeaf(columns, readsPlainField)) return null;
  return mapLeaves(columns, (column) =>
    column.sortable === false ? column : { ...column, comparator: keepRowOrder },
  );
}

interface SortKey {
  values: unknown[];
  descending: boolean;
}

/** The kind of a sort key's values when `>`/`<` order them consistently, else `null` (the comparator decides). */
function consistentKind(
  values: readonly unknown[],
  accented: boolean,
): 'number' | 'string' | 'boolean' | null {
  let kind: string | undefined;
  for (const value of values) {
    if (value === null || value === undefined) continue;
    const type = typeof value;
    if (kind === undefined) kind = type;
    else if (type !== kind) return null;
    // NaN compares equal to everything: only the comparator itself can order it.
    if (Number.isNaN(value)) return null;
  }
  if (kind === 'number' || kind === 'boolean') return kind;
  if (kind === 'string' && !accented) return kind;
  // Only null/undefined: every row ties.
  if (kind === undefined) return 'boolean';
  return null;
}

/** `order` stably sorted by `ranks` (a counting sort). */
function countingSort(order: Uint32Array, ranks: Uint32Array, buckets: number): Uint32Array {
  const starts = new Uint32Array(buckets + 1);
  for (let i = 0; i < order.length; i += 1) {
    const next = (ranks[order[i] as number] as number) + 1;
    starts[next] = (starts[next] as number) + 1;
  }
  for (let rank = 1; rank <= buckets; rank += 1)
    starts[rank] = (starts[rank] as number) + (starts[rank - 1] as number);
  const sorted = new Uint32Array(order.length);
  for (let i = 0; i < order.length; i += 1) {
    const position = order[i] as number;
    const rank = ranks[position] as number;
    sorted[starts[rank] as number] = position;
    starts[rank] = (starts[rank] as number) + 1;
  }
  return sorted;
}

/** Most distinct strings ranked through a Map; more (ids) sort faster by comparisons. */
const MAX_RANKED_STRINGS = 16_384;

/** `>`/`<` order of two values of one consistent kind, `null`/`undefined` first. */
function compareConsistent(a: unknown, b: unknown): number {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  if (b === null || b === undefined) return 1;
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

/**
 * `order` stably sorted when the values already run in ascending order along it (rows loaded in id or store order):
 * itself when ascending, its runs of equal values in reverse when descending; otherwise `null`.
 */
function sortIfInOrder(
  order: Uint32Array,
  values: readonly unknown[],
  descending: boolean,
): Uint32Array | null {
  for (let i = 1; i < order.length; i += 1)
    if (compareConsistent(values[order[i - 1] as number], values[order[i] as number]) > 0) return null;
  if (!descending) return order;
  const sorted = new Uint32Array(order.length);
  let end = order.length;
  let at = 0;
  while (end > 0) {
    let start = end - 1;
    while (
      start > 0 &&
      compareConsistent(values[order[start - 1] as number], values[order[start] as number]) === 0
    )
      start -= 1;
    sorted.set(order.subarray(start, end), at);
    at += end - start;
    end = start;
  }
  return sorted;
}

/**
 * `order` stably sorted by string or boolean values: each distinct value gets its rank (`null`/`undefined` first,
 * last when descending), then one counting sort; past {@link MAX_RANKED_STRINGS} distinct values, a stable sort by
 * comparisons. Strings order by UTF-16 code units, as `>`/`<` do.
 */
function sortByRanks(order: Uint32Array, values: readonly unknown[], descending: boolean): Uint32Array {
  const rankOf = new Map<unknown, number>();
  for (const value of values) {
    if (value === null || value === undefined) continue;
    rankOf.set(value, 0);
    if (rankOf.size > MAX_RANKED_STRINGS) {
      const sign = descending ? -1 : 1;
      return Uint32Array.from(
        Array.from(order).sort((a, b) => sign * compareConsistent(values[a], values[b])),
      );
    }
  }
  const distinct = [...rankOf.keys()].sort(compareConsistent);
  const size = distinct.length;
  distinct.forEach((value, index) => {
    rankOf.set(value, descending ? size - index : index + 1);
  });
  const missing = descending ? size + 1 : 0;
  const ranks = new Uint32Array(values.length);
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    ranks[i] = value === null || value === undefined ? missing : (rankOf.get(value) as number);
  }
  return countingSort(order, ranks, size + 2);
}

const DOUBLE = new Float64Array(1);
const WORDS = new Uint32Array(DOUBLE.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LOW = LITTLE_ENDIAN ? 0 : 1;
const HIGH = 1 - LOW;

/**
 * `order` stably sorted by numbers (no NaN): an LSD radix sort, 16 bits a pass, over each double's bits turned into
 * an unsigned key that orders as the numbers do (`-0` as `0`); `null`/`undefined` first, last when descending.
 */
function sortByNumbers(order: Uint32Array, values: readonly unknown[], descending: boolean): Uint32Array {
  const high = new Uint32Array(values.length);
  const low = new Uint32Array(values.length);
  const missing: number[] = [];
  let present = new Uint32Array(order.length);
  let count = 0;
  for (let i = 0; i < order.length; i += 1) {
    const position = order[i] as number;
    const value = values[position];
    if (value === null || value === undefined) {
      missing.push(position);
      continue;
    }
    DOUBLE[0] = (value as number) + 0;
    let h = WORDS[HIGH] as number;
    let l = WORDS[LOW] as number;
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    high[position] = descending ? ~h >>> 0 : h;
    low[position] = descending ? ~l >>> 0 : l;
    present[count] = position;
    count += 1;
  }
  present = present.subarray(0, count);
  let scratch = new Uint32Array(count);
  const counts = new Uint32Array(65537);
  for (const [words, shift] of [
    [low, 0],
    [low, 16],
    [high, 0],
    [high, 16],
  ] as const) {
    counts.fill(0);
    for (let i = 0; i < count; i += 1) {
      const digit = (((words[present[i] as number] as number) >>> shift) & 0xffff) + 1;
      counts[digit] = (counts[digit] as number) + 1;
    }
    // Every key has the same digit: this pass would not move anything.
    if (counts.some((n) => n === count)) continue;
    for (let digit = 1; digit < counts.length; digit += 1)
      counts[digit] = (counts[digit] as number) + (counts[digit - 1] as number);
    for (let i = 0; i < count; i += 1) {
      const position = present[i] as number;
      const digit = ((words[position] as number) >>> shift) & 0xffff;
      scratch[counts[digit] as number] = position;
      counts[digit] = (counts[digit] as number) + 1;
    }
    [present, scratch] = [scratch, present];
  }
  const sorted = new Uint32Array(order.length);
  if (descending) {
    sorted.set(present);
    sorted.set(missing, count);
  } else {
    sorted.set(missing);
    sorted.set(present, missing.length);
  }
  return sorted;
}

/**
 * The stable order of positions `0..n-1` by the keys, first key first. When every key's values order consistently
 * (numbers without NaN, strings, booleans, with null/undefined) a stable sort's result is unique, so it comes from
 * radix and counting sorts, least significant key first; otherwise from `Array.prototype.sort` with AG Grid's
 * comparator, which makes the same comparisons on the same starting order as AG Grid's own sort.
 */
function sortedPositions(keys: readonly SortKey[], length: number, accented: boolean): ArrayLike<number> {
  const kinds = keys.map(({ values }) => consistentKind(values, accented));
  if (kinds.every((kind) => kind !== null)) {
    let order: Uint32Array = new Uint32Array(length);
    for (let i = 0; i < length; i += 1) order[i] = i;
    for (let k = keys.length - 1; k >= 0; k -= 1) {
      const { values, descending } = keys[k] as SortKey;
      order =
        sortIfInOrder(order, values, descending) ??
        (kinds[k] === 'number'
          ? sortByNumbers(order, values, descending)
          : sortByRanks(order, values, descending));
    }
    return order;
  }
  const order = Array.from({ length }, (_, i) => i);
  return order.sort((a, b) => {
    for (const { values, descending } of keys) {
      const result = compareCellValues(values[a], values[b], accented);
      if (result) return descending ? -result : result;
    }
    return 0;
  });
}

/**
 * `postSortRows` for columns from {@link withFieldSort}: sorts `nodes` in place by the grid's sort columns in the
 * order AG Grid's client-side sort gives (its comparator, stable, ties in the rows' order before the sort), but
 * reads each row's value once per sort instead of twice per comparison. Does nothing when no column is sorted, or
 * when a sorted column has a comparator of its own.
 */
export function sortRowsByField<T>({ api, nodes }: PostSortRowsParams<T>): void {
  if (nodes.length < 2) return;
  const sorted = api
    .getColumnState()
    .filter((state) => state.sort === 'asc' || state.sort === 'desc')
    .sort((a, b) => (a.sortIndex ?? 2147483647) - (b.sortIndex ?? 2147483647));
  if (sorted.length === 0) return;
  const keys: SortKey[] = [];
  for (const state of sorted) {
    const colDef = api.getColumn(state.colId)?.getColDef();
    const field = colDef?.field;
    if (colDef?.comparator !== keepRowOrder || typeof field !== 'string') return;
    const transform = state.sortType === 'absolute';
    const values = new Array<unknown>(nodes.length);
    for (let i = 0; i < nodes.length; i += 1) {
      const data = (nodes[i] as IRowNode<T>).data as Record<string, unknown> | undefined;
      const value = data ? data[field] : undefined;
      values[i] = transform ? absolute(value) : value;
    }
    keys.push({ values, descending: state.sort === 'desc' });
  }
  const order = sortedPositions(keys, nodes.length, Boolean(api.getGridOption('accentedSort')));
  const before = nodes.slice();
  for (let i = 0; i < order.length; i += 1) nodes[i] = before[order[i] as number] as IRowNode<T>;
}
