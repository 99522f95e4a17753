/**
 * Helpers shared by the waitlist-*.test.ts and beds-concurrency.test.ts files: applications that pass
 * validation, rooms and beds made through the API, and raw checks of what the database holds.
 */
import type { ApplicationFormValues } from '@ansinh/schemas/waitlist';
import { sql } from 'drizzle-orm';
import type { ApiHarness, Caller } from './harness.ts';
import { nextSeq, uniqueName } from './residents-fixtures.ts';

/** An elderly woman from Phường Tích Lương asking for an elderly-care place; override what the test is about. */
export function application(overrides: Partial<ApplicationFormValues> = {}): ApplicationFormValues {
  return {
    fullName: uniqueName('Đinh'),
    birthDate: '1944-04-04',
    sex: 'female',
    homeCommuneCode: '05500',
    group: 'k1_elderly',
    urgency: 'normal',
    requestedFacilityType: 'elderly',
    appliedOn: '2025-06-01',
    ...overrides,
  };
}

/** A room with `count` fresh beds in the facility, made by a caller who manages it; returns the bed ids. */
export async function bedsIn(caller: Caller, facilityId: string, count = 1): Promise<string[]> {
  const n = nextSeq();
  const room = await caller.capacity.createRoom({
    facilityId,
    name: `Phòng thử ${n}`,
    floorAreaM2: 8 * count,
  });
  const beds = await caller.capacity.createBeds({
    roomId: room.id,
    codes: Array.from({ length: count }, (_, i) => `G${n}-${i + 1}`),
  });
  return beds.map((b) => b.id);
}

export async function bedStatus(h: ApiHarness, bedId: string): Promise<string | undefined> {
  const [row] = await h.rows<{ status: string }>(sql`select status from beds where id = ${bedId}`);
  return row?.status;
}

export async function applicationRow(h: ApiHarness, id: string) {
  const [row] = await h.rows<{
    status: string;
    closed_on: string | null;
    resident_id: string | null;
    version: number;
  }>(
    sql`select status, closed_on::text as closed_on, resident_id, version from waitlist_applications where id = ${id}`,
  );
  return row;
}

export async function offersOf(h: ApiHarness, applicationId: string) {
  return h.rows<{ id: string; status: string; bed_id: string; reason: string | null }>(
    sql`select id, status, bed_id, reason from bed_offers where application_id = ${applicationId} order by created_at`,
  );
}

/** Pairs of assignments of one bed whose periods overlap: must always be zero. */
export async function overlappingBedPairs(h: ApiHarness): Promise<number> {
  const [row] = await h.rows<{ n: number }>(sql`
    select count(*)::int as n from bed_assignments a join bed_assignments b
      on a.bed_id = b.bed_id and a.id < b.id
     and daterange(a.from_on, a.until_on, '[)') && daterange(b.from_on, b.until_on, '[)')`);
  return row?.n ?? -1;
}

/** Residents holding more than one current bed (or overlapping periods): must always be zero. */
export async function residentsInTwoBeds(h: ApiHarness): Promise<number> {
  const [row] = await h.rows<{ n: number }>(sql`
    select count(*)::int as n from bed_assignments a join bed_assignments b
      on a.resident_id = b.resident_id and a.id < b.id
     and daterange(a.from_on, a.until_on, '[)') && daterange(b.from_on, b.until_on, '[)')`);
  return row?.n ?? -1;
}
