/**
 * What happens to items over time: transfers between facilities and disposals (asked by the centre,
 * decided by the department), maintenance records and schedules with their due and overdue lists by the
 * clock, and the dashboard's sums, useful-life flags and minimum-quantity shortfalls.
 */
import { bookValue, isPastUsefulLife, minimumShortfall } from '@ansinh/domain/equipment/depreciation';
import type { Item, ItemInput } from '@ansinh/schemas/equipment';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, expectTRPCError, fieldErrorsOf, HOUR, readWorkbook, useApiHarness } from './harness.ts';

const h = useApiHarness();
const DAY = 24 * HOUR;

let admin: Caller;
let planner: Caller;
let staff: Caller;
let operator: Caller;
const id: Record<string, string> = {};

let serial = 0;
function newItem(facilityId: string, overrides: Partial<ItemInput> = {}): ItemInput {
  serial += 1;
  return {
    assetCode: `WF-${String(serial).padStart(4, '0')}`,
    name: 'Máy đo huyết áp điện tử',
    modelId: null,
    category: 'medical',
    facilityId,
    location: 'Phòng y tế',
    serialNumber: null,
    tracking: 'individual',
    quantity: 1,
    acquiredOn: '2023-01-10',
    costVnd: 2_400_000,
    usefulLifeYears: 5,
    fundingSource: 'provincial_budget',
    condition: 'good',
    status: 'in_use',
    warrantyUntil: null,
    notes: null,
    custom: {},
    ...overrides,
  };
}

const today = () => h.clock.now().toISOString().slice(0, 10);

beforeAll(async () => {
  admin = await h.callerFor('admin');
  planner = await h.callerFor('planner');
  staff = await h.callerFor('staff');
  operator = await h.callerFor('operator');
  for (const code of ['TN-BTXH', 'TN-TREEM', 'TN-TAMTHAN', 'TN-CTXH-BK', 'NCL-HUONGDUONG']) {
    id[code] = await h.facilityId(code);
  }
});

