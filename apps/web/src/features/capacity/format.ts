import { formatPercent } from '../../lib/format.ts';

/** A rate (0.853) as the Vietnamese write it ("85,3%"); no beds, no rate. */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : formatPercent(Math.round(rate * 1000) / 10);
}

/** An average of beds, one decimal at most. */
export function roundTenth(value: number): number {
  return Math.round(value * 10) / 10;
}
