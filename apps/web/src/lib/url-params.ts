import { pageSizes } from '../components/TablePager.tsx';

/** Address values are typed by people and old links, so anything unexpected falls back to a default. */
export function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

export function positiveInt(value: string | null): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}

export function pageSizeParam(value: string | null, fallback: number): number {
  const size = positiveInt(value);
  return size && (pageSizes as readonly number[]).includes(size) ? size : fallback;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function uuidParam(value: string | null): string | null {
  return value && uuidPattern.test(value) ? value : null;
}

export function yearMonthParam(value: string | null): string | null {
  return value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? value : null;
}

/** Defaults are passed as null and left out, so the address stays short. */
export function toSearchParams(entries: [string, string | number | null][]): URLSearchParams {
  return new URLSearchParams(
    entries.flatMap(([key, value]) => (value === null ? [] : [[key, String(value)]])),
  );
}
