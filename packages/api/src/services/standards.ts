/**
 * The department's versioned settings and what they say about each facility.
 *
 * SETTINGS. `setting_versions` keeps every version of a document (care standards, waitlist priority);
 * the one in force on a date is the latest whose `valid_from` is on or before it. A version is never
 * edited: a change is a new version from a date, so any past report can be recomputed as it was.
 * The reference data (packages/db/src/seed/reference.ts) inserts the national standards as the first
 * version; other services read documents through `settingsInForce`.
 *
 * CAPACITY AND STAFFING. Occupancy is never stored: beds are counted from their status and the open
 * assignments on the day, residents from the open stays. The ceilings, gaps and drivers are the
 * domain's (`capacityAgainstStandards`, `staffingRequirement`); this file only gathers their inputs.
 */
import type { Db, Queryable } from '@ansinh/db/client';
import { constraintViolationOf, pgErrorCodes } from '@ansinh/db/errors';
import { settingVersions } from '@ansinh/db/schema/capacity';
import { type StaffingResult, staffingRequirement } from '@ansinh/domain/capacity/staffing';
import {
  type AreaType,
  type CapacityResult,
  type CareLevel,
  type CareStandards,
  capacityAgainstStandards,
  careStandardsSchema,
  type FacilityType,
} from '@ansinh/domain/capacity/standards';
import { type WaitlistPriority, waitlistPrioritySchema } from '@ansinh/domain/capacity/waitlist';
import { DomainError } from '@ansinh/domain/errors';
import type { FacilityScope } from '@ansinh/domain/roles';
import type { FacilityStatus } from '@ansinh/schemas/facility';
import type {
  FacilityReport,
  OverviewRow,
  ProvinceOverview,
  ResidentRef,
  SettingKind,
  SettingVersion,
  StaffingReport,
  StandardsSaveInput,
} from '@ansinh/schemas/standards';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit.ts';
import type { RequestMeta, SessionUser } from '../context.ts';
import { cachedByRevision } from '../revision-cache.ts';
import { assertFacilityInScope } from '../scope.ts';
import {
  type NamedStaffingResident,
  staffCountsByFacility,
  staffCountsOf,
  staffingResidentsByFacility,
  staffingResidentsOf,
} from './staffing.ts';

// ---- settings ----------------------------------------------------------------------------------

export interface SettingDocuments {
  care_standards: CareStandards;
  waitlist_priority: WaitlistPriority;
}

const documentSchemas = {
  care_standards: careStandardsSchema,
  waitlist_priority: waitlistPrioritySchema,
} as const;

interface VersionRow extends Record<string, unknown> {
  id: string;
  kind: SettingKind;
  valid_from: string;
  document: unknown;
  note: string | null;
  created_by_name: string | null;
  created_at: Date | string;
}

const versionSelect = sql`
  select v.id, v.kind, v.valid_from::text as valid_from, v.document, v.note, u.full_name as created_by_name,
    v.created_at
  from setting_versions v left join users u on u.id = v.created_by`;

async function versionInForce(db: Queryable, kind: SettingKind, onDate: string): Promise<VersionRow | null> {
  const result = await db.execute<VersionRow>(sql`
    ${versionSelect}
    where v.kind = ${kind} and v.valid_from <= ${onDate}
    order by v.valid_from desc limit 1`);
  return result.rows[0] ?? null;
}

function parseDocument<K extends SettingKind>(kind: K, row: VersionRow): SettingDocuments[K] {
  const parsed = documentSchemas[kind].safeParse(row.document);
  // Stored documents were validated when saved; one that no longer reads is a setting to fix, not a bug.
  if (!parsed.success) {
    throw new DomainError('SETTINGS_INVALID', { kind, validFrom: row.valid_from, reason: 'stored' });
  }
  return parsed.data as SettingDocuments[K];
}

export interface SettingsInForce<K extends SettingKind> {
  id: string;
  validFrom: string;
  document: SettingDocuments[K];
}

/**
 * The document of `kind` in force on `onDate` (the latest version from that day or before), for other
 * services. SETTINGS_INVALID when none is in force yet (a date before the first version).
 */
