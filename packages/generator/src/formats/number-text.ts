// Number to text for the CSV and NDJSON writers: the same characters as String(value) (and so as JSON.stringify
// for finite numbers), built from integers for the values promotions hold (whole numbers, cents, tenths,
// thousandths), where the engine's shortest-round-trip conversion is the slow part of writing a row.

/** ".00" … ".99" with trailing zeros dropped (".5", ".05", "" for 0). */
const HUNDREDTHS: readonly string[] = Array.from({ length: 100 }, (_, f) =>
  f === 0 ? '' : f % 10 === 0 ? `.${f / 10}` : `.${f < 10 ? '0' : ''}${f}`,
);

/**
 * Below this magnitude doubles are spaced under 1.2e-7, so no two decimals of at most three places share a double,
 * and value × 1000 stays an exact integer range. Beyond it String() takes over. (A property test found
 * 9007199791661.191, where doubles are 0.001 apart, when this was 1e13.)
 */
const FAST_LIMIT = 1e9;

/**
 * `String(value)` for any number, faster for the values promotions hold: integers and numbers with up to three
 * decimals (below 10^9 in magnitude) are assembled from integers; everything else goes to `String`.
 *
 * Why it is the same text: for a double `v` equal to the double nearest `c / 100` (or `m / 1000`), the shortest
 * decimal that round-trips to `v`, which is what `String` prints, is that 2- (or 3-) decimal value with trailing
 * zeros dropped: any shorter decimal differs by at least 0.001, far more than the spacing of doubles below 10^9.
 *
 * @example
 * numberText(12.5); // '12.5'
 * numberText(-0.07); // '-0.07'
 * numberText(-0); // '0'
 */
export function numberText(value: number): string {
  if (Number.isInteger(value)) return `${value}`;
  if (!(value > -FAST_LIMIT && value < FAST_LIMIT)) return String(value);
  const cents = Math.round(value * 100);
  if (cents / 100 === value) {
    const abs = cents < 0 ? -cents : cents;
    return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}${HUNDREDTHS[abs % 100] as string}`;
  }
  const thousandths = Math.round(value * 1000);
  if (thousandths / 1000 === value) {
    // Not a whole number of cents, so the last of the three decimals is not 0: all three are printed.
    const abs = thousandths < 0 ? -thousandths : thousandths;
    const fraction = abs % 1000;
    const digits = fraction < 10 ? `00${fraction}` : fraction < 100 ? `0${fraction}` : `${fraction}`;
    return `${thousandths < 0 ? '-' : ''}${Math.floor(abs / 1000)}.${digits}`;
  }
  return String(value);
}
