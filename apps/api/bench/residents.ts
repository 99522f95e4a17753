/**
 * Resident list response times on scale data (450 facilities, 50,000 residents), through the API layer.
 * Usage: npx tsx apps/api/bench/residents.ts [--runs 30]. Uses DATABASE_URL when set, else a fresh PGlite.
 */
import { parseArgs } from 'node:util';
import { hashPassword } from '@ansinh/api/auth/password';
import { seedDemo } from '@ansinh/db/seed/demo';
import { seedScale } from '@ansinh/db/seed/scale';
import { benchDatabase, signedIn, timer } from './harness.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '30' } } });
const runs = Number(values.runs);
const { database, dispose } = await benchDatabase();
await seedDemo(database.db, hashPassword);
const seeded = performance.now();
await seedScale(database.db, { facilities: 450, residents: 50_000 });
console.log(`scale data: ${Math.round(performance.now() - seeded)} ms`);
const planner = await signedIn(database, 'planner');

const [someFacility] = (await planner.facilities.list({ search: 'SCALE-00001' })).items;
const time = timer(`Residents list — ${database.kind}, 50,000 residents`, runs);
await time('province, first page by given name', () => planner.residents.list({}));
await time('province, search without diacritics', () => planner.residents.list({ search: 'nguyen thi mai' }));
await time('province, group + age band', () =>
  planner.residents.list({ group: 'k1_elderly', ageBand: '60_plus' }),
);
await time('one facility, first page', () => planner.residents.list({ facilityId: someFacility?.id }));
await time('one facility, entitlement status filter', () =>
  planner.residents.list({ facilityId: someFacility?.id, entitlementStatus: 'incomplete' }),
);

await dispose();