export async function settingsInForce<K extends SettingKind>(
  db: Queryable,
  kind: K,
  onDate: string,
): Promise<SettingsInForce<K>> {
  const row = await versionInForce(db, kind, onDate);
  if (!row) throw new DomainError('SETTINGS_INVALID', { kind, onDate, reason: 'none_in_force' });
  return { id: row.id, validFrom: row.valid_from, document: parseDocument(kind, row) };
}

function toVersion(row: VersionRow, inForceId: string | null): SettingVersion {
  const common = {
    id: row.id,
    validFrom: row.valid_from,
    note: row.note,
    createdByName: row.created_by_name,
    createdAt: new Date(row.created_at),
    inForce: row.id === inForceId,
  };
  return row.kind === 'care_standards'
    ? { ...common, kind: 'care_standards', document: parseDocument('care_standards', row) }
    : { ...common, kind: 'waitlist_priority', document: parseDocument('waitlist_priority', row) };
}

/** The version in force on `onDate` (default today); null before the first one. */
export async function currentSetting(
  db: Db,
  kind: SettingKind,
  onDate: string | undefined,
  today: string,
): Promise<SettingVersion | null> {
  const [row, todays] = await Promise.all([
    versionInForce(db, kind, onDate ?? today),
    onDate && onDate !== today ? versionInForce(db, kind, today) : null,
  ]);
  if (!row) return null;
  return toVersion(row, (todays ?? row).id);
}

/** Every version of `kind`, the latest `valid_from` first, the one in force today marked. */
export async function settingHistory(db: Db, kind: SettingKind, today: string): Promise<SettingVersion[]> {
  const [result, todays] = await Promise.all([
    db.execute<VersionRow>(sql`${versionSelect} where v.kind = ${kind} order by v.valid_from desc`),
    versionInForce(db, kind, today),
  ]);
  return result.rows.map((row) => toVersion(row, todays?.id ?? null));
}

/**
 * A new version from `validFrom`. The document was validated against its kind's schema on input;
 * a care-standards document's own `effectiveFrom` is set to `validFrom`, so the two never disagree.
 * One version per kind and day: a second one for the same day is refused (SETTINGS_INVALID on
 * validFrom) rather than silently replacing what reports were computed with.
 */
export async function saveSetting(
  db: Db,
  actor: SessionUser,
  meta: RequestMeta,
  input: StandardsSaveInput,
  today: string,
): Promise<SettingVersion> {
  const document =
    input.kind === 'care_standards' ? { ...input.document, effectiveFrom: input.validFrom } : input.document;
  try {
    return await db.transaction(async (tx) => {
      const previous = await versionInForce(tx, input.kind, input.validFrom);
      if (previous?.valid_from === input.validFrom) {
        throw new DomainError('SETTINGS_INVALID', { field: 'validFrom', reason: 'version_exists' });
      }
      const [created] = await tx
        .insert(settingVersions)
        .values({
          kind: input.kind,
          validFrom: input.validFrom,
          document,
          note: input.note,
          createdBy: actor.id,
        })
        .returning({ id: settingVersions.id });
      if (!created) throw new Error('insert returned no row');
      await recordAudit(tx, meta, {
        actorId: actor.id,
        action: 'standards.save',
        entityType: 'setting_version',
        entityId: created.id,
        // What was in force from that day until now: the version this one takes over from.
        before: previous
          ? {
              id: previous.id,
              kind: previous.kind,
              validFrom: previous.valid_from,
              document: previous.document,
            }
          : null,
        after: { id: created.id, kind: input.kind, validFrom: input.validFrom, document, note: input.note },
      });
      const [row] = (await tx.execute<VersionRow>(sql`${versionSelect} where v.id = ${created.id}`)).rows;
      if (!row) throw new Error('saved version not found');
      const todays = await versionInForce(tx, input.kind, today);
      return toVersion(row, todays?.id ?? null);
    });
  } catch (error) {
    const violation = constraintViolationOf(error);
    if (
      violation?.sqlState === pgErrorCodes.uniqueViolation &&
      violation.constraint === 'setting_versions_kind_from_key'
    ) {
      throw new DomainError('SETTINGS_INVALID', { field: 'validFrom', reason: 'version_exists' });
    }
    throw error;
  }
}

// ---- capacity and staffing of one facility ------------------------------------------------------

/** Decree 103 Art. 24 by area type; NULL is read from the commune (a ward is urban) and flagged. */
function areaTypeOf(
  recorded: AreaType | null,
  communeKind: string,
): { areaType: AreaType; assumed: boolean } {
  if (recorded) return { areaType: recorded, assumed: false };
  return { areaType: communeKind === 'phuong' ? 'urban' : 'rural', assumed: true };
}

