/**
 * Capacity planning response times on scale data (450 facilities, about 60,000 beds, 50,000 residents
 * placed in them, 10,000 waitlist applications), through the API layer: each query of the planner
 * dashboard, 24 months of occupancy history, and the waitlist in priority order.
 * Usage: npx tsx apps/api/bench/capacity.ts [--runs 20]. Uses DATABASE_URL when set, else a fresh PGlite.
 * "cold" runs follow a write to beds, so the revision-keyed cache cannot answer them.
 */
import { parseArgs } from 'node:util';
import { hashPassword } from '@ansinh/api/auth/password';
import { seedDemo } from '@ansinh/db/seed/demo';
import { seedScale } from '@ansinh/db/seed/scale';
import { seedScaleWaitlist } from '@ansinh/db/seed/scale-waitlist';
import { sql } from 'drizzle-orm';
import { benchDatabase, signedIn, timer } from './harness.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' } } });
const runs = Number(values.runs);
const { database, dispose } = await benchDatabase();
await seedDemo(database.db, hashPassword);
const seeded = performance.now();
await seedScale(database.db, { facilities: 450, residents: 50_000 });
await seedScaleWaitlist(database.db, { applications: 10_000 });
const counts = await database.db.execute<{ beds: number; placed: number; facilities: number }>(sql`
  select (select count(*)::int from beds) as beds,
    (select count(*)::int from waitlist_applications) as applications,
    (select count(*)::int from bed_assignments where until_on is null) as placed,
    (select count(*)::int from facilities) as facilities`);
console.log(`scale data: ${Math.round(performance.now() - seeded)} ms`, counts.rows[0]);
const planner = await signedIn(database, 'planner');

/** Bumps the revisions the way writes to beds and residents do, so no kept result is used. */
const cold = (work: () => Promise<unknown>) => async () => {
  await database.db.execute(
    sql`update data_revisions set value = value + 1 where name in ('occupancy', 'population')`,
  );
  return work();
};

const time = timer(`Capacity — ${database.kind}`, runs);
await time('dashboard, province (warm)', () => planner.capacity.dashboard({}));
await time(
  'dashboard, province (cold)',
  cold(() => planner.capacity.dashboard({})),
);
await time('occupancy history, 24 months, province (warm)', () =>
  planner.capacity.occupancyHistory({ months: 24 }),
);
await time(
  'occupancy history, 24 months, province (cold)',
  cold(() => planner.capacity.occupancyHistory({ months: 24 })),
);
await time('standards: facilities over ceilings, staffing gaps (warm)', () =>
  planner.standards.provinceOverview(),
);
await time(
  'standards: facilities over ceilings, staffing gaps (cold)',
  cold(() => planner.standards.provinceOverview()),
);
await time('waitlist metrics (length, waiting times, by type/commune)', () => planner.waitlist.metrics());
await time('waitlist, first page in priority order', () => planner.waitlist.list({}));
await time('waitlist, emergency filter + search', () =>
  planner.waitlist.list({ urgency: 'emergency', search: 'nguyen' }),
);
await time('investment totals by status, year, funding', () => planner.investment.totals({}));

await dispose();
