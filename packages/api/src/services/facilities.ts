import type { Db, Queryable } from '@ansinh/db/client';
import { communes, provinces } from '@ansinh/db/schema/admin-units';
import { facilities } from '@ansinh/db/schema/facilities';
import { operatorFacilities } from '@ansinh/db/schema/users';
import { DomainError } from '@ansinh/domain/errors';
import { changedDepartmentOnlyField } from '@ansinh/domain/licensing';
import { canReachFacility, type FacilityScope, seesWholeProvince } from '@ansinh/domain/roles';
import {
  type Facility,
  type FacilityFilter,
  type FacilityInput,
  type FacilityUpdateInput,
  facilityInput,
} from '@ansinh/schemas/facility';
import { and, asc, count, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../audit.ts';
import type { RequestMeta, SessionUser } from '../context.ts';
import { containsFolded } from '../sql.ts';

const columns = {
  id: facilities.id,
  code: facilities.code,
  name: facilities.name,
  type: facilities.type,
  ownership: facilities.ownership,
  communeCode: facilities.communeCode,
  communeName: communes.name,
  provinceCode: provinces.code,
  provinceName: provinces.name,
  address: facilities.address,
  phone: facilities.phone,
  licensedCapacity: facilities.licensedCapacity,
  landAreaM2: facilities.landAreaM2,
  bedroomAreaM2: facilities.bedroomAreaM2,
  status: facilities.status,
  decisionNumber: facilities.decisionNumber,
  decisionDate: facilities.decisionDate,
  operatorOrganisation: facilities.operatorOrganisation,
  careCostVnd: facilities.careCostVnd,
  version: facilities.version,
  createdAt: facilities.createdAt,
  updatedAt: facilities.updatedAt,
};

const sortColumns = {
  code: facilities.code,
  name: facilities.name,
  type: facilities.type,
  status: facilities.status,
  licensedCapacity: facilities.licensedCapacity,
  communeName: communes.name,
  updatedAt: facilities.updatedAt,
} as const;

function selectFacilities(db: Queryable) {
  return db
    .select(columns)
    .from(facilities)
    .innerJoin(communes, eq(communes.code, facilities.communeCode))
    .innerJoin(provinces, eq(provinces.code, communes.provinceCode));
}

function scopeCondition(scope: FacilityScope): SQL | undefined {
  if (scope.kind === 'province') return undefined;
  // An empty scope must match nothing, not everything.
  return scope.facilityIds.length ? inArray(facilities.id, [...scope.facilityIds]) : sql`false`;
}

function filterConditions(scope: FacilityScope, filter: FacilityFilter): SQL | undefined {
  const search = filter.search?.trim();
  return and(
    scopeCondition(scope),
    search ? containsFolded(facilities.searchText, search) : undefined,
    filter.type ? eq(facilities.type, filter.type) : undefined,
    filter.ownership ? eq(facilities.ownership, filter.ownership) : undefined,
    filter.status ? eq(facilities.status, filter.status) : undefined,
    filter.communeCode ? eq(facilities.communeCode, filter.communeCode) : undefined,
    filter.provinceCode ? eq(communes.provinceCode, filter.provinceCode) : undefined,
  );
}

function ordering(filter: FacilityFilter) {
  const direction = filter.sort.direction === 'asc' ? asc : desc;
  // The id tiebreak keeps pages stable when many rows share the sorted value.
  return [direction(sortColumns[filter.sort.field]), asc(facilities.id)];
}

export async function listFacilities(
  db: Db,
  scope: FacilityScope,
  input: FacilityFilter & { page: number; pageSize: number },
): Promise<{ items: Facility[]; total: number }> {
  const where = filterConditions(scope, input);
  const [items, [totalRow]] = await Promise.all([
    selectFacilities(db)
      .where(where)
      .orderBy(...ordering(input))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db
      .select({ n: count() })
      .from(facilities)
      .innerJoin(communes, eq(communes.code, facilities.communeCode))
      .where(where),
  ]);
  return { items, total: totalRow?.n ?? 0 };
}

export function facilityDirectory(db: Db, input: { search?: string | undefined; ids: string[] }) {
  const search = input.search?.trim();
  const matching = and(
    eq(facilities.status, 'operating'),
    search ? containsFolded(facilities.searchText, search) : undefined,
  );
  return db
    .select({
      id: facilities.id,
      code: facilities.code,
      name: facilities.name,
      communeName: communes.name,
      provinceName: provinces.name,
    })
    .from(facilities)
    .innerJoin(communes, eq(communes.code, facilities.communeCode))
    .innerJoin(provinces, eq(provinces.code, communes.provinceCode))
    .where(input.ids.length ? or(matching, inArray(facilities.id, input.ids)) : matching)
    .orderBy(asc(facilities.name), asc(facilities.id))
    .limit(20 + input.ids.length);
}

/** Every matching row in list order, for the spreadsheet export (capped to keep memory bounded). */
export const EXPORT_ROW_LIMIT = 20_000;
export function facilitiesForExport(
  db: Db,
  scope: FacilityScope,
  filter: FacilityFilter,
): Promise<Facility[]> {
  return selectFacilities(db)
    .where(filterConditions(scope, filter))
    .orderBy(...ordering(filter))
    .limit(EXPORT_ROW_LIMIT);
}

function assertInScope(scope: FacilityScope, id: string) {
  // Out-of-scope ids are refused before any lookup, so the answer never reveals whether they exist.
  if (!canReachFacility(scope, id)) throw new DomainError('FORBIDDEN', { facilityId: id });
}

async function findFacility(db: Queryable, id: string): Promise<Facility> {
  const [row] = await selectFacilities(db).where(eq(facilities.id, id));
  if (!row) throw new DomainError('FACILITY_NOT_FOUND');
  return row;
}

export async function getFacility(db: Db, scope: FacilityScope, id: string): Promise<Facility> {
  assertInScope(scope, id);
  return findFacility(db, id);
}

export async function createFacility(
  db: Db,
  actor: SessionUser,
  meta: RequestMeta,
  input: FacilityInput,
): Promise<Facility> {
  // An operator registers a private centre; it stays "planned" and unlicensed until the department
  // licenses it, so licence facts sent by the operator are not taken.
  const values =
    actor.role === 'operator'
      ? {
          ...input,
          ownership: 'non_public' as const,
          status: 'planned' as const,
          decisionNumber: null,
          decisionDate: null,
        }
      : input;
  const record = facilityInput.parse(values);
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(facilities).values(record).returning({ id: facilities.id });
    if (!created) throw new Error('insert returned no row');
    if (actor.role === 'operator') {
      await tx.insert(operatorFacilities).values({ userId: actor.id, facilityId: created.id });
    }
    const facility = await findFacility(tx, created.id);
    await recordAudit(tx, meta, {
      actorId: actor.id,
      action: 'facility.create',
      entityType: 'facility',
      entityId: created.id,
      after: facility,
    });
    return facility;
  });
}