interface FacilityRow extends Record<string, unknown> {
  id: string;
  code: string;
  name: string;
  type: FacilityType;
  status: FacilityStatus;
  licensed_capacity: number;
  land_area_m2: number | null;
  bedroom_area_m2: number | null;
  area_type: AreaType | null;
  commune_kind: string;
}

/** The domain's result with resident ids turned into names for the screen. */
function namedStaffing(result: StaffingResult, residents: readonly NamedStaffingResident[]): StaffingReport {
  const names = new Map(residents.map((r) => [r.id, r.fullName]));
  const ref = (id: string): ResidentRef => ({ id, fullName: names.get(id) ?? '' });
  return {
    onDate: result.onDate,
    residentCount: result.residentCount,
    roles: result.roles.map((role) => ({
      ...role,
      drivers: role.drivers.map(({ residentIds, ...driver }) => ({
        ...driver,
        residents: residentIds.map(ref),
      })),
    })),
    indirect: result.indirect,
    noNormApplies: {
      count: result.noNormApplies.count,
      residents: result.noNormApplies.residentIds.map(ref),
    },
    missingFacts: result.missingFacts.map((m) => ({ resident: ref(m.residentId), fact: m.fact })),
  };
}

export interface FacilityStandardsFacts {
  report: FacilityReport;
  capacity: CapacityResult;
  staffing: StaffingResult;
}

/**
 * Licensed capacity, operational and occupied beds, the rooms against the bedroom standard, the land
 * against the land standard, and the staff the residents in care require against those recorded.
 */
export async function facilityStandards(
  db: Db,
  scope: FacilityScope,
  facilityId: string,
  today: string,
): Promise<FacilityStandardsFacts> {
  assertFacilityInScope(scope, facilityId);
  const [facilityResult, roomResult, bedResult, residents, staff, standards] = await Promise.all([
    db.execute<FacilityRow>(sql`
      select f.id, f.code, f.name, f.type, f.status, f.licensed_capacity, f.land_area_m2::float8 as land_area_m2,
        f.bedroom_area_m2::float8 as bedroom_area_m2, f.area_type, c.kind as commune_kind
      from facilities f join communes c on c.code = f.commune_code
      where f.id = ${facilityId}`),
    db.execute<{ id: string; name: string; floor_area_m2: number; care_level: CareLevel; beds: number }>(sql`
      select r.id, r.name, r.floor_area_m2::float8 as floor_area_m2, r.care_level,
        (select count(*) from beds b where b.room_id = r.id and b.status <> 'out_of_service')::int as beds
      from rooms r where r.facility_id = ${facilityId}
      order by r.name, r.id`),
    db.execute<{ total: number; operational: number; occupied: number }>(sql`
      select count(*)::int as total,
        count(*) filter (where b.status <> 'out_of_service')::int as operational,
        count(*) filter (where exists (
          select 1 from bed_assignments a where a.bed_id = b.id and a.from_on <= ${today}
            and (a.until_on is null or a.until_on > ${today})))::int as occupied
      from beds b where b.facility_id = ${facilityId}`),
    staffingResidentsOf(db, facilityId, today),
    staffCountsOf(db, facilityId),
    settingsInForce(db, 'care_standards', today),
  ]);
  const f = facilityResult.rows[0];
  if (!f) throw new DomainError('FACILITY_NOT_FOUND');
  const beds = bedResult.rows[0] ?? { total: 0, operational: 0, occupied: 0 };
  const { areaType, assumed } = areaTypeOf(f.area_type, f.commune_kind);
  const capacity = capacityAgainstStandards(
    {
      facilityType: f.type,
      areaType,
      areaTypeAssumed: assumed,
      landAreaM2: f.land_area_m2 === null ? null : Number(f.land_area_m2),
      bedroomAreaM2: f.bedroom_area_m2 === null ? null : Number(f.bedroom_area_m2),
      rooms: roomResult.rows.map((r) => ({
        id: r.id,
        name: r.name,
        floorAreaM2: Number(r.floor_area_m2),
        careLevel: r.care_level,
        beds: Number(r.beds),
      })),
      licensedCapacity: f.licensed_capacity,
      operationalBeds: Number(beds.operational),
      occupiedBeds: Number(beds.occupied),
    },
    standards.document.space,
  );
  const staffing = staffingRequirement(residents, staff.counts, standards.document.staffing, today);
  const report: FacilityReport = {
    facility: {
      id: f.id,
      code: f.code,
      name: f.name,
      type: f.type,
      status: f.status,
      licensedCapacity: f.licensed_capacity,
      landAreaM2: f.land_area_m2 === null ? null : Number(f.land_area_m2),
      bedroomAreaM2: f.bedroom_area_m2 === null ? null : Number(f.bedroom_area_m2),
    },
    onDate: today,
    standards: { id: standards.id, validFrom: standards.validFrom, version: standards.document.version },
    areaType,
    areaTypeAssumed: assumed,
    beds: {
      total: Number(beds.total),
      operational: Number(beds.operational),
      occupied: Number(beds.occupied),
    },
    capacity,
    staffing: namedStaffing(staffing, residents),
    staff,
  };
  return { report, capacity, staffing };
}

