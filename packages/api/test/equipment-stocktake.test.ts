/**
 * Stock-take: start for a facility (one open at a time), mark items by asset code, note unexpected
 * things, read the report (missing = never marked), finish: locations and conditions corrected in one
 * audited transaction, missing items left as they are with the outcome in their history, unexpected
 * things listed for follow-up and never turned into items.
 */
import type { Item, ItemInput, StocktakeReport } from '@ansinh/schemas/equipment';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, expectTRPCError, fieldErrorsOf, readWorkbook, useApiHarness } from './harness.ts';

const h = useApiHarness();

let staff: Caller;
let manager: Caller;
let admin: Caller;
let planner: Caller;
let btxh: string;
let treem: string;
const items: Record<string, Item> = {};

let serial = 0;
function newItem(facilityId: string, overrides: Partial<ItemInput> = {}): ItemInput {
  serial += 1;
  return {
    assetCode: `ST-${String(serial).padStart(4, '0')}`,
    name: `Tài sản ${serial}`,
    modelId: null,
    category: 'beds_furniture',
    facilityId,
    location: 'Phòng 101',
    serialNumber: null,
    tracking: 'individual',
    quantity: 1,
    acquiredOn: '2022-01-01',
    costVnd: 5_000_000,
    usefulLifeYears: 8,
    fundingSource: 'provincial_budget',
    condition: 'good',
    status: 'in_use',
    warrantyUntil: null,
    notes: null,
    custom: {},
    ...overrides,
  };
}

beforeAll(async () => {
  staff = await h.callerFor('staff');
  manager = await h.callerFor('manager');
  admin = await h.callerFor('admin');
  planner = await h.callerFor('planner');
  btxh = await h.facilityId('TN-BTXH');
  treem = await h.facilityId('TN-TREEM');
  for (const key of ['found', 'moved', 'worn', 'lost', 'movedAway', 'late']) {
    items[key] = await staff.equipment.items.create(newItem(btxh, { name: `Giường ${key}` }));
  }
  items.elsewhere = await admin.equipment.items.create(newItem(treem, { name: 'Giường nơi khác' }));
});

const lineOf = (report: StocktakeReport, item: Item | undefined) =>
  report.lines.find((l) => l.itemId === item?.id);