export async function updateFacility(
  db: Db,
  actor: SessionUser,
  meta: RequestMeta,
  input: FacilityUpdateInput,
): Promise<Facility> {
  assertInScope(actor.scope, input.id);
  const { id, version, ...changes } = input;
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ id: facilities.id })
      .from(facilities)
      .where(eq(facilities.id, id))
      .for('update');
    if (!locked) throw new DomainError('FACILITY_NOT_FOUND');
    const before = await findFacility(tx, id);
    if (before.version !== version)
      throw new DomainError('STALE_VERSION', { currentVersion: before.version });

    const current = pickInput(before);
    const proposed = { ...current, ...definedOnly(changes) };
    // Refuse what the person may not change before judging the rest of the record, so they are not
    // asked to fix a field only to be refused afterwards.
    if (!seesWholeProvince(actor.role)) {
      const touched = changedDepartmentOnlyField(current, proposed);
      if (touched) throw new DomainError('DEPARTMENT_ONLY_FIELD', { field: touched });
    }
    const merged = facilityInput.parse(proposed);

    await tx
      .update(facilities)
      .set({ ...merged, version: sql`${facilities.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(facilities.id, id), eq(facilities.version, version)));
    const after = await findFacility(tx, id);
    await recordAudit(tx, meta, {
      actorId: actor.id,
      action: 'facility.update',
      entityType: 'facility',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function pickInput(f: Facility): FacilityInput {
  return {
    code: f.code,
    name: f.name,
    type: f.type,
    ownership: f.ownership,
    communeCode: f.communeCode,
    address: f.address,
    phone: f.phone,
    licensedCapacity: f.licensedCapacity,
    landAreaM2: f.landAreaM2,
    bedroomAreaM2: f.bedroomAreaM2,
    status: f.status,
    decisionNumber: f.decisionNumber,
    decisionDate: f.decisionDate,
    operatorOrganisation: f.operatorOrganisation,
    careCostVnd: f.careCostVnd,
  };
}