// ---- province overview --------------------------------------------------------------------------

type CapacityRow = Omit<OverviewRow, 'residents' | 'staffing'>;
/**
 * Each revision's kept results are one list shared with the other services keyed on it (occupancy
 * figures keep 8, month populations 12); asking for the same size never evicts theirs early.
 */
const SHARED_KEPT = { occupancy: 8, population: 12 } as const;
type StaffingRow = Pick<OverviewRow, 'residents' | 'staffing'>;

/**
 * One row per facility in scope (closed ones left out): the ceilings and the largest excess, rooms
 * over their own ceiling, and the staffing gaps.
 *
 * The rows of the whole province are computed in two halves, each kept (per API replica) while nothing
 * it reads has changed, and each caller then gets the rows of their scope:
 * - capacity (facilities, rooms, beds, assignments): valid while the 'occupancy' revision stands
 *   (triggers on all four tables bump it, migration 0010);
 * - staffing (residents in care, recorded staff): valid while the 'population' revision stands
 *   (residents, stays, facilities and staff counts).
 * Both also depend on the day and on the standards version in force. A bed move recomputes the first
 * half only; an admission both.
 */
export async function provinceOverview(
  db: Db,
  scope: FacilityScope,
  today: string,
): Promise<ProvinceOverview> {
  const [inForce] = (
    await db.execute<{ standards: string | null }>(sql`
      select v.id::text as standards from setting_versions v
      where v.kind = 'care_standards' and v.valid_from <= ${today}
      order by v.valid_from desc limit 1`)
  ).rows;
  const common = `${today}|${inForce?.standards}`;
  const [capacity, staffing] = await Promise.all([
    cachedByRevision(db, 'occupancy', `standards-overview|${common}`, SHARED_KEPT.occupancy, () =>
      loadCapacityRows(db, today),
    ),
    cachedByRevision(db, 'population', `standards-overview|${common}`, SHARED_KEPT.population, () =>
      loadStaffingRows(db, today),
    ),
  ]);
  const reachable = scope.kind === 'province' ? null : new Set(scope.facilityIds);
  const rows: OverviewRow[] = [];
  for (const row of capacity.rows) {
    if (reachable && !reachable.has(row.facilityId)) continue;
    const staff = staffing.get(row.facilityId);
    // A facility created between the two reads has no staffing half yet; the next call has both.
    if (staff) rows.push({ ...row, ...staff });
  }
  return { onDate: today, standards: capacity.standards, rows };
}

interface OverviewFacilityRow extends FacilityRow {
  /** `area|care level|operational beds` per room, `;`-separated. */
  rooms: string | null;
  occupied: number | null;
}

