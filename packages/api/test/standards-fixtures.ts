/**
 * Hand-made facilities, rooms, beds and residents for the standards and investment suites, written
 * with SQL so that each test states exactly the facts the report reads (and nothing else).
 */
import { sql } from 'drizzle-orm';
import type { ApiHarness } from './harness.ts';

let counter = 0;
const next = () => {
  counter += 1;
  return counter;
};

export interface FacilityFacts {
  type?: string;
  /** Phường Tích Lương (a ward) unless given. */
  communeCode?: string;
  licensedCapacity?: number;
  landAreaM2?: number | null;
  bedroomAreaM2?: number | null;
  areaType?: 'urban' | 'rural' | 'mountainous' | null;
  status?: string;
}

export async function makeFacility(h: ApiHarness, code: string, facts: FacilityFacts = {}): Promise<string> {
  const [row] = await h.rows<{ id: string }>(sql`
    insert into facilities (code, name, type, ownership, commune_code, licensed_capacity, land_area_m2,
      bedroom_area_m2, area_type, status)
    values (${code}, ${`Cơ sở thử nghiệm ${code}`}, ${facts.type ?? 'elderly'}, 'public',
      ${facts.communeCode ?? '05500'}, ${facts.licensedCapacity ?? 10}, ${facts.landAreaM2 ?? null},
      ${facts.bedroomAreaM2 ?? null}, ${facts.areaType ?? null}, ${facts.status ?? 'operating'})
    returning id`);
  if (!row) throw new Error('no facility');
  return row.id;
}

/** A room and its beds; a bed given as `-x` is out of service. Returns the bed ids in order. */
export async function addRoom(
  h: ApiHarness,
  facilityId: string,
  name: string,
  floorAreaM2: number,
  careLevel: 'ordinary' | 'intensive_24h',
  beds: string[],
): Promise<string[]> {
  const [room] = await h.rows<{ id: string }>(sql`
    insert into rooms (facility_id, name, floor_area_m2, care_level)
    values (${facilityId}, ${name}, ${floorAreaM2}, ${careLevel}) returning id`);
  if (!room) throw new Error('no room');
  const ids: string[] = [];
  for (const bed of beds) {
    const outOfService = bed.startsWith('-');
    const [row] = await h.rows<{ id: string }>(sql`
      insert into beds (facility_id, room_id, code, status)
      values (${facilityId}, ${room.id}, ${outOfService ? bed.slice(1) : bed},
        ${outOfService ? 'out_of_service' : 'available'})
      returning id`);
    if (!row) throw new Error('no bed');
    ids.push(row.id);
  }
  return ids;
}

export interface ResidentFacts {
  fullName?: string;
  birthDate: string;
  group?: string;
  disabilityLevel?: 'especially_severe' | 'severe' | 'mild' | null;
  severity?: 'especially_severe' | 'severe' | 'stabilised' | null;
  selfCare?: boolean | null;
  foundHomeless?: boolean | null;
  studyingUntil?: string | null;
  admittedOn?: string;
  dischargedOn?: string | null;
}

export interface AdmittedResident {
  residentId: string;
  stayId: string;
  fullName: string;
}

export async function addResident(
  h: ApiHarness,
  facilityId: string,
  facts: ResidentFacts,
): Promise<AdmittedResident> {
  const fullName = facts.fullName ?? `Người Thử ${next()}`;
  const [resident] = await h.rows<{ id: string }>(sql`
    insert into residents (full_name, birth_date, sex, "group", disability_level, mental_illness_severity,
      self_care, found_homeless, studying_until)
    values (${fullName}, ${facts.birthDate}, 'female', ${facts.group ?? 'k1_elderly'},
      ${facts.disabilityLevel ?? null}, ${facts.severity ?? null}, ${facts.selfCare ?? null},
      ${facts.foundHomeless ?? null}, ${facts.studyingUntil ?? null})
    returning id`);
  if (!resident) throw new Error('no resident');
  const discharged = facts.dischargedOn ?? null;
  const [stay] = await h.rows<{ id: string }>(sql`
    insert into stays (resident_id, facility_id, admitted_on, discharged_on, discharge_reason)
    values (${resident.id}, ${facilityId}, ${facts.admittedOn ?? '2024-01-15'}, ${discharged},
      ${discharged ? 'returned_to_family' : null})
    returning id`);
  if (!stay) throw new Error('no stay');
  return { residentId: resident.id, stayId: stay.id, fullName };
}

export async function assignBed(
  h: ApiHarness,
  facilityId: string,
  bedId: string,
  resident: AdmittedResident,
  fromOn: string,
  untilOn: string | null = null,
): Promise<void> {
  await h.rows(sql`
    insert into bed_assignments (bed_id, facility_id, resident_id, stay_id, from_on, until_on)
    values (${bedId}, ${facilityId}, ${resident.residentId}, ${resident.stayId}, ${fromOn}, ${untilOn})`);
}

/** The audit rows of an entity, oldest first. */
export function auditOf(h: ApiHarness, entityId: string) {
  return h.rows<{ action: string; before: unknown; after: unknown; actor: string; request_id: string }>(sql`
    select a.action, a.before, a.after, u.username as actor, a.request_id
    from audit_log a left join users u on u.id = a.actor_id
    where a.entity_id = ${entityId} order by a.id`);
}
