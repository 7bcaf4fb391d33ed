import { PromoscaleError, TEMPLATE_NAMES, type TemplateName } from '@promoscale/generator';
import { assertFiniteNumber, assertObject } from '@promoscale/generator/internal';
import type { ScalingCalibration } from './default-calibration.js';

/** A per-template figure table: an object with a finite figure in range for each of the five templates. */
function checkPerTemplate(
  table: unknown,
  field: string,
  range: { min?: number; above?: number },
): asserts table is Record<TemplateName, number> {
  assertObject(table, field, `an object with a figure for each of ${TEMPLATE_NAMES.join(', ')}`);
  for (const name of TEMPLATE_NAMES) {
    assertFiniteNumber((table as Record<string, unknown>)[name], `${field}.${name}`, range);
  }
}

/**
 * Checks every figure an estimate reads from a calibration (the shape of `DEFAULT_CALIBRATION` / `calibrate()`),
 * so a hand-made or corrupted calibration is refused with `INVALID_OPTION` naming the figure
 * (`options.calibration.heapBytesPerPromotion`) instead of giving NaN, negative or zero sizes. Byte and
 * throughput figures must be finite and > 0; store text bytes, the headroom share and its cap finite and >= 0;
 * `throughput` a non-empty array of points. `runtime`, `sources` and `notes` are descriptive and not read.
 */
export function checkCalibration(value: unknown, field: string): ScalingCalibration {
  assertObject(value, field, 'a calibration object (see DEFAULT_CALIBRATION)');
  const c = value as Partial<Record<keyof ScalingCalibration, unknown>>;
  checkPerTemplate(c.jsonBytesPerPromotion, `${field}.jsonBytesPerPromotion`, { above: 0 });
  checkPerTemplate(c.storeTextBytes, `${field}.storeTextBytes`, { min: 0 });
  assertFiniteNumber(c.heapBytesPerPromotion, `${field}.heapBytesPerPromotion`, { above: 0 });
  assertFiniteNumber(c.memoryHeadroom, `${field}.memoryHeadroom`, { min: 0 });
  assertFiniteNumber(c.memoryHeadroomMaxMb, `${field}.memoryHeadroomMaxMb`, { min: 0 });
  const points = c.throughput;
  if (!Array.isArray(points) || points.length === 0) {
    throw new PromoscaleError(
      'INVALID_OPTION',
      `${field}.throughput`,
      points,
      'a non-empty array of throughput points',
    );
  }
  points.forEach((point: unknown, i) => {
    const at = `${field}.throughput[${i}]`;
    assertObject(
      point,
      at,
      'a throughput point { stores, promotions, jsonBytes, generatePromotionsPerMs, parseBytesPerMs }',
    );
    const p = point as Record<string, unknown>;
    for (const key of ['stores', 'promotions', 'jsonBytes', 'generatePromotionsPerMs', 'parseBytesPerMs']) {
      assertFiniteNumber(p[key], `${at}.${key}`, { above: 0 });
    }
  });
  return value as ScalingCalibration;
}
