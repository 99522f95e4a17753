import { readFile } from 'node:fs/promises';
import { statutoryCareStandards } from '@ansinh/domain/capacity/standards';
import { defaultWaitlistPriority } from '@ansinh/domain/capacity/waitlist';
import {
  directive3715Rules,
  nationalBaseLevels,
  statutoryRules,
} from '@ansinh/domain/entitlements/statutory';
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { communes, provinces } from '../schema/admin-units.ts';
import { settingVersions } from '../schema/capacity.ts';
import { baseLevels, policyRules } from '../schema/policies.ts';

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

/** Reference data every database needs, demo or real; each part is loaded once and then left alone. */
export async function loadReferenceData(db: Db): Promise<void> {
  await loadAdministrativeUnits(db);
  await loadPolicies(db);
  await loadSettings(db);
}

/**
 * The first version of each department setting, inserted only while that kind has none: after that,
 * planners own the versions (a change is a new version from a date, see services/standards.ts).
 * - Care standards: the national space standards (Decree 103/2017 Art. 24) and staffing norms
 *   (Circular 33/2017 Art. 5), from 12 February 2018, when Circular 33 took effect (Decree 103 had
 *   taken effect on 1 November 2017). A report on an earlier day finds no standards in force.
 * - Waitlist priority: the domain's default order. The law sets none (it is the department's policy),
 *   so it carries no legal date and is in force from 2000-01-01, before any date the registry holds.
 */
const firstSettings = [
  {
    kind: 'care_standards',
    validFrom: '2018-02-12',
    document: statutoryCareStandards,
    note: 'Tiêu chuẩn theo Nghị định 103/2017/NĐ-CP (Điều 24) và Thông tư 33/2017/TT-BLĐTBXH (Điều 5)',
  },
  {
    kind: 'waitlist_priority',
    validFrom: '2000-01-01',
    document: defaultWaitlistPriority,
    note: 'Thứ tự ưu tiên mặc định: khẩn cấp, mức độ cần hỗ trợ (tuổi, hoàn cảnh), thời gian chờ',
  },
] as const satisfies (typeof settingVersions.$inferInsert)[];

async function loadSettings(db: Db): Promise<void> {
  const existing = await db.execute<{ kind: string }>(sql`select distinct kind from setting_versions`);
  const present = new Set(existing.rows.map((r) => r.kind));
  const missing = firstSettings.filter((s) => !present.has(s.kind));
  if (missing.length) await db.insert(settingVersions).values(missing).onConflictDoNothing();
}

/**
 * The national base levels and the statutory rules (in force), plus the directive 3715 groups as
 * proposals. Loaded only into an empty policy table: after that, planners own the rules.
 */
async function loadPolicies(db: Db): Promise<void> {
  const existing = await db.execute<{ n: number }>(sql`select count(*)::int as n from policy_rules`);
  if ((existing.rows[0]?.n ?? 0) > 0) return;
  await db.transaction(async (tx) => {
    await tx
      .insert(baseLevels)
      .values(
        nationalBaseLevels.map((l) => ({
          effectiveFrom: l.effectiveFrom,
          vnd: l.vnd,
          legalBasis: l.legalBasis,
        })),
      )
      .onConflictDoNothing();
    await tx
      .insert(policyRules)
      .values([...statutoryRules, ...directive3715Rules].map((definition) => ({ definition })));
  });
}

/** Loads the 34 provinces and 3,321 communes once; later starts see them and do nothing. */
async function loadAdministrativeUnits(db: Db): Promise<void> {
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
