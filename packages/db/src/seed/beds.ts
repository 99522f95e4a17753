import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { bedAssignments } from '../schema/capacity.ts';

/**
 * Rooms of four beds for every operating facility the filter selects that has no rooms yet, about as
 * many beds as its licensed capacity; every fifth room is a 24-hour care room. Room areas vary a
 * little around the standard (6 m², 8 m² per bed), so some facilities fall short of it, as in life.
 * Every 40th bed is out of service.
 */
export async function furnishFacilities(db: Db, facilityFilter: SQL): Promise<void> {
  await db.execute(sql`
    insert into rooms (facility_id, name, floor_area_m2, care_level)
    select f.id, 'P' || lpad(g::text, 3, '0'),
      case when g % 5 = 0 then 30 + (g * 7) % 5 else 22 + (g * 3) % 5 end,
      case when g % 5 = 0 then 'intensive_24h' else 'ordinary' end
    from facilities f
    cross join lateral generate_series(1, greatest(1, ceil(f.licensed_capacity / 4.0)::int)) g
    where f.status = 'operating' and ${facilityFilter}
      and not exists (select 1 from rooms r where r.facility_id = f.id)`);
  await db.execute(sql`
    insert into beds (facility_id, room_id, code, status)
    select r.facility_id, r.id, r.name || '-' || n,
      case when (hashtext(r.id::text) + n) % 40 = 0 then 'out_of_service' else 'available' end
    from rooms r
    join facilities f on f.id = r.facility_id
    cross join generate_series(1, 4) n
    where ${facilityFilter} and not exists (select 1 from beds b where b.room_id = r.id)`);
}

/**
 * Gives every stay in the selected facilities a bed for its whole period, where one is free: stays are
 * taken in admission order and each goes to the bed that has been free the longest. A stay that finds
 * no free bed stays unplaced (the screens show such residents). Residents already placed are skipped.
 */
export async function placeResidents(db: Db, facilityFilter: SQL): Promise<number> {
  const [stayRows, bedRows] = await Promise.all([
    db.execute<{
      id: string;
      resident_id: string;
      facility_id: string;
      admitted_on: string;
      discharged_on: string | null;
    }>(sql`
      select s.id, s.resident_id, s.facility_id, s.admitted_on::text as admitted_on,
        s.discharged_on::text as discharged_on
      from stays s join facilities f on f.id = s.facility_id
      where ${facilityFilter}
        and (s.discharged_on is null or s.discharged_on > s.admitted_on)
        and not exists (select 1 from bed_assignments a where a.resident_id = s.resident_id)
      order by s.facility_id, s.admitted_on, s.id`),
    db.execute<{ id: string; facility_id: string }>(sql`
      select b.id, b.facility_id from beds b join facilities f on f.id = b.facility_id
      where ${facilityFilter} and b.status = 'available'
      order by b.facility_id, b.code`),
  ]);
  // Per facility, each bed with the day it is free again ('' = free from the beginning; null = taken).
  const freeFrom = new Map<string, { bedId: string; from: string | null }[]>();
  for (const bed of bedRows.rows) {
    const list = freeFrom.get(bed.facility_id) ?? [];
    list.push({ bedId: bed.id, from: '' });
    freeFrom.set(bed.facility_id, list);
  }
  const placements: (typeof bedAssignments.$inferInsert)[] = [];
  for (const stay of stayRows.rows) {
    const candidates = freeFrom.get(stay.facility_id) ?? [];
    let best: { bedId: string; from: string | null } | undefined;
    for (const bed of candidates)
      if (bed.from !== null && bed.from <= stay.admitted_on && (!best || (best.from ?? '') > bed.from))
        best = bed;
    if (!best) continue;
    best.from = stay.discharged_on;
    placements.push({
      bedId: best.bedId,
      facilityId: stay.facility_id,
      residentId: stay.resident_id,
      stayId: stay.id,
      fromOn: stay.admitted_on,
      untilOn: stay.discharged_on,
    });
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < placements.length; i += 2000)
      await tx.insert(bedAssignments).values(placements.slice(i, i + 2000));
  });
  return placements.length;
}
