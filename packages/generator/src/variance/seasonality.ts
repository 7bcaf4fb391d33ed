import type { Category, Seasonality } from '../types.js';

// Monthly indices, January first. Total grocery is nearly flat; beverages peak ~+22% in summer (REALISM.md).
const CATEGORY_SEASON: Readonly<Record<Category, readonly number[]>> = {
  produce: [0.92, 0.92, 0.96, 1.0, 1.05, 1.1, 1.12, 1.1, 1.02, 0.97, 0.92, 0.92],
  dairy: [1.02, 1.0, 1.0, 0.99, 0.98, 0.97, 0.96, 0.97, 1.0, 1.01, 1.04, 1.06],
  bakery: [0.95, 0.95, 0.98, 1.02, 0.99, 0.98, 0.97, 0.97, 0.98, 1.0, 1.08, 1.13],
  'meat & seafood': [0.94, 0.95, 0.97, 1.0, 1.07, 1.1, 1.1, 1.06, 1.0, 0.96, 0.98, 1.0],
  deli: [0.96, 0.98, 0.99, 1.0, 1.03, 1.05, 1.05, 1.03, 0.99, 0.97, 0.97, 1.0],
  frozen: [1.0, 0.98, 0.97, 0.98, 1.02, 1.08, 1.12, 1.08, 0.98, 0.94, 0.93, 0.96],
  snacks: [1.0, 1.08, 0.96, 0.97, 1.0, 1.04, 1.06, 1.03, 0.97, 0.98, 0.97, 1.05],
  beverages: [0.9, 0.9, 0.95, 1.0, 1.08, 1.18, 1.22, 1.2, 1.05, 0.97, 0.93, 1.0],
  pantry: [1.03, 1.0, 1.0, 0.98, 0.96, 0.95, 0.95, 0.97, 1.0, 1.03, 1.07, 1.08],
  household: [1.02, 1.0, 1.03, 1.03, 1.0, 0.98, 0.97, 0.98, 1.0, 1.0, 1.0, 1.0],
  'personal care': [1.0, 0.98, 0.99, 1.0, 1.02, 1.05, 1.05, 1.03, 0.99, 0.97, 0.95, 0.99],
};

// Template shapes: a campus store empties in summer and over winter break; a coastal store peaks in summer.
const TEMPLATE_SEASON: Readonly<Record<Seasonality, readonly number[]>> = {
  mild: [0.98, 0.98, 0.99, 1.0, 1.01, 1.02, 1.02, 1.01, 1.0, 0.99, 1.0, 1.0],
  'academic year': [0.95, 1.1, 1.05, 1.1, 0.85, 0.55, 0.5, 0.75, 1.15, 1.15, 1.1, 0.8],
  'strong summer peak': [0.7, 0.72, 0.8, 0.9, 1.1, 1.45, 1.62, 1.55, 1.15, 0.9, 0.75, 0.78],
};

/** Seasonal index of baseline units for a category in a template's seasonality and a month (0-11). */
export function seasonalIndex(category: Category, seasonality: Seasonality, month: number): number {
  return (CATEGORY_SEASON[category][month] as number) * (TEMPLATE_SEASON[seasonality][month] as number);
}