/** One statement for the facilities with their rooms and occupied beds; the domain judges each. */
async function loadCapacityRows(
  db: Db,
  today: string,
): Promise<{ standards: ProvinceOverview['standards']; rows: CapacityRow[] }> {
  const [facilityResult, standards] = await Promise.all([
    db.execute<OverviewFacilityRow>(sql`
      with f as (
        select f.id, f.code, f.name, f.type, f.status, f.licensed_capacity,
          f.land_area_m2::float8 as land_area_m2, f.bedroom_area_m2::float8 as bedroom_area_m2, f.area_type,
          c.kind as commune_kind
        from facilities f join communes c on c.code = f.commune_code
        where f.status <> 'closed'
      ),
      room_beds as (
        select b.room_id, count(*) as operational
        from beds b where b.status <> 'out_of_service' group by b.room_id
      ),
      room_text as (
        select r.facility_id,
          string_agg(r.floor_area_m2::text || '|' || r.care_level || '|' || coalesce(rb.operational, 0), ';') as rooms
        from rooms r left join room_beds rb on rb.room_id = r.id
        group by r.facility_id
      ),
      -- A bed holds one person at a time (exclusion constraint), so open assignments count beds.
      occupied as (
        select a.facility_id, count(*)::int as occupied
        from bed_assignments a
        where a.from_on <= ${today} and (a.until_on is null or a.until_on > ${today})
        group by a.facility_id
      )
      select f.*, rt.rooms, o.occupied
      from f left join room_text rt on rt.facility_id = f.id left join occupied o on o.facility_id = f.id
      order by f.name, f.id`),
    settingsInForce(db, 'care_standards', today),
  ]);
  const { space } = standards.document;
  const rows = facilityResult.rows.map((f): CapacityRow => {
    const { areaType, assumed } = areaTypeOf(f.area_type, f.commune_kind);
    const rooms = (f.rooms ? f.rooms.split(';') : []).map((packed, i) => {
      const [area, careLevel, beds] = packed.split('|');
      return {
        id: String(i),
        name: '',
        floorAreaM2: Number(area),
        careLevel: careLevel as CareLevel,
        beds: Number(beds),
      };
    });
    const operationalBeds = rooms.reduce((sum, room) => sum + room.beds, 0);
    const occupiedBeds = Number(f.occupied ?? 0);
    const capacity = capacityAgainstStandards(
      {
        facilityType: f.type,
        areaType,
        areaTypeAssumed: assumed,
        landAreaM2: f.land_area_m2 === null ? null : Number(f.land_area_m2),
        bedroomAreaM2: f.bedroom_area_m2 === null ? null : Number(f.bedroom_area_m2),
        rooms,
        licensedCapacity: f.licensed_capacity,
        operationalBeds,
        occupiedBeds,
      },
      space,
    );
    return {
      facilityId: f.id,
      code: f.code,
      name: f.name,
      type: f.type,
      status: f.status,
      areaType,
      areaTypeAssumed: assumed,
      licensedCapacity: f.licensed_capacity,
      operationalBeds,
      occupiedBeds,
      bedroomCeiling: capacity.bedroom?.ceiling ?? null,
      landCeiling: capacity.land?.ceiling ?? null,
      unknown: capacity.unknown,
      overBy: capacity.overBy,
      worstCheck: capacity.worstCheck,
      overcrowdedRooms: capacity.overcrowdedRooms.length,
    };
  });
  return {
    standards: { id: standards.id, validFrom: standards.validFrom, version: standards.document.version },
    rows,
  };
}

/** One statement for every resident in care, one for the recorded staff; the domain counts each facility. */
async function loadStaffingRows(db: Db, today: string): Promise<Map<string, StaffingRow>> {
  const [facilityIds, residentsByFacility, staffByFacility, standards] = await Promise.all([
    db.execute<{ id: string }>(sql`select f.id from facilities f where f.status <> 'closed'`),
    staffingResidentsByFacility(db, sql`true`, today),
    staffCountsByFacility(db, sql`true`),
    settingsInForce(db, 'care_standards', today),
  ]);
  const norms = standards.document.staffing;
  const byFacility = new Map<string, StaffingRow>();
  for (const { id } of facilityIds.rows) {
    const residents = residentsByFacility.get(id) ?? [];
    const staffing = staffingRequirement(residents, staffByFacility.get(id) ?? {}, norms, today);
    const roles = staffing.roles.map(({ role, required, recorded, notRecorded, gap }) => ({
      role,
      required,
      recorded,
      notRecorded,
      gap,
    }));
    byFacility.set(id, {
      residents: residents.length,
      staffing: {
        roles,
        missingStaff: roles.reduce((sum, r) => sum + Math.max(0, r.gap), 0),
        indirectOver: staffing.indirect.over,
        missingFacts: new Set(staffing.missingFacts.map((m) => m.residentId)).size,
        noNormApplies: staffing.noNormApplies.count,
      },
    });
  }
  return byFacility;
}
