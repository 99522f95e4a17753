/**
 * Maintenance dues at scale rest on `equipment_items.next_maintenance_on`, which database triggers keep
 * equal to the earliest of the item's active schedules and its latest record's next date (migration
 * 0009). These tests prove the triggers keep it right through every kind of write, and that the due list,
 * its export, the dashboard counts and the list filters — which all read it — agree with each other.
 */
import type { Item, ItemInput } from '@ansinh/schemas/equipment';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, expectTRPCError, readWorkbook, useApiHarness } from './harness.ts';

const h = useApiHarness();

let admin: Caller;
let planner: Caller;
let staff: Caller;
let btxh: string;
let tamthan: string;
let treem: string;

let serial = 0;
function newItem(facilityId: string, overrides: Partial<ItemInput> = {}): ItemInput {
  serial += 1;
  return {
    assetCode: `DUE-${String(serial).padStart(4, '0')}`,
    name: `Máy tạo oxy ${serial}`,
    modelId: null,
    category: 'medical',
    facilityId,
    location: 'Phòng y tế',
    serialNumber: null,
    tracking: 'individual',
    quantity: 1,
    acquiredOn: '2023-01-10',
    costVnd: 14_000_000,
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

/** The stored column, read straight from the table. */
async function stored(itemId: string): Promise<string | null> {
  const [row] = await h.rows<{ d: string | null }>(
    sql`select next_maintenance_on::text as d from equipment_items where id = ${itemId}`,
  );
  return row?.d ?? null;
}

beforeAll(async () => {
  admin = await h.callerFor('admin');
  planner = await h.callerFor('planner');
  staff = await h.callerFor('staff');
  btxh = await h.facilityId('TN-BTXH');
  tamthan = await h.facilityId('TN-TAMTHAN');
  treem = await h.facilityId('TN-TREEM');
});

describe('the next maintenance date, kept by triggers', () => {
  let item: Item;
  let quarterly: string;

  beforeAll(async () => {
    item = await staff.equipment.items.create(newItem(btxh));
  });

  it('is empty without schedules or records; the earliest active schedule sets it', async () => {
    expect(await stored(item.id)).toBeNull();
    expect(item.nextMaintenanceOn).toBeNull();
    await staff.equipment.maintenance.addSchedule({
      itemId: item.id,
      name: 'Kiểm định hằng năm',
      intervalMonths: 12,
      nextDueOn: '2025-12-01',
    });
    expect(await stored(item.id)).toBe('2025-12-01');
    quarterly = (
      await staff.equipment.maintenance.addSchedule({
        itemId: item.id,
        name: 'Bảo dưỡng quý',
        intervalMonths: 3,
        nextDueOn: '2025-08-20',
      })
    ).id;
    expect(await stored(item.id)).toBe('2025-08-20');
    expect((await staff.equipment.items.byId({ id: item.id })).nextMaintenanceOn).toBe('2025-08-20');
  });

  it('a record inserted: it moves the schedules it satisfies, and its own next date counts', async () => {
    // Done on 25/08: the quarterly schedule moves to 20/11; the record asks to come back on 05/09.
    await staff.equipment.maintenance.record({
      itemId: item.id,
      performedOn: '2025-08-25',
      kind: 'preventive',
      nextDueOn: '2025-09-05',
    });
    expect(await stored(item.id)).toBe('2025-09-05');
    // A later record without a next date supersedes the earlier one's: the schedules decide again.
    await staff.equipment.maintenance.record({
      itemId: item.id,
      performedOn: '2025-08-30',
      kind: 'inspection',
    });
    expect(await stored(item.id)).toBe('2025-11-20');
  });

  it('a deactivated schedule no longer counts', async () => {
    await staff.equipment.maintenance.stopSchedule({ id: quarterly });
    expect(await stored(item.id)).toBe('2025-12-01');
  });

  it("a deleted record no longer counts: the previous record's date comes back", async () => {
    // Records are never deleted through the API; the trigger still has to cope with a correction by hand.
    await h.rows(sql`
      delete from equipment_maintenance
      where item_id = ${item.id} and performed_on = '2025-08-30'`);
    expect(await stored(item.id)).toBe('2025-09-05');
    await h.rows(sql`delete from equipment_maintenance where item_id = ${item.id}`);
    expect(await stored(item.id)).toBe('2025-12-01');
    await h.rows(sql`delete from equipment_maintenance_schedules where item_id = ${item.id}`);
    expect(await stored(item.id)).toBeNull();
  });

  it('one statement over many items refreshes each of them', async () => {
    const many = await Promise.all(
      [0, 1, 2].map(() => admin.equipment.items.create(newItem(tamthan, { name: 'Máy hút dịch' }))),
    );
    const [a, b, c] = many.map((i) => i.id) as [string, string, string];
    await h.rows(sql`
      insert into equipment_maintenance_schedules (item_id, name, interval_months, next_due_on) values
        (${a}, 'Lịch 1', 6, '2026-01-10'), (${a}, 'Lịch 2', 6, '2025-10-10'),
        (${b}, 'Lịch 1', 6, '2026-02-01'), (${c}, 'Lịch 1', 6, '2026-03-01')`);
    expect([await stored(a), await stored(b), await stored(c)]).toEqual([
      '2025-10-10',
      '2026-02-01',
      '2026-03-01',
    ]);
    await h.rows(sql`
      update equipment_maintenance_schedules set next_due_on = next_due_on - 100
      where item_id in (${a}, ${b}) and name = 'Lịch 1'`);
    expect([await stored(a), await stored(b)]).toEqual(['2025-10-02', '2025-10-24']);
    // Moving a schedule to another item refreshes both the old item and the new one.
    await h.rows(sql`update equipment_maintenance_schedules set item_id = ${c} where item_id = ${b}`);
    expect([await stored(b), await stored(c)]).toEqual([null, '2025-10-24']);
  });

  it('every item agrees with the definition', async () => {
    const [row] = await h.rows<{ n: number }>(sql`
      select count(*)::int as n from equipment_items
      where next_maintenance_on is distinct from equipment_next_maintenance(id)`);
    expect(row?.n).toBe(0);
  });
});

describe('due list, dashboard and filters', () => {
  const items: Record<string, Item> = {};
  // Its own facility, so the earlier tests' items do not count here.
  let facility: string;

  beforeAll(async () => {
    facility = await h.facilityId('TN-CTXH-BK');
    const make = (key: string, facilityId = facility) =>
      admin.equipment.items.create(newItem(facilityId, { name: `Thiết bị ${key}` })).then((i) => {
        items[key] = i;
        return i.id;
      });
    // Two dues on one item: its record's next date (overdue) and a schedule (due soon).
    const both = await make('both');
    await admin.equipment.maintenance.record({
      itemId: both,
      performedOn: '2025-03-01',
      kind: 'calibration',
      nextDueOn: '2025-08-25',
    });
    await admin.equipment.maintenance.addSchedule({
      itemId: both,
      name: 'Bảo dưỡng quý',
      intervalMonths: 3,
      nextDueOn: '2025-09-20',
    });
    const soon = await make('soon');
    await admin.equipment.maintenance.addSchedule({
      itemId: soon,
      name: 'Vệ sinh định kỳ',
      intervalMonths: 1,
      nextDueOn: '2025-09-10',
    });
    const later = await make('later');
    await admin.equipment.maintenance.addSchedule({
      itemId: later,
      name: 'Kiểm định an toàn',
      intervalMonths: 12,
      nextDueOn: '2025-12-01',
    });
    // A disposed item's dues leave every list and count.
    const gone = await make('gone');
    await admin.equipment.maintenance.addSchedule({
      itemId: gone,
      name: 'Bảo dưỡng',
      intervalMonths: 6,
      nextDueOn: '2025-08-01',
    });
    const disposal = await admin.equipment.requests.disposal({ itemId: gone, reason: 'Hỏng hẳn' });
    await planner.equipment.requests.decide({ requestId: disposal.id, approve: true });
    // Elsewhere: another facility's due, and one of the staff's own centre.
    const elsewhere = await make('elsewhere', treem);
    await admin.equipment.maintenance.addSchedule({
      itemId: elsewhere,
      name: 'Bảo dưỡng',
      intervalMonths: 6,
      nextDueOn: '2025-08-05',
    });
    const mine = await make('mine', btxh);
    await admin.equipment.maintenance.addSchedule({
      itemId: mine,
      name: 'Bảo dưỡng',
      intervalMonths: 6,
      nextDueOn: '2025-09-05',
    });
  });

  it('lists each due of an item (record and schedule), soonest first, with what it is', async () => {
    const page = await planner.equipment.maintenance.due({ facilityId: facility });
    expect(page.total).toBe(3);
    expect(page.items).toEqual([
      {
        itemId: items.both?.id,
        assetCode: items.both?.assetCode,
        name: 'Thiết bị both',
        facilityName: 'Trung tâm Công tác xã hội Bắc Kạn',
        scheduleName: null,
        kind: 'calibration',
        performedOn: '2025-03-01',
        what: 'Hẹn sau lần hiệu chuẩn ngày 01/03/2025',
        dueOn: '2025-08-25',
        overdue: true,
      },
      expect.objectContaining({
        itemId: items.soon?.id,
        scheduleName: 'Vệ sinh định kỳ',
        kind: null,
        performedOn: null,
        what: 'Vệ sinh định kỳ',
        dueOn: '2025-09-10',
        overdue: false,
      }),
      expect.objectContaining({ itemId: items.both?.id, scheduleName: 'Bảo dưỡng quý', dueOn: '2025-09-20' }),
    ]);
    const wider = await planner.equipment.maintenance.due({ facilityId: facility, withinDays: 120 });
    expect(wider.items.map((d) => d.dueOn)).toEqual(['2025-08-25', '2025-09-10', '2025-09-20', '2025-12-01']);
    // Pages are cut from the same order, whatever their size (a page reads only the first items by
    // their next date; an item's later dues must still land on the right page).
    const second = await planner.equipment.maintenance.due({ facilityId: facility, page: 2, pageSize: 2 });
    expect(second).toMatchObject({ total: 3, items: [{ dueOn: '2025-09-20' }] });
    const key = (d: { itemId: string; dueOn: string }) => `${d.itemId} ${d.dueOn}`;
    for (const pageSize of [1, 2, 3]) {
      const cut: string[] = [];
      for (let page = 1; page <= Math.ceil(wider.total / pageSize); page++) {
        const part = await planner.equipment.maintenance.due({
          facilityId: facility,
          withinDays: 120,
          page,
          pageSize,
        });
        expect(part.total).toBe(4);
        cut.push(...part.items.map(key));
      }
      expect(cut).toEqual(wider.items.map(key));
    }
  });

  it('the dashboard counts and the list filters agree with the due list', async () => {
    const dashboard = await planner.equipment.dashboard({ facilityId: facility });
    // Counted by item, on its earliest due: "both" is overdue (25/08), "soon" is due.
    expect([dashboard.maintenanceDue, dashboard.maintenanceOverdue]).toEqual([1, 1]);
    const listed = async (maintenance: 'due' | 'overdue') =>
      (await planner.equipment.items.list({ facilityId: facility, maintenance })).items.map((i) => i.name);
    expect(await listed('overdue')).toEqual(['Thiết bị both']);
    expect(await listed('due')).toEqual(['Thiết bị soon']);
    const province = await planner.equipment.dashboard({});
    expect(province.maintenanceOverdue).toBeGreaterThanOrEqual(2);
    const overdue = (await planner.equipment.items.list({ maintenance: 'overdue', pageSize: 100 })).items;
    expect(overdue.map((i) => i.name)).toEqual(
      expect.arrayContaining(['Thiết bị both', 'Thiết bị elsewhere']),
    );
    expect(overdue.map((i) => i.name)).not.toContain('Thiết bị gone');
    expect(province.maintenanceOverdue).toBe(
      (await planner.equipment.items.list({ maintenance: 'overdue' })).total,
    );
  });

  it('province-wide for planners; centre staff see their own centre only', async () => {
    const all = await planner.equipment.maintenance.due({ pageSize: 100 });
    const names = all.items.map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining(['Thiết bị both', 'Thiết bị elsewhere', 'Thiết bị mine']));
    expect(names).not.toContain('Thiết bị gone');
    // Province-wide the dues are counted from their side; per facility item by item: they agree.
    expect(all.total).toBe(all.items.length);
    const facilities = await h.rows<{ id: string }>(sql`select id from facilities`);
    let sum = 0;
    for (const f of facilities) sum += (await planner.equipment.maintenance.due({ facilityId: f.id })).total;
    expect(sum).toBe(all.total);
    const own = await staff.equipment.maintenance.due({ pageSize: 100 });
    expect(own.items.map((d) => d.name)).toContain('Thiết bị mine');
    for (const d of own.items) expect(d.facilityName).toBe(items.mine?.facilityName);
    await expectTRPCError(
      staff.equipment.maintenance.due({ facilityId: facility }),
      'FORBIDDEN',
      'FORBIDDEN',
    );
    await expectTRPCError(
      staff.equipment.maintenance.exportDue({ facilityId: facility }),
      'FORBIDDEN',
      'FORBIDDEN',
    );
  });

  it('exports the due list as it is filtered', async () => {
    const file = await planner.equipment.maintenance.exportDue({ facilityId: facility, withinDays: 120 });
    expect(file.filename).toMatch(/^bao-duong-den-han-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = (await readWorkbook(file.base64)).worksheets[0];
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual([
      'Mã tài sản',
      'Tên tài sản',
      'Cơ sở',
      'Nội dung',
      'Hạn',
      'Tình trạng ngày 01/09/2025',
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[3], r[4], r[5]])).toEqual([
      [
        items.both?.assetCode,
        'Hẹn sau lần hiệu chuẩn ngày 01/03/2025',
        new Date('2025-08-25T00:00:00Z'),
        'Quá hạn',
      ],
      [items.soon?.assetCode, 'Vệ sinh định kỳ', new Date('2025-09-10T00:00:00Z'), 'Sắp đến hạn'],
      [items.both?.assetCode, 'Bảo dưỡng quý', new Date('2025-09-20T00:00:00Z'), 'Sắp đến hạn'],
      [items.later?.assetCode, 'Kiểm định an toàn', new Date('2025-12-01T00:00:00Z'), 'Sắp đến hạn'],
    ]);
    const own = await staff.equipment.maintenance.exportDue({});
    const ownSheet = (await readWorkbook(own.base64)).worksheets[0];
    const facilities = new Set<unknown>();
    ownSheet?.eachRow((row, n) => n > 1 && facilities.add(row.getCell(3).value));
    expect([...facilities]).toEqual([items.mine?.facilityName]);
  });
});
