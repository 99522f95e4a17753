/**
 * Capacity planning response times on scale data (450 facilities, about 60,000 beds, 50,000 residents
 * placed in them), through the API layer: the planner dashboard's queries, 24 months of occupancy
 * history, and the waitlist in priority order.
 * Usage: npx tsx apps/api/bench/capacity.ts [--runs 20]. Uses DATABASE_URL when set, else a fresh PGlite.
 * "cold" runs follow a write to beds, so the revision-keyed cache cannot answer them.
 */
import { parseArgs } from 'node:util';
import { hashPassword } from '@ansinh/api/auth/password';
import { seedDemo } from '@ansinh/db/seed/demo';
import { seedScale } from '@ansinh/db/seed/scale';
import { sql } from 'drizzle-orm';
import { benchDatabase, signedIn, timer } from './harness.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' } } });
const runs = Number(values.runs);
const { database, dispose } = await benchDatabase();
await seedDemo(database.db, hashPassword);
const seeded = performance.now();
await seedScale(database.db, { facilities: 450, residents: 50_000 });
const counts = await database.db.execute<{ beds: number; placed: number; facilities: number }>(sql`
  select (select count(*)::int from beds) as beds,
    (select count(*)::int from bed_assignments where until_on is null) as placed,
    (select count(*)::int from facilities) as facilities`);
console.log(`scale data: ${Math.round(performance.now() - seeded)} ms`, counts.rows[0]);
const planner = await signedIn(database, 'planner');

/** A write that bumps the occupancy revision without changing any figure. */
const touchBeds = () => database.db.execute(sql`update beds set version = version where false`);
const cold = (work: () => Promise<unknown>) => async () => {
  await database.db.execute(sql`update data_revisions set value = value + 1 where name = 'occupancy'`);
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
await touchBeds();

await dispose();