describe('transfers between facilities', () => {
  let item: Item;

  beforeAll(async () => {
    item = await staff.equipment.items.create(newItem(id['TN-BTXH'] as string, { location: 'Phòng 3' }));
  });

  it('the centre asks; a second request while one is pending is refused', async () => {
    const request = await staff.equipment.requests.transfer({
      itemId: item.id,
      toFacilityId: id['TN-TREEM'] as string,
      reason: 'Trung tâm trẻ em thiếu máy đo',
    });
    expect(request).toMatchObject({
      kind: 'transfer',
      status: 'requested',
      assetCode: item.assetCode,
      fromFacilityName: expect.stringContaining('Bảo trợ'),
      toFacilityName: expect.stringContaining('trẻ em'),
      requestedByUsername: 'staff',
      decidedByUsername: null,
    });
    await expectTRPCError(
      staff.equipment.requests.disposal({ itemId: item.id, reason: 'Hỏng' }),
      'CONFLICT',
      'REQUEST_PENDING',
    );
    // The item has not moved yet.
    expect((await staff.equipment.items.byId({ id: item.id })).facilityId).toBe(id['TN-BTXH']);
  });

  it('a transfer to the facility the item is in is refused', async () => {
    const other = await staff.equipment.items.create(newItem(id['TN-BTXH'] as string));
    const error = await expectTRPCError(
      staff.equipment.requests.transfer({
        itemId: other.id,
        toFacilityId: id['TN-BTXH'] as string,
        reason: 'Nhầm',
      }),
      'BAD_REQUEST',
    );
    expect(fieldErrorsOf(error).toFacilityId).toBeDefined();
  });

  it('the planner approves: the item is in the new facility, without a room, in one audited change', async () => {
    const [pending] = (await planner.equipment.requests.list({ status: 'requested', kind: 'transfer' }))
      .items;
    expect(pending?.itemId).toBe(item.id);
    const decided = await planner.equipment.requests.decide({
      requestId: pending?.id as string,
      approve: true,
      note: 'Đồng ý',
    });
    expect(decided).toMatchObject({
      status: 'approved',
      decidedByUsername: 'planner',
      decisionNote: 'Đồng ý',
    });
    expect(decided.decidedAt).toBeInstanceOf(Date);
    const moved = await planner.equipment.items.byId({ id: item.id });
    expect(moved).toMatchObject({ facilityId: id['TN-TREEM'], location: null, version: item.version + 1 });
    const history = await planner.equipment.items.history({ id: item.id });
    expect(history.at(-1)).toMatchObject({ action: 'equipment.item.transfer', actorUsername: 'planner' });
    expect(history.at(-1)?.changes).toEqual(
      expect.arrayContaining([
        { field: 'facilityId', before: id['TN-BTXH'], after: id['TN-TREEM'] },
        { field: 'location', before: 'Phòng 3', after: null },
      ]),
    );
    // The old centre no longer reaches the item, but still sees the request it made, from itself.
    await expectTRPCError(staff.equipment.items.byId({ id: item.id }), 'FORBIDDEN', 'FORBIDDEN');
    const staffView = (await staff.equipment.requests.list({})).items.find((r) => r.id === decided.id);
    expect(staffView?.fromFacilityName).toContain('Bảo trợ');
  });

  it('the origin is kept on the request: it survives the transfer, whatever the audit log holds', async () => {
    const [approved] = (await planner.equipment.requests.list({ status: 'approved', kind: 'transfer' }))
      .items;
    expect(approved?.itemId).toBe(item.id);
    const [row] = await h.rows<{ from_facility_id: string }>(
      sql`select from_facility_id from equipment_requests where id = ${approved?.id as string}`,
    );
    expect(row?.from_facility_id).toBe(id['TN-BTXH']);
    // The column is the record, not the audit trail: without its audit row the request still says where
    // the item came from, and the old centre (neither holder nor receiver now) still sees it.
    await h.rows(sql`
      delete from audit_log
      where entity_type = 'equipment_request' and entity_id = ${approved?.id as string}`);
    const staffView = (await staff.equipment.requests.list({ pageSize: 100 })).items.find(
      (r) => r.id === approved?.id,
    );
    expect(staffView?.fromFacilityName).toContain('Bảo trợ');
    expect(staffView?.toFacilityName).toContain('trẻ em');
  });

  it('exports the request list as it is filtered, in the caller’s scope', async () => {
    const listed = await planner.equipment.requests.list({ status: 'approved', pageSize: 100 });
    const file = await planner.equipment.requests.export({ status: 'approved' });
    expect(file.filename).toMatch(/^de-nghi-dieu-chuyen-thanh-ly-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = (await readWorkbook(file.base64)).worksheets[0];
    const rows: unknown[][] = [];
    sheet?.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual([
      'Ngày đề nghị',
      'Loại đề nghị',
      'Mã tài sản',
      'Tên tài sản',
      'Cơ sở đề nghị',
      'Cơ sở nhận',
      'Lý do',
      'Người đề nghị',
      'Trạng thái',
      'Ngày quyết định',
      'Người quyết định',
      'Ý kiến của Sở',
    ]);
    expect(rows.slice(1).map((r) => r[2])).toEqual(listed.items.map((r) => r.assetCode));
    // Dates are the request's calendar days in Việt Nam (the database stamps them with its own clock).
    const request = listed.items.find((r) => r.assetCode === item.assetCode);
    const vnDay = (at: Date | null | undefined) =>
      new Date(
        `${new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(at ?? 0)}T00:00:00Z`,
      );
    const transfer = rows.find((r) => r[2] === item.assetCode) ?? [];
    expect(transfer).toEqual([
      vnDay(request?.createdAt),
      'Điều chuyển',
      item.assetCode,
      item.name,
      expect.stringContaining('Bảo trợ'),
      expect.stringContaining('trẻ em'),
      'Trung tâm trẻ em thiếu máy đo',
      'staff',
      'Đã duyệt',
      vnDay(request?.decidedAt),
      'planner',
      'Đồng ý',
    ]);
    // A centre's file holds what its list holds.
    const own = await operator.equipment.requests.export({});
    const ownSheet = (await readWorkbook(own.base64)).worksheets[0];
    const codes: unknown[] = [];
    ownSheet?.eachRow((r, n) => n > 1 && codes.push(r.getCell(3).value));
    expect(codes).not.toContain(item.assetCode);
    expect(codes).toHaveLength((await operator.equipment.requests.list({})).total);
  });

  it('a decision is made once', async () => {
    const [done] = (await planner.equipment.requests.list({ status: 'approved' })).items;
    await expectTRPCError(
      planner.equipment.requests.decide({ requestId: done?.id as string, approve: false }),
      'PRECONDITION_FAILED',
      'REQUEST_DECIDED',
    );
    await expectTRPCError(
      planner.equipment.requests.decide({ requestId: '00000000-0000-4000-8000-000000000000', approve: true }),
      'NOT_FOUND',
      'REQUEST_NOT_FOUND',
    );
  });

  it('a rejection leaves the item where it is and frees it for a new request', async () => {
    const other = await staff.equipment.items.create(newItem(id['TN-BTXH'] as string));
    const request = await staff.equipment.requests.transfer({
      itemId: other.id,
      toFacilityId: id['TN-TAMTHAN'] as string,
      reason: 'Điều chuyển',
    });
    const rejected = await admin.equipment.requests.decide({
      requestId: request.id,
      approve: false,
      note: 'Chưa cần',
    });
    expect(rejected).toMatchObject({ status: 'rejected', decidedByUsername: 'admin' });
    expect(await staff.equipment.items.byId({ id: other.id })).toMatchObject({
      facilityId: id['TN-BTXH'],
      version: 1,
    });
    await staff.equipment.requests.disposal({ itemId: other.id, reason: 'Thanh lý' });
  });
});

describe('disposal (thanh lý)', () => {
  let item: Item;
  let before: { items: number; cost: number };

  beforeAll(async () => {
    item = await staff.equipment.items.create(
      newItem(id['TN-BTXH'] as string, { name: 'Tủ lạnh cũ', category: 'kitchen', costVnd: 9_000_000 }),
    );
    const dashboard = await staff.equipment.dashboard({});
    const kitchen = dashboard.valueByCategory.find((c) => c.category === 'kitchen');
    before = { items: kitchen?.items ?? 0, cost: kitchen?.costVnd ?? 0 };
    const request = await staff.equipment.requests.disposal({
      itemId: item.id,
      reason: 'Hỏng block, không sửa được',
    });
    await planner.equipment.requests.decide({ requestId: request.id, approve: true });
  });

  it('marks the item disposed today', async () => {
    expect(await staff.equipment.items.byId({ id: item.id })).toMatchObject({
      status: 'disposed',
      disposedOn: today(),
      version: 2,
    });
  });

  it('leaves lists (unless asked for) and dashboard counts, keeps its record and history', async () => {
    expect((await staff.equipment.items.list({ search: item.assetCode })).total).toBe(0);
    expect((await staff.equipment.items.list({ search: item.assetCode, includeDisposed: true })).total).toBe(
      1,
    );
    expect((await staff.equipment.items.list({ status: 'disposed' })).items.map((i) => i.id)).toContain(
      item.id,
    );
    const kitchen = (await staff.equipment.dashboard({})).valueByCategory.find(
      (c) => c.category === 'kitchen',
    );
    expect({ items: kitchen?.items ?? 0, cost: kitchen?.costVnd ?? 0 }).toEqual({
      items: before.items - 1,
      cost: before.cost - 9_000_000,
    });
    const history = await staff.equipment.items.history({ id: item.id });
    expect(history.map((e) => e.action)).toEqual(['equipment.item.create', 'equipment.item.dispose']);
    expect(history[1]?.changes).toEqual(
      expect.arrayContaining([
        { field: 'status', before: 'in_use', after: 'disposed' },
        { field: 'disposedOn', before: null, after: today() },
      ]),
    );
  });

  it('a disposed item takes no more edits, requests or maintenance', async () => {
    await expectTRPCError(
      staff.equipment.items.update({ id: item.id, version: 2, notes: 'x' }),
      'PRECONDITION_FAILED',
      'ITEM_DISPOSED',
    );
    await expectTRPCError(
      staff.equipment.requests.transfer({
        itemId: item.id,
        toFacilityId: id['TN-TREEM'] as string,
        reason: 'Chuyển',
      }),
      'PRECONDITION_FAILED',
      'ITEM_DISPOSED',
    );
    await expectTRPCError(
      staff.equipment.maintenance.record({ itemId: item.id, performedOn: today(), kind: 'corrective' }),
      'PRECONDITION_FAILED',
      'ITEM_DISPOSED',
    );
  });
});

describe('maintenance', () => {
  it('a record moves forward every schedule it satisfies, keeping its rhythm', async () => {
    const item = await staff.equipment.items.create(newItem(id['TN-BTXH'] as string));
    const add = (name: string, intervalMonths: number, nextDueOn: string) =>
      staff.equipment.maintenance.addSchedule({ itemId: item.id, name, intervalMonths, nextDueOn });
    const calibration = await add('Hiệu chuẩn hằng năm', 12, '2025-08-15');
    const cleaning = await add('Vệ sinh hằng tháng', 1, '2025-09-10');
    const longOverdue = await add('Kiểm tra pin', 1, '2025-01-31');
    const record = await staff.equipment.maintenance.record({
      itemId: item.id,
      performedOn: '2025-09-01',
      kind: 'calibration',
      costVnd: 350_000,
      supplier: 'Công ty TNHH Y tế Thái Nguyên',
      nextDueOn: '2026-03-01',
    });
    expect(record).toMatchObject({ kind: 'calibration', costVnd: 350_000, nextDueOn: '2026-03-01' });
    const schedules = Object.fromEntries(
      (await staff.equipment.maintenance.schedules({ itemId: item.id })).map((s) => [s.id, s.nextDueOn]),
    );
    expect(schedules).toEqual({
      [calibration.id]: '2026-08-15',
      [cleaning.id]: '2025-09-10',
      [longOverdue.id]: '2025-09-30',
    });
    expect((await staff.equipment.items.byId({ id: item.id })).nextMaintenanceOn).toBe('2025-09-10');
    expect(await staff.equipment.maintenance.listForItem({ itemId: item.id })).toEqual([record]);
    const history = await staff.equipment.items.history({ id: item.id });
    expect(history.at(-1)).toMatchObject({ action: 'equipment.maintenance.record' });
    expect(
      history
        .at(-1)
        ?.changes.map((c) => c.field)
        .sort(),
    ).toEqual(['maintenance', 'schedules']);
  });

  it('refuses a next date not after the work, and work in the future', async () => {
    const item = await staff.equipment.items.create(newItem(id['TN-BTXH'] as string));
    const early = await expectTRPCError(
      staff.equipment.maintenance.record({
        itemId: item.id,
        performedOn: '2025-08-01',
        kind: 'preventive',
        nextDueOn: '2025-08-01',
      }),
      'BAD_REQUEST',
    );
    expect(fieldErrorsOf(early).nextDueOn).toBeDefined();
    const future = await expectTRPCError(
      staff.equipment.maintenance.record({ itemId: item.id, performedOn: '2025-09-02', kind: 'preventive' }),
      'BAD_REQUEST',
    );
    expect(fieldErrorsOf(future).performedOn).toBeDefined();
  });

  describe('due and overdue, by the clock', () => {
    const facility = () => id['TN-TAMTHAN'] as string;
    const items: Record<string, Item> = {};

    beforeAll(async () => {
      for (const key of ['soon', 'late', 'far']) {
        items[key] = await admin.equipment.items.create(newItem(facility(), { name: `Máy thở ${key}` }));
      }
      await admin.equipment.maintenance.addSchedule({
        itemId: items.soon?.id as string,
        name: 'Bảo dưỡng quý',
        intervalMonths: 3,
        nextDueOn: '2025-09-20',
      });
      await admin.equipment.maintenance.record({
        itemId: items.late?.id as string,
        performedOn: '2025-02-20',
        kind: 'preventive',
        nextDueOn: '2025-08-20',
      });
      await admin.equipment.maintenance.addSchedule({
        itemId: items.far?.id as string,
        name: 'Kiểm định an toàn',
        intervalMonths: 12,
        nextDueOn: '2025-12-01',
      });
    });

    const due = async (withinDays = 30) =>
      (await planner.equipment.maintenance.due({ facilityId: facility(), withinDays })).items.map((d) => [
        d.assetCode,
        d.dueOn,
        d.overdue,
      ]);

    it('lists what falls due within N days, and everything overdue, soonest first', async () => {
      expect(await due()).toEqual([
        [items.late?.assetCode, '2025-08-20', true],
        [items.soon?.assetCode, '2025-09-20', false],
      ]);
      expect(await due(120)).toHaveLength(3);
      const [first] = (await planner.equipment.maintenance.due({ facilityId: facility() })).items;
      expect(first).toMatchObject({
        what: 'Hẹn sau lần bảo dưỡng định kỳ ngày 20/02/2025',
        scheduleName: null,
        kind: 'preventive',
        performedOn: '2025-02-20',
      });
      const dashboard = await planner.equipment.dashboard({ facilityId: facility() });
      expect([dashboard.maintenanceDue, dashboard.maintenanceOverdue]).toEqual([1, 1]);
      const listed = async (maintenance: 'due' | 'overdue') =>
        (await planner.equipment.items.list({ facilityId: facility(), maintenance })).items.map((i) => i.id);
      expect(await listed('overdue')).toEqual([items.late?.id]);
      expect(await listed('due')).toEqual([items.soon?.id]);
    });

    it('what is due today becomes overdue tomorrow', async () => {
      h.clock.advance(20 * DAY); // 2025-09-21
      try {
        expect(await due()).toEqual([
          [items.late?.assetCode, '2025-08-20', true],
          [items.soon?.assetCode, '2025-09-20', true],
        ]);
        const dashboard = await planner.equipment.dashboard({ facilityId: facility() });
        expect([dashboard.maintenanceDue, dashboard.maintenanceOverdue]).toEqual([0, 2]);
      } finally {
        h.clock.advance(-20 * DAY);
      }
    });

    it('a later record supersedes the earlier next date; a stopped schedule is no longer due', async () => {
      await admin.equipment.maintenance.record({
        itemId: items.late?.id as string,
        performedOn: '2025-08-30',
        kind: 'corrective',
      });
      const [soonSchedule] = await admin.equipment.maintenance.schedules({
        itemId: items.soon?.id as string,
      });
      const stopped = await admin.equipment.maintenance.stopSchedule({ id: soonSchedule?.id as string });
      expect(stopped.active).toBe(false);
      expect(await due()).toEqual([]);
      expect(
        (await admin.equipment.items.byId({ id: items.soon?.id as string })).nextMaintenanceOn,
      ).toBeNull();
    });
  });
});

describe('dashboard', () => {
  const facility = () => id['TN-CTXH-BK'] as string; // 60 licensed beds
  let bedModel: string;
  let liftModel: string;

  beforeAll(async () => {
    bedModel = (
      await admin.equipment.models.create({
        name: 'Giường chăm sóc đặc biệt',
        category: 'beds_furniture',
        usefulLifeYears: 10,
        minPerBed: 0.5,
      })
    ).id;
    liftModel = (
      await admin.equipment.models.create({
        name: 'Thiết bị nâng chuyển người bệnh',
        category: 'rehabilitation',
        usefulLifeYears: 8,
        minPerFacility: 2,
      })
    ).id;
    const f = facility();
    const make = (overrides: Partial<ItemInput>) => admin.equipment.items.create(newItem(f, overrides));
    await make({
      name: 'Giường chăm sóc',
      category: 'beds_furniture',
      modelId: bedModel,
      tracking: 'stock',
      quantity: 10,
      costVnd: 85_000_000,
      acquiredOn: '2021-07-31',
      usefulLifeYears: 10,
    });
    await make({
      name: 'Giường chăm sóc',
      category: 'beds_furniture',
      modelId: bedModel,
      costVnd: 9_100_000,
      acquiredOn: '2024-02-29',
      usefulLifeYears: 10,
    });
    await make({
      name: 'Máy nâng',
      category: 'rehabilitation',
      modelId: liftModel,
      costVnd: 45_000_000,
      acquiredOn: '2016-05-20',
      usefulLifeYears: 8,
    });
    await make({
      name: 'Máy tính',
      category: 'it',
      costVnd: 17_333_333,
      acquiredOn: '2019-12-31',
      usefulLifeYears: 5,
    });
    await make({
      name: 'Xe đẩy thức ăn',
      category: 'kitchen',
      tracking: 'stock',
      quantity: 3,
      costVnd: 7_777_777,
      acquiredOn: '2025-08-31',
      usefulLifeYears: 7,
    });
    // A disposed bed counts for nothing.
    const old = await make({
      name: 'Giường cũ',
      category: 'beds_furniture',
      modelId: bedModel,
      tracking: 'stock',
      quantity: 5,
      costVnd: 10_000_000,
      acquiredOn: '2010-01-01',
      usefulLifeYears: 10,
    });
    const request = await admin.equipment.requests.disposal({ itemId: old.id, reason: 'Mục nát' });
    await planner.equipment.requests.decide({ requestId: request.id, approve: true });
  });

  async function allItems(caller: Caller, facilityId?: string): Promise<Item[]> {
    const items: Item[] = [];
    for (let page = 1; ; page++) {
      const result = await caller.equipment.items.list({ facilityId, page, pageSize: 100 });
      items.push(...result.items);
      if (items.length >= result.total) return items;
    }
  }

  const sums = (items: Item[]) => ({
    items: items.reduce((s, i) => s + i.quantity, 0),
    costVnd: items.reduce((s, i) => s + i.costVnd, 0),
    bookValueVnd: items.reduce((s, i) => s + bookValue(i, today()), 0),
  });

  it('sums value by facility and by category as the items (book value by the domain rule)', async () => {
    const items = await allItems(planner, facility());
    const dashboard = await planner.equipment.dashboard({ facilityId: facility() });
    expect(dashboard.valueByFacility).toEqual([
      { facilityId: facility(), facilityName: 'Trung tâm Công tác xã hội Bắc Kạn', ...sums(items) },
    ]);
    const categories = [...new Set(items.map((i) => i.category))];
    expect(dashboard.valueByCategory).toHaveLength(categories.length);
    for (const row of dashboard.valueByCategory) {
      expect(row).toEqual({
        category: row.category,
        ...sums(items.filter((i) => i.category === row.category)),
      });
    }
    const past = items.filter((i) => isPastUsefulLife(i, today()));
    expect(past.map((i) => i.name).sort()).toEqual(['Máy nâng', 'Máy tính']);
    expect(dashboard.pastUsefulLife).toEqual({
      items: past.reduce((s, i) => s + i.quantity, 0),
      replacementCostVnd: past.reduce((s, i) => s + i.costVnd, 0),
    });
  });

  it('province-wide, for planners: every facility, adding up to the whole', async () => {
    const items = await allItems(planner);
    const dashboard = await planner.equipment.dashboard({});
    const total = sums(items);
    const add = (rows: { items: number; costVnd: number; bookValueVnd: number }[]) => ({
      items: rows.reduce((s, r) => s + r.items, 0),
      costVnd: rows.reduce((s, r) => s + r.costVnd, 0),
      bookValueVnd: rows.reduce((s, r) => s + r.bookValueVnd, 0),
    });
    expect(add(dashboard.valueByFacility)).toEqual(total);
    expect(add(dashboard.valueByCategory)).toEqual(total);
    expect(new Set(dashboard.valueByFacility.map((f) => f.facilityId))).toEqual(
      new Set(items.map((i) => i.facilityId)),
    );
  });

  it('shortfalls: the larger of the per-facility floor and the per-bed ratio, against active quantity', async () => {
    const dashboard = await planner.equipment.dashboard({ facilityId: facility() });
    const beds = minimumShortfall({ perFacility: null, perBed: 0.5 }, 60, 11);
    expect(beds).toBe(19);
    expect(dashboard.shortfalls).toEqual([
      {
        facilityId: facility(),
        facilityName: 'Trung tâm Công tác xã hội Bắc Kạn',
        modelId: bedModel,
        modelName: 'Giường chăm sóc đặc biệt',
        required: 30,
        active: 11,
        lacking: 19,
      },
      {
        facilityId: facility(),
        facilityName: 'Trung tâm Công tác xã hội Bắc Kạn',
        modelId: liftModel,
        modelName: 'Thiết bị nâng chuyển người bệnh',
        required: 2,
        active: 1,
        lacking: 1,
      },
    ]);
    // Province-wide, every operating facility without the lift lacks two; beds use each licensed capacity.
    const province = await planner.equipment.dashboard({});
    const [treemCapacity] = await h.rows<{ c: number }>(
      sql`select licensed_capacity as c from facilities where code = 'TN-TREEM'`,
    );
    expect(province.shortfalls).toContainEqual(
      expect.objectContaining({
        facilityId: id['TN-TREEM'],
        modelId: liftModel,
        required: 2,
        active: 0,
        lacking: 2,
      }),
    );
    expect(province.shortfalls).toContainEqual(
      expect.objectContaining({
        facilityId: id['TN-TREEM'],
        modelId: bedModel,
        required: Math.ceil(0.5 * (treemCapacity?.c ?? 0)),
      }),
    );
  });

  it('operators and centre staff see their own facility only', async () => {
    const mine = await operator.equipment.dashboard({});
    for (const row of mine.valueByFacility) expect(row.facilityId).toBe(id['NCL-HUONGDUONG']);
    for (const row of mine.shortfalls) expect(row.facilityId).toBe(id['NCL-HUONGDUONG']);
    await expectTRPCError(staff.equipment.dashboard({ facilityId: facility() }), 'FORBIDDEN', 'FORBIDDEN');
  });
});
