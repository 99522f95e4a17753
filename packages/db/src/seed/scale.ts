import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { communes } from '../schema/admin-units.ts';
import { facilities, facilityTypeValues } from '../schema/facilities.ts';
import { residents, stays } from '../schema/residents.ts';
import { furnishFacilities, placeResidents } from './beds.ts';
import { syntheticPerson } from './people.ts';

/** Small, fast, seedable PRNG: the same seed always yields the same synthetic network. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const namePrefixes = [
  'Trung tâm Bảo trợ xã hội',
  'Cơ sở Chăm sóc người cao tuổi',
  'Trung tâm Công tác xã hội',
  'Làng trẻ em',
  'Cơ sở Phục hồi chức năng',
];
const nameSuffixes = [
  'Bình An',
  'Hạnh Phúc',
  'Tình Thương',
  'Ánh Sáng',
  'Hy Vọng',
  'Sen Vàng',
  'Đoàn Kết',
  'Thiện Tâm',
];

export interface ScaleOptions {
  facilities: number;
  /** Synthetic residents with stay histories, spread over the synthetic facilities. */
  residents?: number;
  seed?: number;
  /** The day histories are written up to (defaults to today); fixed in tests for reproducibility. */
  today?: string;
}

/**
 * Synthetic facilities spread over every province, for benchmarks. Codes are `SCALE-00001`…, so a
 * re-run replaces the same rows instead of adding more, and demo or real data is never touched.
 */
export async function seedScale(
  db: Db,
  options: ScaleOptions,
): Promise<{ facilities: number; residents: number }> {
  const random = mulberry32(options.seed ?? 2025);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const allCommunes = await db.select({ code: communes.code }).from(communes).orderBy(communes.code);

  const rows: (typeof facilities.$inferInsert)[] = [];
  for (let i = 1; i <= options.facilities; i++) {
    const nonPublic = random() < 0.4;
    const capacity = 20 + Math.floor(random() * 280);
    rows.push({
      code: `SCALE-${String(i).padStart(5, '0')}`,
      name: `${pick(namePrefixes)} ${pick(nameSuffixes)} số ${i}`,
      type: pick(facilityTypeValues),
      ownership: nonPublic ? 'non_public' : 'public',
      communeCode: pick(allCommunes).code,
      licensedCapacity: capacity,
      landAreaM2: capacity * (20 + Math.floor(random() * 60)),
      bedroomAreaM2: capacity * (5 + Math.floor(random() * 5)),
      status: random() < 0.9 ? 'operating' : pick(['planned', 'suspended', 'closed'] as const),
      operatorOrganisation: nonPublic ? `Tổ chức từ thiện ${pick(nameSuffixes)}` : null,
    });
  }

  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 500) {
      await tx
        .insert(facilities)
        .values(rows.slice(i, i + 500))
        .onConflictDoUpdate({
          target: facilities.code,
          set: {
            name: sql`excluded.name`,
            type: sql`excluded.type`,
            ownership: sql`excluded.ownership`,
            communeCode: sql`excluded.commune_code`,
            licensedCapacity: sql`excluded.licensed_capacity`,
            landAreaM2: sql`excluded.land_area_m2`,
            bedroomAreaM2: sql`excluded.bedroom_area_m2`,
            status: sql`excluded.status`,
            operatorOrganisation: sql`excluded.operator_organisation`,
          },
        });
    }
  });
  const residentCount = await seedScaleResidents(db, options);
  const synthetic = sql`f.code like 'SCALE-%'`;
  await furnishFacilities(db, synthetic);
  if (residentCount > 0) await placeResidents(db, synthetic);
  // Fresh statistics, so the planner sees the bulk load (embedded PGlite runs no autovacuum).
  await db.execute(sql`analyze`);
  return { facilities: rows.length, residents: residentCount };
}

async function seedScaleResidents(db: Db, options: ScaleOptions): Promise<number> {
  const count = options.residents ?? 0;
  if (count === 0) return 0;
  const random = mulberry32((options.seed ?? 2025) + 1);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const [facilityRows, communeRows] = await Promise.all([
    db
      .select({ id: facilities.id })
      .from(facilities)
      .where(sql`${facilities.code} like 'SCALE-%' and ${facilities.status} = 'operating'`)
      .orderBy(facilities.code),
    db.select({ code: communes.code }).from(communes).orderBy(communes.code),
  ]);
  const facilityIds = facilityRows.map((f) => f.id);
  const communeCodes = communeRows.map((c) => c.code);
  for (let i = 0; i < count; i += 1000) {
    const people = Array.from({ length: Math.min(1000, count - i) }, () =>
      syntheticPerson(random, facilityIds, communeCodes, today),
    );
    await db.transaction(async (tx) => {
      // Ids come from the seeded generator: a re-run meets its own rows and adds nothing.
      const inserted = await tx
        .insert(residents)
        .values(people.map((p) => p.resident))
        .onConflictDoNothing()
        .returning({ id: residents.id });
      const fresh = new Set(inserted.map((r) => r.id));
      const newStays = people.flatMap((p) =>
        fresh.has(p.resident.id ?? '') ? p.stays.map((s) => ({ ...s, residentId: p.resident.id ?? '' })) : [],
      );
      for (let j = 0; j < newStays.length; j += 1000)
        await tx.insert(stays).values(newStays.slice(j, j + 1000));
    });
  }
  return count;
}
