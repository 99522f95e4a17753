import { fromDayNumber, toDayNumber, type YearMonth } from './dates.ts';
import { type ResidentFacts, residentGroups } from './facts.ts';

/** Deterministic pseudo-random numbers (LCG), so every run measures the same population. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * A deterministic synthetic population around a month, for the benchmark and for tests that compare
 * the fast and the explained evaluation paths: every group, year-only birth dates, missing groups,
 * admissions and discharges (some by death) during the month.
 */
export function syntheticResidents(count: number, month: YearMonth, seed = 20260301): ResidentFacts[] {
  const next = random(seed);
  const monthStart = toDayNumber(`${month}-01`);
  const residents: ResidentFacts[] = [];
  for (let i = 0; i < count; i++) {
    const group = residentGroups[Math.floor(next() * residentGroups.length)] ?? 'k1_elderly';
    const child = group === 'k1_child_no_support' || group === 'k1_poor_child_hiv';
    const ageDays = child ? Math.floor(next() * 20 * 365) : Math.floor((18 + next() * 75) * 365);
    const admitted = monthStart - Math.floor(next() * 3 * 365) + Math.floor(next() * 40);
    const leaves = next() < 0.05;
    const discharged = Math.max(admitted, monthStart + Math.floor(next() * 31));
    residents.push({
      birthDate: fromDayNumber(monthStart - ageDays),
      birthDatePrecision: !child && next() < 0.2 ? 'year' : 'day',
      group: next() < 0.02 ? undefined : group,
      circumstances: {
        especiallyDifficult: next() < 0.3,
        lonelyElderly: group === 'k5_voluntary' && next() < 0.4,
        bothParentsDisabled: next() < 0.02,
        parentLeftNotMissing: next() < 0.02,
      },
      incomes: { pension: next() < 0.2 ? 3_000_000 : 0, labourCapacityLoss: 0, meritoriousAllowance: 0 },
      studying: child && next() < 0.5 ? { until: '2027-06-30' } : null,
      noMeansOfSupport: next() < 0.5,
      facilityCareCostVnd: 4_500_000,
      stays: [
        {
          facilityId: `f${i % 40}`,
          admittedOn: fromDayNumber(admitted),
          dischargedOn: leaves ? fromDayNumber(discharged) : null,
          dischargeReason: leaves ? (next() < 0.3 ? 'deceased' : 'returned_to_family') : null,
        },
      ],
    });
  }
  return residents;
}
