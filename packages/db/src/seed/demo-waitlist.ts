import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { communes } from '../schema/admin-units.ts';
import { bedOffers, waitlistApplications } from '../schema/capacity.ts';
import { facilities, type facilityTypeValues } from '../schema/facilities.ts';
import type { residentGroupValues } from '../schema/residents.ts';
import { personalIdNumber, syntheticPerson } from './people.ts';
import { mulberry32 } from './scale.ts';

type Group = (typeof residentGroupValues)[number];
type FacilityType = (typeof facilityTypeValues)[number];
type NewApplication = typeof waitlistApplications.$inferInsert;

const DAY = 86_400_000;
const isoDaysBefore = (today: string, days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) - days * DAY).toISOString().slice(0, 10);

/** The kind of centre each group is usually referred to, and the demo centres of that kind. */
const typeFor: Record<Group, FacilityType> = {
  k1_child_no_support: 'children',
  k1_poor_child_hiv: 'children',
  k1_elderly: 'elderly',
  k5_voluntary: 'elderly',
  k1_disability: 'disability',
  k2_emergency: 'general',
  k3_administrative: 'social_work',
};
const centresFor: Record<FacilityType, string[]> = {
  children: ['TN-TREEM', 'NCL-HOASEN'],
  elderly: ['NCL-ANBINH', 'TN-BTXH'],
  disability: ['NCL-ANHDUONG'],
  general: ['TN-BTXH', 'NCL-HUONGDUONG'],
  social_work: ['TN-CTXH-BK'],
  mental_health: ['TN-TAMTHAN'],
  other: [],
};

const notes = [
  'UBND xã đề nghị tiếp nhận',
  'Gia đình không còn khả năng chăm sóc',
  'Đang tạm trú tại nhà người quen',
  'Hồ sơ do Phòng Văn hóa - Xã hội chuyển đến',
  null,
  null,
];
const withdrawReasons = ['Gia đình đã đón về chăm sóc', 'Đã được tiếp nhận tại cơ sở ở tỉnh khác'];

/**
 * About thirty people waiting for a place in the Thái Nguyên demo network: every group, urgency and
 * home commune mix, some without a birth date or ID number (as referrals often arrive), applied over
 * the last eighteen months. Two of them hold an open offer of a free bed, one has declined one, and
 * two applications were withdrawn. Deterministic (seeded), and does nothing once any application
 * exists. Call it after the demo facilities and their beds exist (after `seedDemoResidents`): the
 * offers go to beds that are free on `today`.
 */
