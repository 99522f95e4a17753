import { parseArgs } from 'node:util';
import { createDb } from '../client.ts';
import { seedScale } from './scale.ts';

/** `npm run seed:scale -- --facilities 450` against DATABASE_URL, or the embedded database in DATA_DIR. */
const { values } = parseArgs({
  options: { facilities: { type: 'string', default: '450' }, seed: { type: 'string', default: '2025' } },
});
const count = Number(values.facilities);
if (!Number.isInteger(count) || count < 1) {
  console.error('--facilities must be a positive whole number');
  process.exit(2);
}

const database = await createDb();
const started = performance.now();
await database.migrate();
const result = await seedScale(database.db, { facilities: count, seed: Number(values.seed) });
await database.close();
console.log(
  `seed:scale ${database.kind}: ${result.facilities} facilities in ${Math.round(performance.now() - started)} ms`,
);