describe('stock-take, start to finish', () => {
  let stocktakeId: string;

  it('starts with every active item expected and missing until marked; one open per facility', async () => {
    const report = await staff.equipment.stocktakes.start({ facilityId: btxh });
    stocktakeId = report.id;
    expect(report).toMatchObject({
      status: 'open',
      expected: 6,
      found: 0,
      missing: 6,
      unexpected: 0,
      appliedAt: null,
    });
    expect(lineOf(report, items.found)).toMatchObject({
      outcome: 'missing',
      expectedLocation: 'Phòng 101',
      expectedCondition: 'good',
    });
    await expectTRPCError(
      manager.equipment.stocktakes.start({ facilityId: btxh }),
      'CONFLICT',
      'STOCKTAKE_OPEN',
    );
    expect((await manager.equipment.stocktakes.current({ facilityId: btxh }))?.id).toBe(stocktakeId);
    expect(await admin.equipment.stocktakes.current({ facilityId: treem })).toBeNull();
  });

  it('marks by asset code (in any case); marking again replaces the line', async () => {
    const mark = (
      item: Item | undefined,
      outcome: 'found' | 'wrong_location' | 'condition_changed',
      extra = {},
    ) =>
      staff.equipment.stocktakes.mark({
        stocktakeId,
        assetCode: (item?.assetCode ?? '').toLowerCase(),
        outcome,
        ...extra,
      });
    await mark(items.found, 'wrong_location', { observedLocation: 'Kho' });
    await mark(items.found, 'found');
    await mark(items.moved, 'wrong_location', { observedLocation: 'Phòng 204', note: 'Chuyển từ tháng 6' });
    const report = await mark(items.worn, 'condition_changed', { observedCondition: 'poor' });
    expect(report).toMatchObject({
      expected: 6,
      found: 1,
      wrongLocation: 1,
      conditionChanged: 1,
      missing: 3,
    });
    expect(lineOf(report, items.found)).toMatchObject({ outcome: 'found', observedLocation: null });
    expect(lineOf(report, items.moved)).toMatchObject({
      outcome: 'wrong_location',
      expectedLocation: 'Phòng 101',
      observedLocation: 'Phòng 204',
      note: 'Chuyển từ tháng 6',
    });
  });

  it('a wrong location needs the room, a changed condition needs the condition', async () => {
    const noRoom = await expectTRPCError(
      staff.equipment.stocktakes.mark({
        stocktakeId,
        assetCode: items.late?.assetCode as string,
        outcome: 'wrong_location',
      }),
      'BAD_REQUEST',
    );
    expect(fieldErrorsOf(noRoom).observedLocation).toBeDefined();
    const noCondition = await expectTRPCError(
      staff.equipment.stocktakes.mark({
        stocktakeId,
        assetCode: items.late?.assetCode as string,
        outcome: 'condition_changed',
      }),
      'BAD_REQUEST',
    );
    expect(fieldErrorsOf(noCondition).observedCondition).toBeDefined();
  });

  it('refuses an item of another facility, and an unknown code', async () => {
    await expectTRPCError(
      staff.equipment.stocktakes.mark({
        stocktakeId,
        assetCode: items.elsewhere?.assetCode as string,
        outcome: 'found',
      }),
      'PRECONDITION_FAILED',
      'ITEM_NOT_IN_FACILITY',
    );
    await expectTRPCError(
      staff.equipment.stocktakes.mark({ stocktakeId, assetCode: 'KHONG-CO-MA', outcome: 'found' }),
      'NOT_FOUND',
      'ITEM_NOT_FOUND',
    );
  });

  it('notes unexpected things without creating items', async () => {
    const before = await h.rows<{ n: number }>(sql`select count(*)::int as n from equipment_items`);
    const report = await staff.equipment.stocktakes.addUnexpected({
      stocktakeId,
      description: 'Xe lăn không có nhãn',
      observedLocation: 'Hành lang tầng 2',
      observedCondition: 'fair',
    });
    expect(report.unexpected).toBe(1);
    expect(report.lines.find((l) => l.outcome === 'unexpected')).toMatchObject({
      itemId: null,
      assetCode: null,
      name: 'Xe lăn không có nhãn',
      observedLocation: 'Hành lang tầng 2',
    });
    expect(await h.rows(sql`select count(*)::int as n from equipment_items`)).toEqual(before);
  });

  it('items that leave during the count are no longer expected; items that arrive can be marked', async () => {
    const request = await staff.equipment.requests.transfer({
      itemId: items.movedAway?.id as string,
      toFacilityId: treem,
      reason: 'Điều chuyển',
    });
    await planner.equipment.requests.decide({ requestId: request.id, approve: true });
    const arrived = await staff.equipment.items.create(newItem(btxh, { name: 'Giường mới về' }));
    const report = await staff.equipment.stocktakes.mark({
      stocktakeId,
      assetCode: arrived.assetCode,
      outcome: 'found',
    });
    expect(lineOf(report, items.movedAway)).toBeUndefined();
    expect(report).toMatchObject({ expected: 6, found: 2, missing: 2 });
  });

  it('finishing applies locations and conditions in one audited transaction; missing items keep their state', async () => {
    const auditBefore = await h.rows<{ n: number }>(sql`select count(*)::int as n from audit_log`);
    const report = await manager.equipment.stocktakes.finish({ id: stocktakeId });
    expect(report).toMatchObject({
      status: 'applied',
      expected: 6,
      found: 2,
      wrongLocation: 1,
      conditionChanged: 1,
      missing: 2,
      unexpected: 1,
    });
    expect(report.appliedAt).toBeInstanceOf(Date);
    // The report keeps what the register said before the count corrected it.
    expect(lineOf(report, items.moved)).toMatchObject({
      expectedLocation: 'Phòng 101',
      observedLocation: 'Phòng 204',
    });
    expect(lineOf(report, items.worn)).toMatchObject({
      expectedCondition: 'good',
      observedCondition: 'poor',
    });

    const now = async (item: Item | undefined) => staff.equipment.items.byId({ id: item?.id as string });
    expect(await now(items.moved)).toMatchObject({ location: 'Phòng 204', condition: 'good', version: 2 });
    expect(await now(items.worn)).toMatchObject({ location: 'Phòng 101', condition: 'poor', version: 2 });
    expect(await now(items.found)).toMatchObject({ location: 'Phòng 101', version: 1 });
    const lost = await now(items.lost);
    expect(lost).toMatchObject({ status: 'in_use', condition: 'good', location: 'Phòng 101', version: 1 });

    const movedHistory = await staff.equipment.items.history({ id: items.moved?.id as string });
    expect(movedHistory.at(-1)).toMatchObject({
      action: 'equipment.stocktake.adjust',
      actorUsername: 'manager',
      changes: [{ field: 'location', before: 'Phòng 101', after: 'Phòng 204' }],
    });
    const lostHistory = await staff.equipment.items.history({ id: items.lost?.id as string });
    expect(lostHistory.at(-1)).toMatchObject({ action: 'equipment.stocktake.missing' });
    const auditAfter = await h.rows<{ n: number }>(sql`select count(*)::int as n from audit_log`);
    // 2 adjustments + 2 missing + the stock-take itself.
    expect((auditAfter[0]?.n ?? 0) - (auditBefore[0]?.n ?? 0)).toBe(5);
  });

  it('takes no more marks once applied, and a new one can start', async () => {
    await expectTRPCError(
      staff.equipment.stocktakes.mark({
        stocktakeId,
        assetCode: items.lost?.assetCode as string,
        outcome: 'found',
      }),
      'PRECONDITION_FAILED',
      'STOCKTAKE_APPLIED',
    );
    await expectTRPCError(
      staff.equipment.stocktakes.finish({ id: stocktakeId }),
      'PRECONDITION_FAILED',
      'STOCKTAKE_APPLIED',
    );
    await expectTRPCError(
      staff.equipment.stocktakes.report({ id: '00000000-0000-4000-8000-000000000000' }),
      'NOT_FOUND',
      'STOCKTAKE_NOT_FOUND',
    );
    expect(await staff.equipment.stocktakes.current({ facilityId: btxh })).toBeNull();
    const next = await staff.equipment.stocktakes.start({ facilityId: btxh });
    expect(next.expected).toBe(6);
    await staff.equipment.stocktakes.finish({ id: next.id });
  });

  it('exports the report: a summary and every line', async () => {
    const file = await planner.equipment.stocktakes.exportReport({ id: stocktakeId });
    expect(file.filename).toMatch(/^kiem-ke-tai-san-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = await readWorkbook(file.base64);
    const summary = workbook.getWorksheet('Tổng hợp');
    const values = new Map<string, unknown>();
    summary?.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get('Thiếu')).toBe(2);
    expect(values.get('Thừa (ngoài sổ)')).toBe(1);
    const detail = workbook.getWorksheet('Chi tiết');
    expect(detail?.rowCount).toBe(1 + 7);
    const outcomes: unknown[] = [];
    detail?.eachRow((row, n) => {
      if (n > 1) outcomes.push(row.getCell(3).value);
    });
    expect(outcomes.sort()).toEqual(
      ['Có', 'Có', 'Thiếu', 'Thiếu', 'Thừa (ngoài sổ)', 'Sai vị trí', 'Thay đổi tình trạng'].sort(),
    );
  });

  it('an applied report keeps what the register said, after the item changes later', async () => {
    // The expectation is written on the lines when the count is applied.
    const [line] = await h.rows<{ expected_location: string | null; expected_condition: string | null }>(sql`
      select expected_location, expected_condition from equipment_stocktake_lines
      where stocktake_id = ${stocktakeId} and item_id = ${items.moved?.id as string}`);
    expect(line).toEqual({ expected_location: 'Phòng 101', expected_condition: 'good' });
    const moved = await staff.equipment.items.byId({ id: items.moved?.id as string });
    await staff.equipment.items.update({
      id: moved.id,
      version: moved.version,
      location: 'Phòng 305',
      condition: 'fair',
    });
    const lost = await staff.equipment.items.byId({ id: items.lost?.id as string });
    await staff.equipment.items.moveInRooms({ id: lost.id, version: lost.version, location: 'Kho' });
    const report = await planner.equipment.stocktakes.report({ id: stocktakeId });
    expect(lineOf(report, items.moved)).toMatchObject({
      expectedLocation: 'Phòng 101',
      observedLocation: 'Phòng 204',
      expectedCondition: 'good',
    });
    expect(lineOf(report, items.lost)).toMatchObject({ outcome: 'missing', expectedLocation: 'Phòng 101' });
  });

  it('while open, the report reads the register as it is now', async () => {
    const open = await staff.equipment.stocktakes.start({ facilityId: btxh });
    const [line] = await h.rows<{ expected_location: string | null }>(sql`
      select expected_location from equipment_stocktake_lines
      where stocktake_id = ${open.id} and item_id = ${items.lost?.id as string}`);
    expect(line).toEqual({ expected_location: null });
    expect(lineOf(open, items.lost)).toMatchObject({ expectedLocation: 'Kho', expectedCondition: 'good' });
    const lost = await staff.equipment.items.byId({ id: items.lost?.id as string });
    await staff.equipment.items.moveInRooms({ id: lost.id, version: lost.version, location: 'Phòng 102' });
    const report = await staff.equipment.stocktakes.report({ id: open.id });
    expect(lineOf(report, items.lost)).toMatchObject({ expectedLocation: 'Phòng 102' });
  });

  it("lists the facility's stock-takes newest first, with each report's counts, paged", async () => {
    const list = await staff.equipment.stocktakes.list({ facilityId: btxh });
    expect(list.total).toBe(3);
    expect(list.items.map((s) => s.status)).toEqual(['open', 'applied', 'applied']);
    expect(list.items[2]?.id).toBe(stocktakeId);
    for (const summary of list.items) {
      const { lines: _lines, ...counts } = await staff.equipment.stocktakes.report({ id: summary.id });
      expect(summary).toEqual({ ...counts, startedByUsername: 'staff' });
    }
    expect(list.items[2]).toMatchObject({ expected: 6, found: 2, missing: 2, unexpected: 1 });
    const second = await manager.equipment.stocktakes.list({ facilityId: btxh, page: 2, pageSize: 1 });
    expect(second).toMatchObject({ total: 3, items: [{ id: list.items[1]?.id }] });
    // An open count follows its report: an item that left the facility is no longer expected.
    const request = await staff.equipment.requests.disposal({
      itemId: items.late?.id as string,
      reason: 'Hỏng',
    });
    await planner.equipment.requests.decide({ requestId: request.id, approve: true });
    const [open] = (await staff.equipment.stocktakes.list({ facilityId: btxh })).items;
    expect(open?.expected).toBe((list.items[0]?.expected ?? 0) - 1);
    // Another facility's stock-takes are not a centre's to read; the department reads them all.
    await expectTRPCError(staff.equipment.stocktakes.list({ facilityId: treem }), 'FORBIDDEN', 'FORBIDDEN');
    expect((await planner.equipment.stocktakes.list({ facilityId: treem })).total).toBe(0);
  });
});
