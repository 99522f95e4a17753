import { parseArgs } from 'node:util';
import { createDb } from '../client.ts';
import { seedScale } from './scale.ts';
import { seedScaleEquipment } from './scale-equipment.ts';
import { seedScaleWaitlist } from './scale-waitlist.ts';

/**
 * `npm run seed:scale -- --facilities 450 --residents 50000 --equipment-items 250000 --waitlist 10000` against DATABASE_URL, or the embedded
 * database in DATA_DIR.
 */
const { values } = parseArgs({
  options: {
    facilities: { type: 'string', default: '450' },
    residents: { type: 'string', default: '0' },
    'equipment-items': { type: 'string', default: '0' },
    waitlist: { type: 'string', default: '0' },
    seed: { type: 'string', default: '2025' },
  },
});
const count = Number(values.facilities);
const residentCount = Number(values.residents);
const itemCount = Number(values['equipment-items']);
const applicationCount = Number(values.waitlist);
if (
  ![count, residentCount, itemCount, applicationCount].every(Number.isInteger) ||
  count < 1 ||
  residentCount < 0 ||
  itemCount < 0 ||
  applicationCount < 0
) {
  console.error(
    '--facilities must be a positive whole number, --residents, --equipment-items and --waitlist zero or more',
  );
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
const equipment = await seedScaleEquipment(database.db, { items: itemCount, seed: Number(values.seed) });
const waitlist = await seedScaleWaitlist(database.db, {
  applications: applicationCount,
  seed: Number(values.seed),
});
await database.close();
console.log(
  `seed:scale ${database.kind}: ${result.facilities} facilities, ${result.residents} residents, ${equipment.items} equipment items, ${waitlist.applications} applications in ${Math.round(performance.now() - started)} ms`,
);
