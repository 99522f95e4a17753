/**
 * What every equipment service shares: the unit of work, scope checks, the item query (with book value
 * and past-useful-life computed by the database), audit snapshots, custom-field checks and the mapping of
 * the equipment constraints to domain errors.
 */

import type { Db, Queryable } from '@ansinh/db/client';
import { constraintViolationOf, pgErrorCodes } from '@ansinh/db/errors';
import { categoryFields } from '@ansinh/db/schema/equipment';
import { daysInMonth, isIsoDate } from '@ansinh/domain/entitlements/dates';
import { DomainError, type DomainErrorCode } from '@ansinh/domain/errors';
import { canReachFacility, type FacilityScope } from '@ansinh/domain/roles';
import type {
  CategoryField,
  EquipmentCategory,
  Item,
  ItemInput,
  itemSortFields,
} from '@ansinh/schemas/equipment';
import { eq, type SQL, sql } from 'drizzle-orm';
import { type ZodError, ZodRealError } from 'zod';
import { fieldChanges } from '../audit.ts';
import type { RequestMeta, SessionUser } from '../context.ts';
import { sqlIn } from '../sql.ts';

/** Where to write, who acts, the request, and today's date from the configured clock. */
export interface EquipmentWork {
  db: Db;
  actor: SessionUser;
  meta: RequestMeta;
  /** ISO date of today (ctx.config.now()); book values, dues and disposals use it. */
  today: string;
}

export const isoDayOf = (now: Date) => now.toISOString().slice(0, 10);

// ---- scope -------------------------------------------------------------------------------------

/** `column` restricted to the caller's facilities; undefined for the province-wide roles. */
export function scopeSql(scope: FacilityScope, column: SQL): SQL | undefined {
  return scope.kind === 'province' ? undefined : sqlIn(column, scope.facilityIds);
}

export function assertFacilityInScope(scope: FacilityScope, facilityId: string): void {
  if (!canReachFacility(scope, facilityId)) throw new DomainError('FORBIDDEN', { facilityId });
}

// ---- errors ------------------------------------------------------------------------------------

/**
 * A field error shaped like a zod failure, so forms show it next to the field (BAD_REQUEST). The "real"
 * ZodError is the one that extends Error, as `.parse()` throws it; tRPC keeps only Error causes.
 */
export function invalidInput(field: string, message: string): ZodError {
  return new ZodRealError([{ code: 'custom', path: [field], message, input: undefined }]);
}

const constraintErrors: Record<string, { code: DomainErrorCode; field: string }> = {
  equipment_items_asset_code_key: { code: 'ASSET_CODE_TAKEN', field: 'assetCode' },
  equipment_items_model_id_equipment_models_id_fk: { code: 'MODEL_NOT_FOUND', field: 'modelId' },
  equipment_items_facility_id_facilities_id_fk: { code: 'FACILITY_NOT_FOUND', field: 'facilityId' },
  equipment_requests_one_pending: { code: 'REQUEST_PENDING', field: 'itemId' },
  equipment_requests_to_facility_id_facilities_id_fk: { code: 'FACILITY_NOT_FOUND', field: 'toFacilityId' },
  equipment_stocktakes_one_open: { code: 'STOCKTAKE_OPEN', field: 'facilityId' },
};

/**
 * Runs `work` and turns a violated equipment constraint into its domain error: a race that slips past
 * a service's pre-check (two people saving the same asset code) still reads well on screen.
 */
export async function withConstraintErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const violation = constraintViolationOf(error);
    const known = violation?.constraint ? constraintErrors[violation.constraint] : undefined;
    if (
      known &&
      (violation?.sqlState === pgErrorCodes.uniqueViolation ||
        violation?.sqlState === pgErrorCodes.foreignKeyViolation)
    ) {
      throw new DomainError(known.code, { field: known.field });
    }
    throw error;
  }
}

// ---- depreciation in SQL -----------------------------------------------------------------------

/** Longest useful life the schema allows (100 years), in months. */
const MAX_LIFE_MONTHS = 1200;

/**
 * For each k = MAX..1, the last acquisition date that has completed k whole months by `asOf` (the
 * domain's rule: a month completes on the same day-of-month, or on the month's last day when it is
 * shorter). Ascending, so the database can binary-search it.
 */
