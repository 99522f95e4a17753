import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { communes, provinces } from '../schema/admin-units.ts';

interface AdminUnitsFile {
  provinces: {
    code: string;
    name: string;
    kind: 'tinh' | 'thanh_pho';
    communes: { code: string; name: string; kind: 'xa' | 'phuong' | 'dac_khu' }[];
  }[];
}

/** Official 2025 map, copied into the repo so the app never reads outside it at run time. */
const dataFile = new URL('./vn-admin-units-2025.json', import.meta.url);

/** Loads the 34 provinces and 3,321 communes once; later starts see them and do nothing. */
export async function loadAdministrativeUnits(db: Db): Promise<void> {
  const existing = await db.execute<{ n: number }>(sql`select count(*)::int as n from communes`);
  if ((existing.rows[0]?.n ?? 0) > 0) return;

  const data = JSON.parse(await readFile(dataFile, 'utf8')) as AdminUnitsFile;
  await db.transaction(async (tx) => {
    await tx
      .insert(provinces)
      .values(data.provinces.map(({ code, name, kind }) => ({ code, name, kind })))
      .onConflictDoNothing();
    const rows = data.provinces.flatMap((p) => p.communes.map((c) => ({ ...c, provinceCode: p.code })));
    for (let i = 0; i < rows.length; i += 1000) {
      await tx
        .insert(communes)
        .values(rows.slice(i, i + 1000))
        .onConflictDoNothing();
    }
  });
}
