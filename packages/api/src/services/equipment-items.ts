/** The item register: list, read, create, edit, moves between rooms, history and QR-label data. */
import type { Db, Queryable } from '@ansinh/db/client';
import { auditLog } from '@ansinh/db/schema/audit';
import { equipmentItems, itemModels } from '@ansinh/db/schema/equipment';
import { facilities } from '@ansinh/db/schema/facilities';
import { users } from '@ansinh/db/schema/users';
import { addDays } from '@ansinh/domain/entitlements/dates';
import { DomainError } from '@ansinh/domain/errors';
import type { FacilityScope } from '@ansinh/domain/roles';
import { escapeLikePattern } from '@ansinh/domain/text';
import {
  type Item,
  type ItemFilter,
  type ItemInput,
  type itemHistoryEntry,
  itemInput,
  type itemUpdateInput,
  type moveInRoomsInput,
} from '@ansinh/schemas/equipment';
import { and, asc, eq, ne, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit.ts';
import {
  assertActive,
  assertFacilityInScope,
  changesBetween,
  definedOnly,
  depreciationSql,
  type EquipmentWork,
  fieldsOf,
  findItem,
  inputOf,
  itemInScope,
  itemSnapshot,
  jsonArray,
  lockItem,
  queryItems,
  scopeSql,
  validCustomValues,
  withConstraintErrors,
} from './equipment-common.ts';
import { DUE_SOON_DAYS } from './equipment-maintenance.ts';

/** The WHERE clause of the item list (alias `i`); shared by the list, its count and the export. */
export function itemConditions(scope: FacilityScope, filter: ItemFilter, today: string): SQL {
  const conditions: SQL[] = [];
  const inScope = scopeSql(scope, sql`i.facility_id`);
  if (inScope) conditions.push(inScope);
  if (filter.facilityId) conditions.push(sql`i.facility_id = ${filter.facilityId}`);
  if (filter.search) {
    conditions.push(
      sql`i.search_text like '%' || search_fold(${escapeLikePattern(filter.search)}) || '%' escape '\\'`,
    );
  }
  if (filter.category) conditions.push(sql`i.category = ${filter.category}`);
  if (filter.condition) conditions.push(sql`i.condition = ${filter.condition}`);
  // Disposed items leave the lists unless asked for (or filtered on explicitly).
  if (filter.status) conditions.push(sql`i.status = ${filter.status}`);
  else if (!filter.includeDisposed) conditions.push(sql`i.status <> 'disposed'`);
  if (filter.pastUsefulLife !== undefined) {
    const past = depreciationSql(today, 'i').pastUsefulLife;
    conditions.push(filter.pastUsefulLife ? past : sql`not ${past}`);
  }
  if (filter.maintenance) {
    // An item's next maintenance (kept by triggers) is the earliest of its dues: overdue when before
    // today, due when it falls within the next DUE_SOON_DAYS days.
    conditions.push(
      sql`i.status <> 'disposed'`,
      filter.maintenance === 'overdue'
        ? sql`i.next_maintenance_on < ${today}`
        : sql`i.next_maintenance_on between ${today} and ${addDays(today, DUE_SOON_DAYS)}`,
    );
  }
  return conditions.length ? sql.join(conditions, sql` and `) : sql`true`;
}

export async function listItems(
  db: Db,
  scope: FacilityScope,
  input: ItemFilter & { page: number; pageSize: number },
  today: string,
): Promise<{ items: Item[]; total: number }> {
  const where = itemConditions(scope, input, today);
  const [items, count] = await Promise.all([
    queryItems(db, today, {
      where,
      sort: input.sort,
      limit: input.pageSize,
      offset: (input.page - 1) * input.pageSize,
    }),
    db.execute<{ n: number }>(sql`select count(*)::int as n from equipment_items i where ${where}`),
  ]);
  return { items, total: count.rows[0]?.n ?? 0 };
}

/** Every matching row in list order, for the spreadsheet (capped to keep memory bounded). */
export const ITEM_EXPORT_LIMIT = 50_000;
export function itemsForExport(db: Db, scope: FacilityScope, filter: ItemFilter, today: string) {
  return queryItems(db, today, {
    where: itemConditions(scope, filter, today),
    sort: filter.sort,
    limit: ITEM_EXPORT_LIMIT,
  });
}

export function getItem(work: EquipmentWork, id: string): Promise<Item> {
  return itemInScope(work.db, work.actor.scope, id, work.today);
}

/** The item behind a scanned or typed asset code. */
export async function itemByAssetCode(work: EquipmentWork, assetCode: string): Promise<Item> {
  const [item] = await queryItems(work.db, work.today, {
    where: sql`i.asset_code = ${assetCode}`,
    sort: { field: 'assetCode', direction: 'asc' },
    limit: 1,
  });
  if (!item) throw new DomainError('ITEM_NOT_FOUND', { assetCode });
  assertFacilityInScope(work.actor.scope, item.facilityId);
  return item;
}

/** The items to print QR labels for, in the order asked; all must be visible to the caller. */
export async function labelItems(work: EquipmentWork, ids: readonly string[]): Promise<Item[]> {
  const unique = [...new Set(ids)];
  const found = await queryItems(work.db, work.today, {
    where: sql`i.id in (select jsonb_array_elements_text(${jsonArray(unique)})::uuid)`,
    sort: { field: 'assetCode', direction: 'asc' },
    limit: unique.length,
  });
  const byId = new Map(found.map((i) => [i.id, i]));
  return unique.map((id) => {
    const item = byId.get(id);
    if (!item) {
      if (work.actor.scope.kind === 'province') throw new DomainError('ITEM_NOT_FOUND', { itemId: id });
      throw new DomainError('FORBIDDEN', { itemId: id });
    }
    assertFacilityInScope(work.actor.scope, item.facilityId);
    return item;
  });
}

async function assertFacilityExists(db: Queryable, facilityId: string) {
  const [row] = await db.select({ id: facilities.id }).from(facilities).where(eq(facilities.id, facilityId));
  if (!row) throw new DomainError('FACILITY_NOT_FOUND', { field: 'facilityId' });
}

async function assertModelExists(db: Queryable, modelId: string | null) {
  if (!modelId) return;
  const [row] = await db.select({ id: itemModels.id }).from(itemModels).where(eq(itemModels.id, modelId));
  if (!row) throw new DomainError('MODEL_NOT_FOUND', { field: 'modelId' });
}

async function assertAssetCodeFree(db: Queryable, assetCode: string, exceptId?: string) {
  const [taken] = await db
    .select({ id: equipmentItems.id })
    .from(equipmentItems)
    .where(
      and(eq(equipmentItems.assetCode, assetCode), exceptId ? ne(equipmentItems.id, exceptId) : undefined),
    );
  if (taken) throw new DomainError('ASSET_CODE_TAKEN', { field: 'assetCode' });
}

export function createItem(work: EquipmentWork, input: ItemInput): Promise<Item> {
  assertFacilityInScope(work.actor.scope, input.facilityId);
  return withConstraintErrors(() =>
    work.db.transaction(async (tx) => {
      await assertFacilityExists(tx, input.facilityId);
      await assertModelExists(tx, input.modelId);
      await assertAssetCodeFree(tx, input.assetCode);
      const custom = validCustomValues(await fieldsOf(tx, input.category), input.custom);
      const [created] = await tx
        .insert(equipmentItems)
        .values({ ...input, custom })
        .returning({ id: equipmentItems.id });
      if (!created) throw new Error('insert returned no row');
      const item = await findItem(tx, created.id, work.today);
      await recordAudit(tx, work.meta, {
        actorId: work.actor.id,
        action: 'equipment.item.create',
        entityType: 'equipment_item',
        entityId: item.id,
        after: itemSnapshot(item),
      });
      return item;
    }),
  );
}

/** Writes an audited change to one locked item; `change` gets the current item and returns the new columns. */
async function changeItem(
  work: EquipmentWork,
  id: string,
  version: number | null,
  action: string,
  change: (tx: Queryable, before: Item) => Promise<Partial<typeof equipmentItems.$inferInsert>>,
): Promise<Item> {
  return withConstraintErrors(() =>
    work.db.transaction(async (tx) => {
      const before = await lockItem(tx, work.actor.scope, id, work.today);
      if (version !== null && before.version !== version)
        throw new DomainError('STALE_VERSION', { currentVersion: before.version });
      assertActive(before);
      const values = await change(tx, before);
      await tx
        .update(equipmentItems)
        .set({ ...values, version: sql`${equipmentItems.version} + 1`, updatedAt: sql`now()` })
        .where(eq(equipmentItems.id, id));
      const after = await findItem(tx, id, work.today);
      await recordAudit(tx, work.meta, {
        actorId: work.actor.id,
        action,
        entityType: 'equipment_item',
        entityId: id,
        before: itemSnapshot(before),
        after: itemSnapshot(after),
      });
      return after;
    }),
  );
}

export function updateItem(work: EquipmentWork, input: z.infer<typeof itemUpdateInput>): Promise<Item> {
  const { id, version, ...changes } = input;
  return changeItem(work, id, version, 'equipment.item.update', async (tx, before) => {
    const { facilityId: _f, ...merged } = itemInput.parse({ ...inputOf(before), ...definedOnly(changes) });
    if (merged.modelId !== before.modelId) await assertModelExists(tx, merged.modelId);
    if (merged.assetCode !== before.assetCode) await assertAssetCodeFree(tx, merged.assetCode, id);
    const fields = await fieldsOf(tx, merged.category);
    return { ...merged, custom: validCustomValues(fields, merged.custom, before.custom) };
  });
}

/** A move between rooms of one centre is the centre's own, audited change of `location`. */
export function moveInRooms(work: EquipmentWork, input: z.infer<typeof moveInRoomsInput>): Promise<Item> {
  return changeItem(work, input.id, input.version, 'equipment.item.move', async () => ({
    location: input.location,
  }));
}

/** The item's story from the audit log: who changed which field when, old → new. */
export async function itemHistory(
  work: EquipmentWork,
  id: string,
): Promise<z.infer<typeof itemHistoryEntry>[]> {
  await itemInScope(work.db, work.actor.scope, id, work.today);
  const rows = await work.db
    .select({
      at: auditLog.at,
      actorUsername: users.username,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.entityType, 'equipment_item'), eq(auditLog.entityId, id)))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  return rows.map((r) => ({
    at: r.at,
    actorUsername: r.actorUsername,
    action: r.action,
    changes: changesBetween(r.before, r.after),
  }));
}
