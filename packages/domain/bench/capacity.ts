/**
 * Benchmark: the capacity computations at province scale.
 *   npx tsx packages/domain/bench/capacity.ts
 * Prints the time of `staffingRequirement` for 50,000 residents, `orderWaitlist` for 10,000
 * applications and `monthlyOccupancy` for 80,000 periods × 24 months: the first run, then the median
 * of five more. The data are synthetic and deterministic (a fixed-seed generator).
 */

import { monthlyOccupancy, type OccupancyPeriod } from '../src/capacity/occupancy.ts';
import { type StaffingResident, staffingRequirement } from '../src/capacity/staffing.ts';
import { statutoryCareStandards } from '../src/capacity/standards.ts';
import {
  defaultWaitlistPriority,
  orderWaitlist,
  type WaitlistApplication,
} from '../src/capacity/waitlist.ts';
import { fromDayNumber, toDayNumber } from '../src/entitlements/dates.ts';

const TODAY = '2026-03-15';

/**
 * Cold (first) run and the median of five warm runs, in ms of wall time; `cpu` is the median CPU time
 * of the warm runs (user + system), which on a busy machine shows what the code costs apart from
 * waiting for a core.
 */
function time<T>(run: () => T): { cold: number; warm: number; cpu: number; result: T } {
  let start = performance.now();
  const result = run();
  const cold = performance.now() - start;
  const warm: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 5; i++) {
    const cpuStart = process.cpuUsage();
    start = performance.now();
    run();
    warm.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  warm.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { cold, warm: warm[2] ?? cold, cpu: cpu[2] ?? cold, result };
}

const ms = (t: { cold: number; warm: number; cpu: number }) =>
  `${t.warm.toFixed(1)} ms (CPU ${t.cpu.toFixed(1)} ms; first run ${t.cold.toFixed(1)} ms)`;

/** Mulberry32: a small deterministic generator, so every run times the same data. */
function generator(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = generator(20260315);
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
const today = toDayNumber(TODAY);
const daysAgo = (max: number) => fromDayNumber(today - Math.floor(random() * max));

// 50,000 residents: children, adults and elderly, with disabilities, mental illness and unknown self-care.
const residents: StaffingResident[] = Array.from({ length: 50_000 }, (_, i) => ({
  id: `r${i}`,
  birthDate: random() < 0.005 ? null : daysAgo(95 * 365),
  disabled: random() < 0.3,
  mentalIllnessSeverity: pick([null, null, null, null, 'especially_severe', 'severe', 'stabilised'] as const),
  hivPositive: random() < 0.02,
  selfCare: pick([true, true, false, null] as const),
  foundHomeless: random() < 0.05,
  studying: random() < 0.1,
}));
const recorded = {
  carer: 9000,
  social_worker: 400,
  psychologist: 150,
  medical: 900,
  nutrition: 2000,
  indirect: 3000,
};

const staffing = time(() => staffingRequirement(residents, recorded, statutoryCareStandards.staffing, TODAY));
const carer = staffing.result.roles[0];
console.log(
  `staffingRequirement, ${residents.length} residents: ${ms(staffing)}; ${carer?.required} carers required, ` +
    `${staffing.result.noNormApplies.count} residents under no norm, ${staffing.result.missingFacts.length} missing facts`,
);

// 10,000 applications.
const applications: WaitlistApplication[] = Array.from({ length: 10_000 }, (_, i) => ({
  id: `a${i}`,
  appliedOn: daysAgo(3 * 365),
  urgency: pick(['emergency', 'high', 'normal', 'normal', 'normal', 'normal'] as const),
  birthDate: random() < 0.05 ? null : daysAgo(95 * 365),
  flags: {
    disabilityLevel: pick([null, null, null, 'mild', 'severe', 'especially_severe'] as const),
    lonelyElderly: random() < 0.2,
    orphanOrAbandoned: random() < 0.1,
    noMeansOfSupport: random() < 0.3,
    mentalIllness: random() < 0.1,
  },
}));
const waitlist = time(() => orderWaitlist(applications, defaultWaitlistPriority, TODAY));
console.log(`orderWaitlist, ${applications.length} applications: ${ms(waitlist)}`);

// 80,000 bed periods over four years in 120 facilities; about a third still open.
const months = Array.from({ length: 24 }, (_, i) => {
  const index = 2024 * 12 + 3 + i; // 2024-04 … 2026-03
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
});
const periods: OccupancyPeriod[] = Array.from({ length: 80_000 }, (_, i) => {
  const from = today - Math.floor(random() * 4 * 365);
  const length = 1 + Math.floor(random() * 3 * 365);
  return {
    facilityId: `f${String(i % 120).padStart(3, '0')}`,
    fromOn: fromDayNumber(from),
    untilOn: random() < 0.33 ? null : fromDayNumber(from + length),
  };
});
const occupancy = time(() => monthlyOccupancy(periods, months, TODAY));
const last = occupancy.result.province.at(-1);
console.log(
  `monthlyOccupancy, ${periods.length} periods × ${months.length} months: ${ms(occupancy)}; ` +
    `${occupancy.result.facilities.length} facilities, ` +
    `${last?.month} average ${last?.averageOccupied?.toFixed(0)} beds occupied`,
);
