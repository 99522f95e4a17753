/**
 * Stock-take (kiểm kê): one open count per facility. Starting it records what the register expects (every
 * active item of the facility, each "missing" until someone marks it). Counters mark items by asset code
 * (scanned QR or search) as found, in another room, or in another condition, and note unexpected things.
 * Applying it, in one audited transaction:
 *  - wrong location → the item's location becomes the observed room;
 *  - condition changed → the item's condition becomes the observed one;
 *  - missing (never marked) → the item is NOT changed: its status says how it is used, and a count that
 *    did not see it is not proof it is gone (it may be out for repair or in another building). The outcome
 *    stays on the stock-take and is written to the item's history, for the centre to follow up — and, if
 *    it is really lost, to ask for a disposal through the department;
 *  - unexpected things → no item is created: a count cannot supply the asset code, cost, acquisition date
 *    and funding source the register needs, nor show that the thing belongs to the centre. They are listed
 *    in the report for follow-up (register them, or find whose they are).
 */
import type { Db, Queryable } from '@ansinh/db/client';
import { auditLog } from '@ansinh/db/schema/audit';
import { equipmentItems, stocktakeLines, stocktakes } from '@ansinh/db/schema/equipment';
import { facilities } from '@ansinh/db/schema/facilities';
import { DomainError } from '@ansinh/domain/errors';
import type { FacilityScope } from '@ansinh/domain/roles';
import type {
  StocktakeReport,
  StocktakeSummary,
  stocktakeLine,
  stocktakeListInput,
  stocktakeMarkInput,
  stocktakeUnexpectedInput,
} from '@ansinh/schemas/equipment';
import { and, asc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { recordAudit } from '../audit.ts';
import {
  assertFacilityInScope,
  type EquipmentWork,
  invalidInput,
  itemSnapshot,
  jsonArray,
  queryItems,
  withConstraintErrors,
} from './equipment-common.ts';
import { conditionLabels, outcomeLabels } from './equipment-labels.ts';

type Line = z.infer<typeof stocktakeLine>;
type Condition = NonNullable<Line['expectedCondition']>;

interface LineRow extends Record<string, unknown> {
  id: string;
  item_id: string | null;
  asset_code: string | null;
  name: string | null;
  description: string | null;
  outcome: Line['outcome'];
  expected_location: string | null;
  expected_condition: Condition | null;
  observed_location: string | null;
  observed_condition: Condition | null;
  note: string | null;
}

async function stocktakeOf(db: Queryable, id: string, lock = false) {
  const query = db
    .select({
      id: stocktakes.id,
      facilityId: stocktakes.facilityId,
      facilityName: facilities.name,
      status: stocktakes.status,
      startedAt: stocktakes.startedAt,
      appliedAt: stocktakes.appliedAt,
    })
    .from(stocktakes)
    .innerJoin(facilities, eq(facilities.id, stocktakes.facilityId))
    .where(eq(stocktakes.id, id));
  const [row] = await (lock ? query.for('update', { of: stocktakes }) : query);
  if (!row) throw new DomainError('STOCKTAKE_NOT_FOUND');
  return row;
}

/**
 * The stock-take's lines. While it is open, the expectation is the register as it is now, and items that
 * have since left the facility are no longer expected; once applied, it is what the register said at
 * the apply, kept on the line.
 */
async function linesOf(db: Queryable, stocktakeId: string, open: boolean): Promise<LineRow[]> {
  const expected = open
    ? sql`i.location as expected_location, i.condition as expected_condition`
    : sql`l.expected_location, l.expected_condition`;
  const result = await db.execute<LineRow>(sql`
    select l.id, l.item_id, i.asset_code, i.name, l.description, l.outcome, ${expected},
      l.observed_location, l.observed_condition, l.note
    from equipment_stocktake_lines l
    join equipment_stocktakes st on st.id = l.stocktake_id
    left join equipment_items i on i.id = l.item_id
    where l.stocktake_id = ${stocktakeId}
      ${open ? sql`and (l.item_id is null or (i.facility_id = st.facility_id and i.status <> 'disposed'))` : sql``}
    order by i.asset_code nulls last, l.recorded_at, l.id`);
  return result.rows;
}

export async function buildReport(db: Queryable, stocktakeId: string): Promise<StocktakeReport> {
  const st = await stocktakeOf(db, stocktakeId);
  const rows = await linesOf(db, stocktakeId, st.status === 'open');
  const lines = rows.map(
    (r): Line => ({
      id: r.id,
      itemId: r.item_id,
      assetCode: r.asset_code,
      name: r.name ?? r.description ?? '',
      outcome: r.outcome,
      expectedLocation: r.item_id ? r.expected_location : null,
      observedLocation: r.observed_location,
      expectedCondition: r.item_id ? r.expected_condition : null,
      observedCondition: r.observed_condition,
      note: r.note,
    }),
  );
  const count = (outcome: Line['outcome']) => lines.filter((l) => l.outcome === outcome).length;
  return {
    ...st,
    expected: lines.filter((l) => l.itemId !== null).length,
    found: count('found'),
    missing: count('missing'),
    wrongLocation: count('wrong_location'),
    conditionChanged: count('condition_changed'),
    unexpected: count('unexpected'),
    lines,
  };
}

export async function stocktakeReport(db: Db, scope: FacilityScope, id: string): Promise<StocktakeReport> {
  const st = await stocktakeOf(db, id);
  assertFacilityInScope(scope, st.facilityId);
  return buildReport(db, id);
}

interface SummaryRow extends Record<string, unknown> {
  id: string;
  facility_id: string;
  facility_name: string;
  status: StocktakeSummary['status'];
  started_ms: number;
  applied_ms: number | null;
  started_by_username: string | null;
  expected: number;
  found: number;
  missing: number;
  wrong_location: number;
  condition_changed: number;
  unexpected: number;
}

/**
 * A facility's stock-takes, newest first, each with its report's counts. The counts follow the report:
 * while a stock-take is open, items that have left the facility are no longer expected.
 */
export async function listStocktakes(
  db: Db,
  scope: FacilityScope,
  input: z.infer<typeof stocktakeListInput>,
): Promise<{ items: StocktakeSummary[]; total: number }> {
  assertFacilityInScope(scope, input.facilityId);
  const [page, count] = await Promise.all([
    db.execute<SummaryRow>(sql`
      select st.id, st.facility_id, f.name as facility_name, st.status,
        (extract(epoch from st.started_at) * 1000)::float8 as started_ms,
        (extract(epoch from st.applied_at) * 1000)::float8 as applied_ms,
        u.username as started_by_username, c.*
      from (
        select * from equipment_stocktakes where facility_id = ${input.facilityId}
        order by started_at desc, id
        limit ${input.pageSize} offset ${(input.page - 1) * input.pageSize}
      ) st
      join facilities f on f.id = st.facility_id
      left join users u on u.id = st.started_by
      cross join lateral (
        select count(l.item_id)::int as expected,
          count(*) filter (where l.outcome = 'found')::int as found,
          count(*) filter (where l.outcome = 'missing')::int as missing,
          count(*) filter (where l.outcome = 'wrong_location')::int as wrong_location,
          count(*) filter (where l.outcome = 'condition_changed')::int as condition_changed,
          count(*) filter (where l.outcome = 'unexpected')::int as unexpected
        from equipment_stocktake_lines l
        left join equipment_items i on i.id = l.item_id
        where l.stocktake_id = st.id
          and (st.status = 'applied' or l.item_id is null
               or (i.facility_id = st.facility_id and i.status <> 'disposed'))
      ) c
      order by st.started_at desc, st.id`),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(stocktakes)
      .where(eq(stocktakes.facilityId, input.facilityId)),
  ]);
  return {
    items: page.rows.map((r) => ({
      id: r.id,
      facilityId: r.facility_id,
      facilityName: r.facility_name,
      status: r.status,
      startedAt: new Date(Number(r.started_ms)),
      appliedAt: r.applied_ms === null ? null : new Date(Number(r.applied_ms)),
      startedByUsername: r.started_by_username,
      expected: r.expected,
      found: r.found,
      missing: r.missing,
      wrongLocation: r.wrong_location,
      conditionChanged: r.condition_changed,
      unexpected: r.unexpected,
    })),
    total: count[0]?.n ?? 0,
  };
}

export async function currentStocktake(
  db: Db,
  scope: FacilityScope,
  facilityId: string,
): Promise<StocktakeReport | null> {
  assertFacilityInScope(scope, facilityId);
  const [open] = await db
    .select({ id: stocktakes.id })
    .from(stocktakes)
    .where(and(eq(stocktakes.facilityId, facilityId), eq(stocktakes.status, 'open')));
  return open ? buildReport(db, open.id) : null;
}

export function startStocktake(work: EquipmentWork, facilityId: string): Promise<StocktakeReport> {
  assertFacilityInScope(work.actor.scope, facilityId);
  return withConstraintErrors(() =>
    work.db.transaction(async (tx) => {
      const [facility] = await tx
        .select({ id: facilities.id })
        .from(facilities)
        .where(eq(facilities.id, facilityId));
      if (!facility) throw new DomainError('FACILITY_NOT_FOUND', { field: 'facilityId' });
      const [open] = await tx
        .select({ id: stocktakes.id })
        .from(stocktakes)
        .where(and(eq(stocktakes.facilityId, facilityId), eq(stocktakes.status, 'open')));
      if (open) throw new DomainError('STOCKTAKE_OPEN', { stocktakeId: open.id });
      const [created] = await tx
        .insert(stocktakes)
        .values({ facilityId, startedBy: work.actor.id })
        .returning({ id: stocktakes.id });
      if (!created) throw new Error('insert returned no row');
      // What the register expects, fixed at the start: every active item, "missing" until marked.
      await tx.execute(sql`
        insert into equipment_stocktake_lines (stocktake_id, item_id, outcome)
        select ${created.id}, i.id, 'missing' from equipment_items i
        where i.facility_id = ${facilityId} and i.status <> 'disposed'`);
      const report = await buildReport(tx, created.id);
      await recordAudit(tx, work.meta, {
        actorId: work.actor.id,
        action: 'equipment.stocktake.start',
        entityType: 'equipment_stocktake',
        entityId: created.id,
        after: { facilityId, expected: report.expected },
      });
      return report;
    }),
  );
}

/** The open stock-take, locked, in the caller's scope; an applied one takes no more marks. */
async function openStocktake(tx: Queryable, work: EquipmentWork, id: string) {
  const st = await stocktakeOf(tx, id, true);
  assertFacilityInScope(work.actor.scope, st.facilityId);
  if (st.status !== 'open') throw new DomainError('STOCKTAKE_APPLIED');
  return st;
}

/** Marks one item by its asset code; marking it again replaces the earlier mark. */
export function markStocktake(
  work: EquipmentWork,
  input: z.infer<typeof stocktakeMarkInput>,
): Promise<StocktakeReport> {
  if (input.outcome === 'wrong_location' && input.observedLocation === null)
    throw invalidInput('observedLocation', 'Ghi vị trí thực tế của tài sản');
  if (input.outcome === 'condition_changed' && input.observedCondition === null)
    throw invalidInput('observedCondition', 'Ghi tình trạng thực tế của tài sản');
  return work.db.transaction(async (tx) => {
    const st = await openStocktake(tx, work, input.stocktakeId);
    const [item] = await tx
      .select({ id: equipmentItems.id, facilityId: equipmentItems.facilityId, status: equipmentItems.status })
      .from(equipmentItems)
      .where(eq(equipmentItems.assetCode, input.assetCode));
    if (!item) throw new DomainError('ITEM_NOT_FOUND', { assetCode: input.assetCode });
    if (item.facilityId !== st.facilityId)
      throw new DomainError('ITEM_NOT_IN_FACILITY', { assetCode: input.assetCode });
    if (item.status === 'disposed') throw new DomainError('ITEM_DISPOSED', { itemId: item.id });
    const values = {
      outcome: input.outcome,
      observedLocation: input.observedLocation,
      observedCondition: input.observedCondition,
      note: input.note,
    };
    const [line] = await tx
      .insert(stocktakeLines)
      .values({ stocktakeId: st.id, itemId: item.id, ...values })
      .onConflictDoUpdate({
        target: [stocktakeLines.stocktakeId, stocktakeLines.itemId],
        targetWhere: sql`${stocktakeLines.itemId} is not null`,
        set: { ...values, recordedAt: sql`now()` },
      })
      .returning({ id: stocktakeLines.id });
    await recordAudit(tx, work.meta, {
      actorId: work.actor.id,
      action: 'equipment.stocktake.mark',
      entityType: 'equipment_stocktake',
      entityId: st.id,
      after: { lineId: line?.id, itemId: item.id, assetCode: input.assetCode, ...values },
    });
    return buildReport(tx, st.id);
  });
}

export function addUnexpected(
  work: EquipmentWork,
  input: z.infer<typeof stocktakeUnexpectedInput>,
): Promise<StocktakeReport> {
  return work.db.transaction(async (tx) => {
    const st = await openStocktake(tx, work, input.stocktakeId);
    const values = {
      stocktakeId: st.id,
      outcome: 'unexpected' as const,
      description: input.description,
      observedLocation: input.observedLocation,
      observedCondition: input.observedCondition,
      note: input.note,
    };
    const [line] = await tx.insert(stocktakeLines).values(values).returning({ id: stocktakeLines.id });
    await recordAudit(tx, work.meta, {
      actorId: work.actor.id,
      action: 'equipment.stocktake.unexpected',
      entityType: 'equipment_stocktake',
      entityId: st.id,
      after: { lineId: line?.id, ...values },
    });
    return buildReport(tx, st.id);
  });
}

/** Applies the count to the register in one transaction (see the note at the top of this file). */
export function applyStocktake(work: EquipmentWork, id: string): Promise<StocktakeReport> {
  return work.db.transaction(async (tx) => {
    const st = await openStocktake(tx, work, id);
    // Items that left the facility during the count (moved, disposed) are no longer expected.
    await tx.execute(sql`
      delete from equipment_stocktake_lines l using equipment_items i
      where l.stocktake_id = ${id} and i.id = l.item_id
        and (i.facility_id <> ${st.facilityId} or i.status = 'disposed')`);
    const lines = await tx
      .select()
      .from(stocktakeLines)
      .where(eq(stocktakeLines.stocktakeId, id))
      .orderBy(asc(stocktakeLines.recordedAt));
    const itemIds = lines.flatMap((l) => (l.itemId ? [l.itemId] : []));
    await tx.execute(sql`select id from equipment_items
      where id in (select jsonb_array_elements_text(${jsonArray(itemIds)})::uuid) for update`);
    const items = itemIds.length
      ? await queryItems(tx, work.today, {
          where: sql`i.id in (select jsonb_array_elements_text(${jsonArray(itemIds)})::uuid)`,
          sort: { field: 'assetCode', direction: 'asc' },
          limit: itemIds.length,
        })
      : [];
    const byId = new Map(items.map((i) => [i.id, i]));
    // The report keeps what the register said before this count corrects it.
    await tx.execute(sql`
      update equipment_stocktake_lines l
      set expected_location = i.location, expected_condition = i.condition
      from equipment_items i
      where l.stocktake_id = ${id} and i.id = l.item_id`);

    let adjusted = 0;
    const missing: string[] = [];
    for (const line of lines) {
      const item = line.itemId ? byId.get(line.itemId) : undefined;
      if (!item) continue;
      if (line.outcome === 'missing') {
        missing.push(item.id);
        continue;
      }
      const change: { location?: string | null; condition?: Condition } = {};
      const moved = line.outcome === 'wrong_location' || line.observedLocation !== null;
      if (moved && line.observedLocation !== item.location) change.location = line.observedLocation;
      if (line.observedCondition !== null && line.observedCondition !== item.condition)
        change.condition = line.observedCondition;
      if (Object.keys(change).length === 0) continue;
      adjusted += 1;
      await tx
        .update(equipmentItems)
        .set({ ...change, version: sql`${equipmentItems.version} + 1`, updatedAt: sql`now()` })
        .where(eq(equipmentItems.id, item.id));
      const before = itemSnapshot(item);
      await recordAudit(tx, work.meta, {
        actorId: work.actor.id,
        action: 'equipment.stocktake.adjust',
        entityType: 'equipment_item',
        entityId: item.id,
        before,
        after: { ...before, ...change, version: item.version + 1 },
      });
    }
    // The outcome for items nobody saw goes into their history; the items themselves are not changed.
    for (let i = 0; i < missing.length; i += 1000) {
      await tx.insert(auditLog).values(
        missing.slice(i, i + 1000).map((itemId) => ({
          actorId: work.actor.id,
          action: 'equipment.stocktake.missing',
          entityType: 'equipment_item',
          entityId: itemId,
          after: { stocktakeId: id, stocktakeOutcome: 'missing' },
          requestId: work.meta.requestId,
          ip: work.meta.ip,
        })),
      );
    }
    await tx
      .update(stocktakes)
      .set({ status: 'applied', appliedAt: sql`now()` })
      .where(eq(stocktakes.id, id));
    await recordAudit(tx, work.meta, {
      actorId: work.actor.id,
      action: 'equipment.stocktake.apply',
      entityType: 'equipment_stocktake',
      entityId: id,
      before: { status: 'open' },
      after: { status: 'applied', expected: items.length, adjusted, missing: missing.length },
    });
    return buildReport(tx, id);
  });
}

/** The report as a workbook: a summary sheet and every line. */
export async function stocktakeWorkbook(report: StocktakeReport): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'An Sinh';
  const summary = workbook.addWorksheet('Tổng hợp');
  summary.columns = [
    { header: 'Kiểm kê tài sản', width: 36 },
    { header: report.facilityName, width: 50 },
  ];
  summary.getRow(1).font = { bold: true };
  const rows: [string, string | number | Date | null][] = [
    ['Bắt đầu', report.startedAt],
    ['Hoàn tất', report.appliedAt],
    ['Trạng thái', report.status === 'open' ? 'Đang kiểm kê' : 'Đã cập nhật vào sổ'],
    ['Theo sổ sách', report.expected],
    [outcomeLabels.found, report.found],
    [outcomeLabels.wrong_location, report.wrongLocation],
    [outcomeLabels.condition_changed, report.conditionChanged],
    [outcomeLabels.missing, report.missing],
    [outcomeLabels.unexpected, report.unexpected],
  ];
  for (const row of rows) summary.addRow(row);
  summary.getColumn(2).numFmt = '#,##0';
  for (const r of [2, 3]) summary.getCell(`B${r}`).numFmt = 'dd/mm/yyyy hh:mm';

  const detail = workbook.addWorksheet('Chi tiết', { views: [{ state: 'frozen', ySplit: 1 }] });
  detail.columns = [
    { header: 'Mã tài sản', width: 18 },
    { header: 'Tên tài sản / mô tả', width: 40 },
    { header: 'Kết quả', width: 22 },
    { header: 'Vị trí theo sổ', width: 22 },
    { header: 'Vị trí thực tế', width: 22 },
    { header: 'Tình trạng theo sổ', width: 16 },
    { header: 'Tình trạng thực tế', width: 16 },
    { header: 'Ghi chú', width: 36 },
  ];
  detail.getRow(1).font = { bold: true };
  for (const l of report.lines) {
    detail.addRow([
      l.assetCode,
      l.name,
      outcomeLabels[l.outcome],
      l.expectedLocation,
      l.observedLocation,
      l.expectedCondition ? conditionLabels[l.expectedCondition] : null,
      l.observedCondition ? conditionLabels[l.observedCondition] : null,
      l.note,
    ]);
  }
  detail.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 8 } };
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}