function monthThresholds(asOf: string): string {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  const day = Number(asOf.slice(8, 10));
  const lastDay = day === daysInMonth(year, month);
  const dates: string[] = [];
  for (let k = MAX_LIFE_MONTHS; k >= 1; k--) {
    const index = year * 12 + (month - 1) - k;
    const y = Math.floor(index / 12);
    const m = index - y * 12 + 1;
    // On the last day of a month every acquisition day of month m has completed its months.
    const d = lastDay ? daysInMonth(y, m) : Math.min(day, daysInMonth(y, m));
    dates.push(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  }
  return `{${dates.join(',')}}`;
}

/**
 * The domain's straight-line rule (`bookValue`, `isPastUsefulLife` in @ansinh/domain/equipment/
 * depreciation) as SQL over an items alias, so lists and dashboards over 250,000 items are computed by
 * the database:
 *  - whole months elapsed = how many of the thresholds above are on or after the acquisition date
 *    (one binary search per row: `width_bucket`, cheaper than taking dates apart);
 *  - book value = round(cost × (L − elapsed) ÷ L), L = life in months, elapsed clamped to [0, L],
 *    rounded half up in integer arithmetic: ⌊(2·cost·(L − e) + L) ÷ 2L⌋;
 *  - past useful life = elapsed ≥ L (the anniversary has come): the acquisition date is on or before the
 *    threshold for k = L, one array subscript instead of a search.
 * The tests compare both with the domain functions over awkward dates (month ends, 29 February).
 */
export function depreciationSql(asOf: string, alias: string) {
  const a = sql.raw(alias);
  const thresholds = monthThresholds(asOf);
  const months = sql`(${sql.raw(String(MAX_LIFE_MONTHS))} - width_bucket(${a}.acquired_on - 1, ${thresholds}::date[]))`;
  const life = sql`(${a}.useful_life_years * 12)`;
  const elapsed = sql`least(${months}, ${life})`;
  return {
    months,
    bookValue: sql`((${a}.cost_vnd * (${life} - ${elapsed}) * 2 + ${life}) / (${life} * 2))`,
    // months >= L without the search: at least L thresholds on or after the acquisition date, i.e. the
    // L-th from the end (the date that completes L months) is.
    pastUsefulLife: sql`(${a}.acquired_on <= (${thresholds}::date[])[${sql.raw(String(MAX_LIFE_MONTHS + 1))} - ${life}])`,
  };
}

// ---- items -------------------------------------------------------------------------------------

const sortColumns: Record<(typeof itemSortFields)[number], string> = {
  assetCode: 'asset_code',
  name: 'name',
  category: 'category',
  acquiredOn: 'acquired_on',
  costVnd: 'cost_vnd',
  condition: 'condition',
  status: 'status',
};

export type ItemSort = { field: (typeof itemSortFields)[number]; direction: 'asc' | 'desc' };

export function orderSql(sort: ItemSort, alias: string): SQL {
  const column = `${alias}.${sortColumns[sort.field]} ${sort.direction}`;
  // The id tiebreak keeps pages stable when many rows share the sorted value; asset codes are unique,
  // and leaving it out there lets the unique index deliver the order.
  return sql.raw(sort.field === 'assetCode' ? column : `${column}, ${alias}.id`);
}

interface ItemRow extends Record<string, unknown> {
  id: string;
  asset_code: string;
  name: string;
  model_id: string | null;
  model_name: string | null;
  category: Item['category'];
  facility_id: string;
  facility_name: string;
  location: string | null;
  serial_number: string | null;
  tracking: Item['tracking'];
  quantity: number;
  acquired_on: string;
  cost_vnd: number;
  useful_life_years: number;
  funding_source: Item['fundingSource'];
  condition: Item['condition'];
  status: Item['status'];
  warranty_until: string | null;
  disposed_on: string | null;
  notes: string | null;
  custom: Item['custom'];
  book_value_vnd: number;
  past_useful_life: boolean;
  next_maintenance_on: string | null;
  version: number;
  created_ms: number;
  updated_ms: number;
}

function toItem(r: ItemRow): Item {
  return {
    id: r.id,
    assetCode: r.asset_code,
    name: r.name,
    modelId: r.model_id,
    modelName: r.model_name,
    category: r.category,
    facilityId: r.facility_id,
    facilityName: r.facility_name,
    location: r.location,
    serialNumber: r.serial_number,
    tracking: r.tracking,
    quantity: r.quantity,
    acquiredOn: r.acquired_on,
    costVnd: Number(r.cost_vnd),
    usefulLifeYears: r.useful_life_years,
    fundingSource: r.funding_source,
    condition: r.condition,
    status: r.status,
    warrantyUntil: r.warranty_until,
    disposedOn: r.disposed_on,
    notes: r.notes,
    custom: r.custom ?? {},
    bookValueVnd: Number(r.book_value_vnd),
    pastUsefulLife: r.past_useful_life,
    nextMaintenanceOn: r.next_maintenance_on,
    version: r.version,
    // Raw queries return timestamps as Date (node-postgres) or text (PGlite); epoch milliseconds are
    // the same on both.
    createdAt: new Date(Number(r.created_ms)),
    updatedAt: new Date(Number(r.updated_ms)),
  };
}

/**
 * Items matching `where` (over alias `i`), in `order`, with their names, book value today and the next
 * maintenance date (kept on the item by triggers). The page is chosen on the items table alone; names are
 * looked up for the rows of the page only.
 */
export async function queryItems(
  db: Queryable,
  asOf: string,
  options: { where: SQL; sort: ItemSort; limit: number; offset?: number },
): Promise<Item[]> {
  const dep = depreciationSql(asOf, 'i');
  const result = await db.execute<ItemRow>(sql`
    with page as (
      select i.id, i.asset_code, i.name, i.model_id, i.category, i.facility_id, i.location, i.serial_number,
        i.tracking, i.quantity, i.acquired_on, i.cost_vnd, i.useful_life_years, i.funding_source,
        i.condition, i.status, i.warranty_until, i.disposed_on, i.notes, i.custom, i.version, i.created_at,
        i.updated_at, i.next_maintenance_on, ${dep.bookValue} as book_value_vnd,
        ${dep.pastUsefulLife} as past_useful_life
      from equipment_items i
      where ${options.where}
      order by ${orderSql(options.sort, 'i')}
      limit ${options.limit} offset ${options.offset ?? 0}
    )
    select p.id, p.asset_code, p.name, p.model_id, m.name as model_name, p.category, p.facility_id,
      f.name as facility_name, p.location, p.serial_number, p.tracking, p.quantity,
      p.acquired_on::text as acquired_on, p.cost_vnd::float8 as cost_vnd, p.useful_life_years,
      p.funding_source, p.condition, p.status, p.warranty_until::text as warranty_until,
      p.disposed_on::text as disposed_on, p.notes, p.custom, p.book_value_vnd::float8 as book_value_vnd,
      p.past_useful_life, p.next_maintenance_on::text as next_maintenance_on, p.version,
      (extract(epoch from p.created_at) * 1000)::float8 as created_ms,
      (extract(epoch from p.updated_at) * 1000)::float8 as updated_ms
    from page p
    join facilities f on f.id = p.facility_id
    left join equipment_models m on m.id = p.model_id
    order by ${orderSql(options.sort, 'p')}`);
  return result.rows.map(toItem);
}

const byCode: ItemSort = { field: 'assetCode', direction: 'asc' };

export async function findItem(db: Queryable, id: string, asOf: string): Promise<Item> {
  const [item] = await queryItems(db, asOf, { where: sql`i.id = ${id}`, sort: byCode, limit: 1 });
  if (!item) throw new DomainError('ITEM_NOT_FOUND');
  return item;
}

/**
 * The item, if the caller may see it. Centre roles are refused an item of another facility — and an id
 * that does not exist — with the same FORBIDDEN, so the answer never reveals what other centres hold.
 */
export async function itemInScope(db: Queryable, scope: FacilityScope, id: string, asOf: string) {
  const [item] = await queryItems(db, asOf, { where: sql`i.id = ${id}`, sort: byCode, limit: 1 });
  if (!item || !canReachFacility(scope, item.facilityId)) {
    if (scope.kind === 'province') throw new DomainError('ITEM_NOT_FOUND');
    throw new DomainError('FORBIDDEN', { itemId: id });
  }
  return item;
}

/** Locks the item row for the rest of the transaction and checks the caller may change it. */
export async function lockItem(tx: Queryable, scope: FacilityScope, id: string, asOf: string) {
  const locked = await tx.execute<{ id: string }>(
    sql`select id from equipment_items where id = ${id} for update`,
  );
  if (locked.rows.length === 0 && scope.kind === 'province') throw new DomainError('ITEM_NOT_FOUND');
  return itemInScope(tx, scope, id, asOf);
}

export function assertActive(item: Item): void {
  if (item.status === 'disposed') throw new DomainError('ITEM_DISPOSED', { itemId: item.id });
}

/** The editable facts of a stored item, as an input that can be merged with changes and re-validated. */
export function inputOf(item: Item): ItemInput {
  return {
    assetCode: item.assetCode,
    name: item.name,
    modelId: item.modelId,
    category: item.category,
    facilityId: item.facilityId,
    location: item.location,
    serialNumber: item.serialNumber,
    tracking: item.tracking,
    quantity: item.quantity,
    acquiredOn: item.acquiredOn,
    costVnd: item.costVnd,
    usefulLifeYears: item.usefulLifeYears,
    fundingSource: item.fundingSource,
    condition: item.condition,
    status: item.status as ItemInput['status'],
    warrantyUntil: item.warrantyUntil,
    notes: item.notes,
    custom: item.custom,
  };
}

// ---- audit snapshots and history ---------------------------------------------------------------

/** What the audit log keeps of an item: its stored facts and names, not the values derived from today. */
export function itemSnapshot(item: Item) {
  const { bookValueVnd: _b, pastUsefulLife: _p, nextMaintenanceOn: _n, ...stored } = item;
  return stored;
}

const bookkeeping = new Set(['id', 'version', 'createdAt', 'updatedAt']);

/** Field-level changes between two audit snapshots of an item. */
export function changesBetween(before: unknown, after: unknown) {
  return fieldChanges(before, after, bookkeeping);
}

// ---- custom fields -----------------------------------------------------------------------------

export type CustomValue = string | number | boolean | null;
export type CustomValues = Record<string, CustomValue>;

export async function fieldsOf(db: Queryable, category: EquipmentCategory): Promise<CategoryField[]> {
  return db.select().from(categoryFields).where(eq(categoryFields.category, category));
}

const typeMessages: Record<CategoryField['type'], string> = {
  text: 'Phải là chữ',
  number: 'Phải là một số',
  date: 'Phải là ngày (dd/mm/yyyy)',
  boolean: 'Ghi "Có" hoặc "Không"',
};

/** Why a custom value is refused, in Vietnamese (the import reports it by column). */
export type CustomProblem = { field: string; message: string };

/**
 * Checks custom values against the category's field definitions and returns them normalised (a blank or
 * null value is left out). A key that is not defined is refused, except a value the item already holds
 * unchanged: removing a field definition must not make every item that used it uneditable.
 */
export function checkCustomValues(
  fields: readonly CategoryField[],
  values: Record<string, unknown>,
  stored: Record<string, unknown> = {},
): { ok: true; value: CustomValues } | { ok: false; problem: CustomProblem } {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const value: CustomValues = {};
  for (const [key, raw] of Object.entries(values)) {
    const field = byKey.get(key);
    // No value is no value (it clears one), whether or not the field is still defined.
    if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) continue;
    if (!field) {
      if (key in stored && JSON.stringify(stored[key]) === JSON.stringify(raw)) {
        value[key] = raw as CustomValue;
        continue;
      }
      return { ok: false, problem: { field: key, message: 'Trường không có trong nhóm tài sản này' } };
    }
    const v = typeof raw === 'string' ? raw.trim() : raw;
    const fits =
      (field.type === 'text' && typeof v === 'string') ||
      (field.type === 'number' && typeof v === 'number' && Number.isFinite(v)) ||
      (field.type === 'date' && typeof v === 'string' && isIsoDate(v)) ||
      (field.type === 'boolean' && typeof v === 'boolean');
    if (!fits) return { ok: false, problem: { field: key, message: typeMessages[field.type] } };
    value[key] = v as CustomValue;
  }
  for (const field of fields) {
    if (field.required && !(field.key in value)) {
      return { ok: false, problem: { field: field.key, message: 'Trường bắt buộc chưa có giá trị' } };
    }
  }
  return { ok: true, value };
}

export function validCustomValues(
  fields: readonly CategoryField[],
  values: Record<string, unknown>,
  stored?: Record<string, unknown>,
): CustomValues {
  const checked = checkCustomValues(fields, values, stored);
  if (!checked.ok) {
    // The key finds the form field; the labels name it in the message (a key no longer defined is its name).
    const key = checked.problem.field;
    const field = fields.find((f) => f.key === key);
    throw new DomainError('CUSTOM_FIELD_INVALID', {
      field: key,
      label: field?.labelVi ?? key,
      labelEn: field?.labelEn ?? key,
    });
  }
  return checked.value;
}

export function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Runs one SQL text through the JSON array parameter trick: one bound parameter, any number of values. */
export function jsonArray(values: readonly unknown[]): SQL {
  return sql`${JSON.stringify(values)}::jsonb`;
}