export async function seedDemoWaitlist(db: Db, today: string, count = 30): Promise<void> {
  const existing = await db.execute<{ n: number }>(sql`select count(*)::int as n from waitlist_applications`);
  if ((existing.rows[0]?.n ?? 0) > 0) return;
  const random = mulberry32(31);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const [centres, homeCommunes] = await Promise.all([
    db.select({ id: facilities.id, code: facilities.code }).from(facilities),
    db
      .select({ code: communes.code })
      .from(communes)
      .where(sql`${communes.provinceCode} = '19'`)
      .orderBy(communes.code),
  ]);
  const idOf = new Map(centres.map((c) => [c.code, c.id]));
  if (idOf.size === 0 || homeCommunes.length === 0) return;

  const rows: NewApplication[] = [];
  for (let i = 0; i < count + withdrawReasons.length; i++) {
    const { resident: person } = syntheticPerson(
      random,
      [...idOf.values()],
      homeCommunes.map((c) => c.code),
      today,
    );
    const type = typeFor[person.group];
    const named = centresFor[type].map((code) => idOf.get(code)).filter((id) => id !== undefined);
    const asksForCentre = named.length > 0 && random() < 0.5;
    const birthKnown = random() < 0.85;
    const birthDate = birthKnown ? (person.birthDate ?? null) : null;
    const roll = random();
    const applied = isoDaysBefore(today, Math.floor(random() * 540));
    rows.push({
      fullName: person.fullName,
      birthDate,
      sex: person.sex,
      idNumber:
        birthDate && random() < 0.5
          ? personalIdNumber('019', birthDate, person.sex, Math.floor(random() * 1_000_000))
          : null,
      homeCommuneCode: person.homeCommuneCode ?? pick(homeCommunes).code,
      group: person.group,
      urgency: person.group === 'k2_emergency' || roll < 0.1 ? 'emergency' : roll < 0.35 ? 'high' : 'normal',
      vulnerability: {
        ...(person.disabilityLevel ? { disabilityLevel: person.disabilityLevel } : {}),
        ...(person.lonelyElderly ? { lonelyElderly: true } : {}),
        ...(person.orphanOrAbandoned ? { orphanOrAbandoned: true } : {}),
        ...(person.noMeansOfSupport ? { noMeansOfSupport: true } : {}),
        ...(person.disabilityType === 'neurological_mental' ? { mentalIllness: true } : {}),
      },
      requestedFacilityId: asksForCentre ? pick(named) : null,
      requestedFacilityType: asksForCentre ? null : type,
      // Nobody applies before being born (a young child's application is dated after the birth).
      appliedOn: birthDate && birthDate > applied ? birthDate : applied,
      notes: pick(notes),
    });
  }
  // The last ones were withdrawn a while after applying.
  rows.slice(count).forEach((row, i) => {
    row.status = 'withdrawn';
    row.closedOn = isoDaysBefore(today, Math.floor(random() * 20));
    row.appliedOn = isoDaysBefore(row.closedOn, 30 + Math.floor(random() * 200));
    row.closeReason = withdrawReasons[i] ?? null;
  });

  await db.transaction(async (tx) => {
    const inserted = await tx.insert(waitlistApplications).values(rows).returning({
      id: waitlistApplications.id,
      status: waitlistApplications.status,
      appliedOn: waitlistApplications.appliedOn,
      requestedFacilityId: waitlistApplications.requestedFacilityId,
      requestedFacilityType: waitlistApplications.requestedFacilityType,
    });
    // Free beds on the day: available, nobody in them now or later, not promised to anyone. The demo
    // accounts' centres come first, so the people signing in find offers they can answer.
    const free = await tx.execute<{
      id: string;
      facility_id: string;
      type: FacilityType;
      user_id: string | null;
    }>(sql`
      select b.id, b.facility_id, f.type,
        (select u.id from users u where u.facility_id = f.id
          union all select o.user_id from operator_facilities o where o.facility_id = f.id limit 1) as user_id
      from beds b join facilities f on f.id = b.facility_id
      where b.status = 'available' and f.status = 'operating'
        and not exists (select 1 from bed_assignments a where a.bed_id = b.id and (a.until_on is null or a.until_on > ${today}))
        and not exists (select 1 from bed_offers o where o.bed_id = b.id and o.status = 'open')
      order by f.code not in ('TN-BTXH', 'NCL-HUONGDUONG'), f.code, b.code`);
    type App = (typeof inserted)[number];
    type Bed = (typeof free.rows)[number];
    const usedBeds = new Set<string>();
    const usedApps = new Set<string>();
    const fits = (app: App, bed: Bed) =>
      bed.facility_id === app.requestedFacilityId || bed.type === app.requestedFacilityType;
    /** A free bed and a waiting person who asked for its centre or its kind of centre, else any pair. */
    const pair = (): [App, Bed] | null => {
      const beds = free.rows.filter((b) => !usedBeds.has(b.id));
      const apps = inserted.filter((a) => a.status === 'waiting' && !usedApps.has(a.id));
      for (const bed of beds) {
        const app = apps.find((a) => fits(a, bed));
        if (app) return [app, bed];
      }
      return beds[0] && apps[0] ? [apps[0], beds[0]] : null;
    };
    for (const status of ['open', 'open', 'declined'] as const) {
      const found = pair();
      if (!found) break;
      const [app, bed] = found;
      usedApps.add(app.id);
      usedBeds.add(bed.id);
      // Ten days ago, or on the day of a more recent application.
      const offeredOn = [app.appliedOn, isoDaysBefore(today, 10)].sort()[1] as string;
      await tx.insert(bedOffers).values({
        applicationId: app.id,
        bedId: bed.id,
        facilityId: bed.facility_id,
        offeredOn,
        status,
        offeredBy: bed.user_id,
        ...(status === 'declined'
          ? { decidedOn: today, decidedBy: bed.user_id, reason: 'Gia đình muốn chờ chỗ ở cơ sở gần nhà hơn' }
          : {}),
      });
      if (status === 'open') {
        await tx.execute(sql`update beds set status = 'reserved' where id = ${bed.id}`);
        await tx.execute(sql`update waitlist_applications set status = 'offered' where id = ${app.id}`);
      } else {
        // The declined bed is free again for the next person; the person waits on.
        usedBeds.delete(bed.id);
      }
    }
  });
}
