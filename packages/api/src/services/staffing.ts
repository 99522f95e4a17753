/**
 * Staff a facility has (recorded by the centre) and the facts about its residents the staffing norms
 * read. The norms themselves (who needs how many carers) are the domain's `staffingRequirement`; this
 * file only maps stored columns to the domain's `StaffingResident` and records headcounts.
 */
import type { Db, Queryable } from '@ansinh/db/client';
import { facilityStaff } from '@ansinh/db/schema/capacity';
import { facilities } from '@ansinh/db/schema/facilities';
import type { MentalIllnessSeverity, StaffingResident, StaffRole } from '@ansinh/domain/capacity/staffing';
import { DomainError } from '@ansinh/domain/errors';
import type { SetStaffInput, StaffCounts } from '@ansinh/schemas/standards';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../audit.ts';
import type { RequestMeta, SessionUser } from '../context.ts';
import { assertFacilityInScope } from '../scope.ts';

/**
 * Residents in care at a facility on a day: a stay admitted on or before it and not yet closed
 * (a stay discharged on the day has ended). `s` is the stays alias.
 */
export function inCareOn(onDate: string): SQL {
  return sql`s.admitted_on <= ${onDate} and (s.discharged_on is null or s.discharged_on > ${onDate})`;
}

/**
 * The stored columns as the staffing norms read them (alias `r` for residents), in one place so the
 * facility report and the province overview can never disagree:
 * - disabled: a disability level is recorded, or the person is in the disability group (Decree 20/2021
 *   Art. 24(1)(c) admits only people with a disability, so the group alone says it);
 * - hiv: the "poor child living with HIV" group (the only place the registry records HIV);
 * - self-care: as recorded, NULL = not assessed (the domain counts them under the strictest rule and
 *   lists the missing fact);
 * - found homeless: recorded true; NULL is read as no (a person is only counted 1:12 when it is known);
 * - studying: `studying_until` on or after the day.
 */
export function staffingFactColumns(onDate: string) {
  return {
    disabled: sql`(r.disability_level is not null or r."group" = 'k1_disability')`,
    hiv: sql`(r."group" = 'k1_poor_child_hiv')`,
    homeless: sql`coalesce(r.found_homeless, false)`,
    studying: sql`coalesce(r.studying_until >= ${onDate}, false)`,
  };
}

export interface NamedStaffingResident extends StaffingResident {
  fullName: string;
}

/** The residents of one facility in care on the day, with their names, in list order (given name first). */
export async function staffingResidentsOf(
  db: Queryable,
  facilityId: string,
  onDate: string,
): Promise<NamedStaffingResident[]> {
  const c = staffingFactColumns(onDate);
  const result = await db.execute<{
    id: string;
    full_name: string;
    birth_date: string;
    disabled: boolean;
    severity: MentalIllnessSeverity | null;
    hiv: boolean;
    self_care: boolean | null;
    homeless: boolean;
    studying: boolean;
  }>(sql`
    select r.id, r.full_name, r.birth_date::text as birth_date, ${c.disabled} as disabled,
      r.mental_illness_severity as severity, ${c.hiv} as hiv, r.self_care, ${c.homeless} as homeless,
      ${c.studying} as studying
    from stays s join residents r on r.id = s.resident_id
    where s.facility_id = ${facilityId} and ${inCareOn(onDate)}
    order by r.sort_name, r.id`);
  return result.rows.map((r) => ({
    id: r.id,
    fullName: r.full_name,
    birthDate: r.birth_date,
    disabled: r.disabled,
    mentalIllnessSeverity: r.severity,
    hivPositive: r.hiv,
    selfCare: r.self_care,
    foundHomeless: r.homeless,
    studying: r.studying,
  }));
}

/**
 * The same facts for every facility matching `facilityWhere` (over alias `s.facility_id`), read in one
 * statement and packed as text (one line per facility: `facility_id` then the residents), which both
 * engines return and decode several times faster than one row per resident.
 * A resident is `birth date|disabled|severity|hiv|self-care|homeless|studying`, separated by `;`.
 */
