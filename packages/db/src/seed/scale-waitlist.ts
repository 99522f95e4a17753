import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { communes } from '../schema/admin-units.ts';
import { waitlistApplications } from '../schema/capacity.ts';
import { facilities, facilityTypeValues } from '../schema/facilities.ts';
import { residentGroupValues } from '../schema/residents.ts';
import { personalIdNumber, seededUuid, syntheticName } from './people.ts';
import { mulberry32 } from './scale.ts';

export interface ScaleWaitlistOptions {
  /** Applications to generate, e.g. 10,000. */
  applications: number;
  seed?: number;
  /** The day the waiting is counted up to (defaults to today); fixed in tests for reproducibility. */
  today?: string;
}

/** Typical ages of applicants by group: [youngest, oldest]. */
const ageRange: Record<(typeof residentGroupValues)[number], [number, number]> = {
  k1_child_no_support: [0, 15],
  k1_poor_child_hiv: [0, 15],
  k1_elderly: [60, 95],
  k1_disability: [3, 70],
  k2_emergency: [8, 50],
  k3_administrative: [14, 55],
  k5_voluntary: [60, 92],
};
const CHUNK = 1000;
/** Registration provinces of ID numbers (Hà Nội, Thái Nguyên, Hồ Chí Minh City). */
const provincePrefixes = ['001', '019', '079'];

const DAY = 86_400_000;

/**
 * Synthetic waitlist applications for benchmarks, spread over the operating scale facilities
 * (`seedScale`, codes SCALE-…) and every commune of the country: half ask for a facility, half for a
 * type of facility; every urgency, group and vulnerability mix; applied over the last three years;
 * some without birth date or ID number; one in ten withdrawn. Ids come from the seeded generator, so a
 * re-run meets its own rows and adds nothing. Offers are left out: they need free beds, which the
 * benchmarks do not depend on.
 */
export async function seedScaleWaitlist(
  db: Db,
  options: ScaleWaitlistOptions,
): Promise<{ applications: number }> {
  const random = mulberry32((options.seed ?? 2025) + 11);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const [facilityRows, communeRows] = await Promise.all([
    db
      .select({ id: facilities.id })
      .from(facilities)
      .where(sql`${facilities.code} like 'SCALE-%' and ${facilities.status} = 'operating'`)
      .orderBy(facilities.code),
    db.select({ code: communes.code }).from(communes).orderBy(communes.code),
  ]);
  if (communeRows.length === 0) return { applications: 0 };
  const facilityIds = facilityRows.map((f) => f.id);

  let inserted = 0;
  for (let start = 0; start < options.applications; start += CHUNK) {
    const rows: (typeof waitlistApplications.$inferInsert)[] = [];
    for (let i = start; i < Math.min(options.applications, start + CHUNK); i++) {
      const sex = random() < 0.5 ? ('male' as const) : ('female' as const);
      const group = pick(residentGroupValues);
      const [minAge, maxAge] = ageRange[group];
      const appliedMs = todayMs - Math.floor(random() * 3 * 365) * DAY;
      const birthMs = appliedMs - Math.floor((minAge + random() * (maxAge - minAge)) * 365.25 * DAY);
      const birthDate = random() < 0.9 ? iso(birthMs) : null;
      const roll = random();
      const withdrawn = random() < 0.1;
      const closedOn = withdrawn
        ? iso(Math.min(todayMs, appliedMs + Math.floor(random() * 200) * DAY))
        : null;
      const elderly = group === 'k1_elderly' || group === 'k5_voluntary';
      const disability = group === 'k1_disability' || random() < 0.1;
      const asksForFacility = facilityIds.length > 0 && random() < 0.5;
      rows.push({
        id: seededUuid(random),
        fullName: syntheticName(random, sex),
        birthDate,
        sex,
        idNumber:
          birthDate && random() < 0.4 ? personalIdNumber(pick(provincePrefixes), birthDate, sex, i) : null,
        homeCommuneCode: pick(communeRows).code,
        group,
        urgency: roll < 0.08 ? 'emergency' : roll < 0.3 ? 'high' : 'normal',
        vulnerability: {
          ...(disability ? { disabilityLevel: pick(['especially_severe', 'severe', 'mild'] as const) } : {}),
          ...(elderly && random() < 0.5 ? { lonelyElderly: true } : {}),
          ...(!elderly && random() < 0.3 ? { orphanOrAbandoned: true } : {}),
          ...(random() < 0.4 ? { noMeansOfSupport: true } : {}),
          ...(random() < 0.05 ? { mentalIllness: true } : {}),
        },
        requestedFacilityId: asksForFacility ? pick(facilityIds) : null,
        requestedFacilityType: asksForFacility ? null : pick(facilityTypeValues),
        appliedOn: iso(appliedMs),
        status: withdrawn ? 'withdrawn' : 'waiting',
        closedOn,
        closeReason: withdrawn ? 'Gia đình đã đón về chăm sóc' : null,
      });
    }
    const result = await db
      .insert(waitlistApplications)
      .values(rows)
      .onConflictDoNothing()
      .returning({ id: waitlistApplications.id });
    inserted += result.length;
  }
  await db.execute(sql`analyze waitlist_applications`);
  return { applications: inserted };
}
