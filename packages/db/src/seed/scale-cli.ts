import { parseArgs } from 'node:util';
import { createDb } from '../client.ts';
import { seedScale } from './scale.ts';

/**
 * `npm run seed:scale -- --facilities 450 --residents 50000` against DATABASE_URL, or the embedded
 * database in DATA_DIR.
 */
const { values } = parseArgs({
  options: {
    facilities: { type: 'string', default: '450' },
    residents: { type: 'string', default: '0' },
    seed: { type: 'string', default: '2025' },
  },
});
const count = Number(values.facilities);
const residentCount = Number(values.residents);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(residentCount) || residentCount < 0) {
  console.error('--facilities must be a positive whole number, --residents zero or more');
  process.exit(2);
}

const database = await createDb();
const started = performance.now();
await database.migrate();
const result = await seedScale(database.db, {
  facilities: count,
  residents: residentCount,
  seed: Number(values.seed),
});
await database.close();
console.log(
  `seed:scale ${database.kind}: ${result.facilities} facilities, ${result.residents} residents in ${Math.round(performance.now() - started)} ms`,
);