export async function staffingResidentsByFacility(
  db: Queryable,
  facilityWhere: SQL,
  onDate: string,
): Promise<Map<string, StaffingResident[]>> {
  const c = staffingFactColumns(onDate);
  const result = await db.execute<{ facility_id: string; packed: string }>(sql`
    select s.facility_id, string_agg(r.birth_date::text || '|' || ${c.disabled}::int || '|' ||
      coalesce(r.mental_illness_severity, '') || '|' || ${c.hiv}::int || '|' || coalesce(r.self_care::int::text, '')
      || '|' || ${c.homeless}::int || '|' || ${c.studying}::int, ';') as packed
    from stays s join residents r on r.id = s.resident_id
    where ${facilityWhere} and ${inCareOn(onDate)}
    group by s.facility_id`);
  const byFacility = new Map<string, StaffingResident[]>();
  for (const row of result.rows) {
    const residents: StaffingResident[] = [];
    let n = 0;
    for (const packed of row.packed.split(';')) {
      const [birthDate, disabled, severity, hiv, selfCare, homeless, studying] = packed.split('|');
      residents.push({
        // The overview needs counts only; a position keeps the rule drivers' lists short.
        id: String(n++),
        birthDate: birthDate ?? '',
        disabled: disabled === '1',
        mentalIllnessSeverity: severity ? (severity as MentalIllnessSeverity) : null,
        hivPositive: hiv === '1',
        selfCare: selfCare === '' ? null : selfCare === '1',
        foundHomeless: homeless === '1',
        studying: studying === '1',
      });
    }
    byFacility.set(row.facility_id, residents);
  }
  return byFacility;
}

// ---- recorded headcounts -----------------------------------------------------------------------

export async function staffCountsOf(db: Queryable, facilityId: string): Promise<StaffCounts> {
  const rows = await db
    .select({
      role: facilityStaff.role,
      headcount: facilityStaff.headcount,
      updatedAt: facilityStaff.updatedAt,
    })
    .from(facilityStaff)
    .where(eq(facilityStaff.facilityId, facilityId));
  const counts: Partial<Record<StaffRole, number>> = {};
  let updatedAt: Date | null = null;
  for (const row of rows) {
    counts[row.role] = row.headcount;
    if (!updatedAt || row.updatedAt > updatedAt) updatedAt = row.updatedAt;
  }
  return { counts, updatedAt };
}

/** Recorded headcounts of every facility matching `facilityWhere` (over alias `fs.facility_id`). */
export async function staffCountsByFacility(
  db: Queryable,
  facilityWhere: SQL,
): Promise<Map<string, Partial<Record<StaffRole, number>>>> {
  const result = await db.execute<{ facility_id: string; role: StaffRole; headcount: number }>(sql`
    select fs.facility_id, fs.role, fs.headcount from facility_staff fs where ${facilityWhere}`);
  const byFacility = new Map<string, Partial<Record<StaffRole, number>>>();
  for (const row of result.rows) {
    const counts = byFacility.get(row.facility_id) ?? {};
    counts[row.role] = Number(row.headcount);
    byFacility.set(row.facility_id, counts);
  }
  return byFacility;
}

/**
 * Records headcounts: a role sent with a number is set, a role sent as null is cleared, a role left out
 * is unchanged. Audited with the whole set before and after.
 */
export async function setStaff(
  db: Db,
  actor: SessionUser,
  meta: RequestMeta,
  input: SetStaffInput,
): Promise<StaffCounts> {
  assertFacilityInScope(actor.scope, input.facilityId);
  return db.transaction(async (tx) => {
    // Serialises concurrent edits of one facility's staff, so "before" is what the edit replaced.
    const [locked] = await tx
      .select({ id: facilities.id })
      .from(facilities)
      .where(eq(facilities.id, input.facilityId))
      .for('update');
    if (!locked) throw new DomainError('FACILITY_NOT_FOUND');
    const before = await staffCountsOf(tx, input.facilityId);
    const entries = Object.entries(input.counts) as [StaffRole, number | null | undefined][];
    const cleared = entries.filter(([, n]) => n === null).map(([role]) => role);
    const set = entries.filter((e): e is [StaffRole, number] => typeof e[1] === 'number');
    if (cleared.length) {
      await tx
        .delete(facilityStaff)
        .where(and(eq(facilityStaff.facilityId, input.facilityId), inArray(facilityStaff.role, cleared)));
    }
    if (set.length) {
      await tx
        .insert(facilityStaff)
        .values(set.map(([role, headcount]) => ({ facilityId: input.facilityId, role, headcount })))
        .onConflictDoUpdate({
          target: [facilityStaff.facilityId, facilityStaff.role],
          set: { headcount: sql`excluded.headcount`, updatedAt: sql`now()` },
        });
    }
    const after = await staffCountsOf(tx, input.facilityId);
    await recordAudit(tx, meta, {
      actorId: actor.id,
      action: 'staffing.set',
      entityType: 'facility_staff',
      entityId: input.facilityId,
      before: before.counts,
      after: after.counts,
    });
    return after;
  });
}
