/** Maintenance records, recurring schedules, and what is due or overdue. */
import type { Db, Queryable } from '@ansinh/db/client';
import { maintenanceRecords, maintenanceSchedules } from '@ansinh/db/schema/equipment';
import { addDays, addMonths } from '@ansinh/domain/entitlements/dates';
import { DomainError } from '@ansinh/domain/errors';
import type {
  dueFilter,
  dueInput,
  dueItem,
  maintenanceInput,
  maintenanceRecord,
  schedule,
  scheduleInput,
} from '@ansinh/schemas/equipment';
import { and, asc, desc, eq, lte, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit.ts';
import type { SheetColumn } from '../excel.ts';
import {
  assertActive,
  assertFacilityInScope,
  type EquipmentWork,
  invalidInput,
  itemInScope,
  lockItem,
  scopeSql,
} from './equipment-common.ts';
import { maintenanceKindLabels, viDate } from './equipment-labels.ts';

type MaintenanceRecord = z.infer<typeof maintenanceRecord>;
type Schedule = z.infer<typeof schedule>;

/** "Due" on dashboards and in the list filter: within this many days from today (not yet overdue). */
export const DUE_SOON_DAYS = 30;

/**
 * The pending dues of one item (alias `i`) up to `horizon` (inclusive), for a lateral join: each active
 * schedule's next date, and the next date written on the item's latest maintenance record (a later
 * record supersedes an earlier one's). Columns: due_on, schedule_name (null for a record), kind and
 * performed_on (null for a schedule). The item's `next_maintenance_on` (kept by triggers, migration 0009)
 * is the earliest of these, so an item has a due up to `horizon` exactly when that column is on or
 * before it: callers pick the items by that indexed column first and read only their dues.
 */
function itemDuesSql(horizon: string): SQL {
  return sql`
    select s.next_due_on as due_on, s.name as schedule_name, null::text as kind, null::date as performed_on
    from equipment_maintenance_schedules s
    where s.item_id = i.id and s.active and s.next_due_on <= ${horizon}
    union all
    select r.next_due_on, null, r.kind, r.performed_on
    from (
      select r.next_due_on, r.kind, r.performed_on from equipment_maintenance r
      where r.item_id = i.id
      order by r.performed_on desc, r.created_at desc
      limit 1
    ) r
    where r.next_due_on <= ${horizon}`;
}

const recordColumns = {
  id: maintenanceRecords.id,
  itemId: maintenanceRecords.itemId,
  performedOn: maintenanceRecords.performedOn,
  kind: maintenanceRecords.kind,
  costVnd: maintenanceRecords.costVnd,
  supplier: maintenanceRecords.supplier,
  notes: maintenanceRecords.notes,
  nextDueOn: maintenanceRecords.nextDueOn,
};

const scheduleColumns = {
  id: maintenanceSchedules.id,
  itemId: maintenanceSchedules.itemId,
  name: maintenanceSchedules.name,
  intervalMonths: maintenanceSchedules.intervalMonths,
  nextDueOn: maintenanceSchedules.nextDueOn,
  active: maintenanceSchedules.active,
};

/** The first date after `performedOn` on the schedule's own rhythm (whole intervals from its due date). */
export function nextOccurrence(dueOn: string, intervalMonths: number, performedOn: string): string {
  let steps = 1;
  while (addMonths(dueOn, steps * intervalMonths) <= performedOn) steps += 1;
  return addMonths(dueOn, steps * intervalMonths);
}

/**
 * Records a maintenance and moves forward every active schedule of the item that it satisfies (due on or
 * before the day it was done), keeping each schedule's rhythm.
 */
export function recordMaintenance(
  work: EquipmentWork,
  input: z.infer<typeof maintenanceInput>,
): Promise<MaintenanceRecord> {
  if (input.performedOn > work.today)
    throw invalidInput('performedOn', 'Không ghi nhận bảo dưỡng cho ngày chưa đến');
  if (input.nextDueOn !== null && input.nextDueOn <= input.performedOn)
    throw invalidInput('nextDueOn', 'Ngày bảo dưỡng tiếp theo phải sau ngày thực hiện');
  return work.db.transaction(async (tx) => {
    const item = await lockItem(tx, work.actor.scope, input.itemId, work.today);
    assertActive(item);
    const [record] = await tx
      .insert(maintenanceRecords)
      .values({ ...input, recordedBy: work.actor.id })
      .returning(recordColumns);
    if (!record) throw new Error('insert returned no row');
    const satisfied = await tx
      .select(scheduleColumns)
      .from(maintenanceSchedules)
      .where(
        and(
          eq(maintenanceSchedules.itemId, input.itemId),
          eq(maintenanceSchedules.active, true),
          lte(maintenanceSchedules.nextDueOn, input.performedOn),
        ),
      )
      .orderBy(asc(maintenanceSchedules.nextDueOn))
      .for('update');
    const moved: Schedule[] = [];
    for (const s of satisfied) {
      const nextDueOn = nextOccurrence(s.nextDueOn, s.intervalMonths, input.performedOn);
      await tx.update(maintenanceSchedules).set({ nextDueOn }).where(eq(maintenanceSchedules.id, s.id));
      moved.push({ ...s, nextDueOn });
    }
    await recordAudit(tx, work.meta, {
      actorId: work.actor.id,
      action: 'equipment.maintenance.record',
      entityType: 'equipment_item',
      entityId: input.itemId,
      before: moved.length ? { schedules: satisfied } : null,
      after: moved.length ? { maintenance: record, schedules: moved } : { maintenance: record },
    });
    return record;
  });
}

export async function maintenanceOfItem(work: EquipmentWork, itemId: string): Promise<MaintenanceRecord[]> {
  await itemInScope(work.db, work.actor.scope, itemId, work.today);
  return work.db
    .select(recordColumns)
    .from(maintenanceRecords)
    .where(eq(maintenanceRecords.itemId, itemId))
    .orderBy(desc(maintenanceRecords.performedOn), desc(maintenanceRecords.createdAt));
}

export async function schedulesOfItem(work: EquipmentWork, itemId: string): Promise<Schedule[]> {
  await itemInScope(work.db, work.actor.scope, itemId, work.today);
  return work.db
    .select(scheduleColumns)
    .from(maintenanceSchedules)
    .where(eq(maintenanceSchedules.itemId, itemId))
    .orderBy(desc(maintenanceSchedules.active), asc(maintenanceSchedules.nextDueOn));
}

export function addSchedule(work: EquipmentWork, input: z.infer<typeof scheduleInput>): Promise<Schedule> {
  return work.db.transaction(async (tx) => {
    const item = await lockItem(tx, work.actor.scope, input.itemId, work.today);
    assertActive(item);
    const [created] = await tx.insert(maintenanceSchedules).values(input).returning(scheduleColumns);
    if (!created) throw new Error('insert returned no row');
    await recordAudit(tx, work.meta, {
      actorId: work.actor.id,
      action: 'equipment.schedule.add',
      entityType: 'equipment_item',
      entityId: input.itemId,
      after: { schedule: created },
    });
    return created;
  });
}

export function stopSchedule(work: EquipmentWork, id: string): Promise<Schedule> {
  return work.db.transaction(async (tx) => {
    const [found] = await tx
      .select(scheduleColumns)
      .from(maintenanceSchedules)
      .where(eq(maintenanceSchedules.id, id))
      .for('update');
    if (!found) throw new DomainError('ITEM_NOT_FOUND', { scheduleId: id });
    await lockItem(tx, work.actor.scope, found.itemId, work.today);
    if (!found.active) return found;
    const stopped = { ...found, active: false };
    await tx.update(maintenanceSchedules).set({ active: false }).where(eq(maintenanceSchedules.id, id));
    await recordAudit(tx, work.meta, {
      actorId: work.actor.id,
      action: 'equipment.schedule.stop',
      entityType: 'equipment_item',
      entityId: found.itemId,
      before: { schedule: found },
      after: { schedule: stopped },
    });
    return stopped;
  });
}

interface DueRow extends Record<string, unknown> {
  item_id: string;
  asset_code: string;
  name: string;
  facility_name: string;
  schedule_name: string | null;
  kind: keyof typeof maintenanceKindLabels | null;
  performed_on: string | null;
  due_on: string;
}

type Due = z.infer<typeof dueItem>;

/** What a due is, in Vietnamese: the schedule's name, or the record whose next date it is. */
export function dueWhat(due: Pick<Due, 'scheduleName' | 'kind' | 'performedOn' | 'dueOn'>): string {
  return (
    due.scheduleName ??
    `Hẹn sau lần ${maintenanceKindLabels[due.kind ?? 'preventive'].toLowerCase()} ngày ${viDate(due.performedOn ?? due.dueOn)}`
  );
}

interface DueItems {
  horizon: string;
  /** Over items `i`: active, in scope, with a due up to the horizon (by their maintained date). */
  where: SQL;
  /** Restricted to some facilities (a filter or a centre's scope), not the whole province. */
  facilities: boolean;
}

function dueItems(work: Pick<EquipmentWork, 'actor' | 'today'>, filter: z.infer<typeof dueFilter>): DueItems {
  if (filter.facilityId) assertFacilityInScope(work.actor.scope, filter.facilityId);
  const horizon = addDays(work.today, filter.withinDays);
  const conditions = [sql`i.status <> 'disposed'`, sql`i.next_maintenance_on <= ${horizon}`];
  const inScope = scopeSql(work.actor.scope, sql`i.facility_id`);
  if (inScope) conditions.push(inScope);
  if (filter.facilityId) conditions.push(sql`i.facility_id = ${filter.facilityId}`);
  return {
    horizon,
    where: sql.join(conditions, sql` and `),
    facilities: inScope !== undefined || filter.facilityId !== undefined,
  };
}

/**
 * Dues `offset`…`offset + limit` in list order (due date, asset code, schedule). An item's maintained
 * next date is its earliest due, so the first N dues in that order all belong to the first N items in
 * (next_maintenance_on, asset_code) order: each of those items has a due (its next date) that comes
 * before every due of any later item. So only N items are read, through the next-maintenance index,
 * however many are due province-wide.
 */
async function queryDues(
  db: Queryable,
  today: string,
  items: DueItems,
  limit: number,
  offset = 0,
): Promise<Due[]> {
  const result = await db.execute<DueRow>(sql`
    select i.id as item_id, i.asset_code, i.name, f.name as facility_name, d.schedule_name, d.kind,
      d.performed_on::text as performed_on, d.due_on::text as due_on
    from (
      select i.id, i.asset_code, i.name, i.facility_id from equipment_items i
      where ${items.where}
      order by i.next_maintenance_on, i.asset_code
      limit ${offset + limit}
    ) i
    cross join lateral (${itemDuesSql(items.horizon)}) d
    join facilities f on f.id = i.facility_id
    order by d.due_on, i.asset_code, d.schedule_name
    limit ${limit} offset ${offset}`);
  return result.rows.map((r) => {
    const due = {
      itemId: r.item_id,
      assetCode: r.asset_code,
      name: r.name,
      facilityName: r.facility_name,
      scheduleName: r.schedule_name,
      kind: r.schedule_name === null ? r.kind : null,
      performedOn: r.schedule_name === null ? r.performed_on : null,
      dueOn: r.due_on,
      overdue: r.due_on < today,
    };
    return { ...due, what: dueWhat(due) };
  });
}

/**
 * How many dues the list has. For a facility (or a centre's own) the list's few items are taken first
 * and each one's dues counted through their indexes. Province-wide (50,000 items are due in the
 * benchmark) that costs three times as much on the embedded database as counting from the dues' side —
 * active schedules due by the horizon (their partial index) and latest records due by it — joined once
 * to the list's items with hash joins over narrow rows.
 */
async function countDues(db: Queryable, items: DueItems): Promise<number> {
  const result = await db.execute<{ n: number }>(
    items.facilities
      ? sql`
        select count(*)::int as n
        from equipment_items i
        cross join lateral (${itemDuesSql(items.horizon)}) d
        where ${items.where}`
      : sql`
        select count(*)::int as n
        from (
          select s.item_id from equipment_maintenance_schedules s
          where s.active and s.next_due_on <= ${items.horizon}
          union all
          select r.item_id from equipment_maintenance r
          where r.next_due_on <= ${items.horizon}
            and not exists (
              select 1 from equipment_maintenance l
              where l.item_id = r.item_id and l.performed_on >= r.performed_on
                and (l.performed_on > r.performed_on or l.created_at > r.created_at)
            )
        ) d
        join equipment_items i on i.id = d.item_id
        where ${items.where}`,
  );
  return result.rows[0]?.n ?? 0;
}

/** What is due within N days (and everything overdue), soonest first, for active items in scope. */
export async function dueMaintenance(
  db: Db,
  work: Pick<EquipmentWork, 'actor' | 'today'>,
  input: z.infer<typeof dueInput>,
): Promise<{ items: Due[]; total: number }> {
  const items = dueItems(work, input);
  const [page, total] = await Promise.all([
    queryDues(db, work.today, items, input.pageSize, (input.page - 1) * input.pageSize),
    countDues(db, items),
  ]);
  return { items: page, total };
}

/** The due list's spreadsheet columns. */
export function dueExportColumns(today: string): SheetColumn<Due>[] {
  const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
  return [
    { header: 'Mã tài sản', width: 18, value: (d) => d.assetCode },
    { header: 'Tên tài sản', width: 36, value: (d) => d.name },
    { header: 'Cơ sở', width: 40, value: (d) => d.facilityName },
    { header: 'Nội dung', width: 40, value: (d) => d.what },
    { header: 'Hạn', width: 14, value: (d) => asDate(d.dueOn), numFmt: 'dd/mm/yyyy' },
    {
      header: `Tình trạng ngày ${viDate(today)}`,
      width: 16,
      value: (d) => (d.overdue ? 'Quá hạn' : 'Sắp đến hạn'),
    },
  ];
}

/** Every due of the list, in list order, for the spreadsheet (capped to keep memory bounded). */
export const DUE_EXPORT_LIMIT = 50_000;
export function duesForExport(
  db: Db,
  work: Pick<EquipmentWork, 'actor' | 'today'>,
  filter: z.infer<typeof dueFilter>,
): Promise<Due[]> {
  return queryDues(db, work.today, dueItems(work, filter), DUE_EXPORT_LIMIT);
}
