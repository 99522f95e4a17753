/**
 * The province-wide dashboard roll-up reads every active item, so the API keeps it while the 'equipment'
 * revision stands (triggers bump it on every write to what the roll-up reads). These tests prove the
 * province totals follow every kind of write and the day, that a kept roll-up is really reused while the
 * revision stands, and (once the revision's triggers exist) which writes bump it.
 */
import type { ItemInput } from '@ansinh/schemas/equipment';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, formOf, HOUR, useApiHarness } from './harness.ts';

const h = useApiHarness();
const DAY = 24 * HOUR;

let admin: Caller;
let planner: Caller;
let staff: Caller;
let btxh: string;

let serial = 0;
function newItem(facilityId: string, overrides: Partial<ItemInput> = {}): ItemInput {
  serial += 1;
  return {
    assetCode: `DSH-${String(serial).padStart(4, '0')}`,
    name: 'Máy giặt công nghiệp',
    modelId: null,
    category: 'laundry',
    facilityId,
    location: 'Nhà giặt',
    serialNumber: null,
    tracking: 'individual',
    quantity: 1,
    acquiredOn: '2022-03-15',
    costVnd: 84_000_000,
    usefulLifeYears: 10,
    fundingSource: 'provincial_budget',
    condition: 'good',
    status: 'in_use',
    warrantyUntil: null,
    notes: null,
    custom: {},
    ...overrides,
  };
}

const total = (rows: { costVnd: number }[]) => rows.reduce((s, r) => s + r.costVnd, 0);
const bookTotal = (rows: { bookValueVnd: number }[]) => rows.reduce((s, r) => s + r.bookValueVnd, 0);

async function revision(): Promise<number | null> {
  const [row] = await h.rows<{ value: number }>(
    sql`select value::float8 as value from data_revisions where name = 'equipment'`,
  );
  return row ? Number(row.value) : null;
}

beforeAll(async () => {
  admin = await h.callerFor('admin');
  planner = await h.callerFor('planner');
  staff = await h.callerFor('staff');
  btxh = await h.facilityId('TN-BTXH');
});

describe('province totals', () => {
  it('follow every write to items, models and facilities, and the day', async () => {
    const model = await admin.equipment.models.create({
      name: 'Máy sấy công nghiệp',
      category: 'laundry',
      usefulLifeYears: 10,
      minPerFacility: 1,
    });
    const item = await staff.equipment.items.create(newItem(btxh, { modelId: model.id }));
    await admin.equipment.items.create(newItem(await h.facilityId('TN-TREEM'), { acquiredOn: '2020-06-30' }));
    const first = await planner.equipment.dashboard({});
    // Asked again with nothing changed: the same answer.
    expect(await planner.equipment.dashboard({})).toEqual(first);

    const edited = await staff.equipment.items.update({
      id: item.id,
      version: item.version,
      costVnd: 90_000_000,
    });
    const afterEdit = await planner.equipment.dashboard({});
    expect(total(afterEdit.valueByFacility) - total(first.valueByFacility)).toBe(6_000_000);

    // A model's minimum: every operating facility without one now lacks it, except the one that has it.
    await admin.equipment.models.update({ id: model.id, version: model.version, minPerFacility: 2 });
    const lacking = (await planner.equipment.dashboard({})).shortfalls.filter((s) => s.modelId === model.id);
    expect(lacking.find((s) => s.facilityId === btxh)).toMatchObject({ active: 1, lacking: 1 });

    // A facility's name is read from the facility.
    const facility = await planner.facilities.byId({ id: btxh });
    await planner.facilities.update({ ...formOf(facility), name: `${facility.name} (cơ sở 2)` });
    const renamed = (await planner.equipment.dashboard({})).valueByFacility.find(
      (f) => f.facilityId === btxh,
    );
    expect(renamed?.facilityName).toBe(`${facility.name} (cơ sở 2)`);

    // A disposal leaves the totals.
    const request = await staff.equipment.requests.disposal({ itemId: edited.id, reason: 'Hỏng' });
    await planner.equipment.requests.decide({ requestId: request.id, approve: true });
    expect(total((await planner.equipment.dashboard({})).valueByFacility)).toBe(
      total(first.valueByFacility) - 84_000_000,
    );

    // Book values move with the day, nothing else changing.
    const today = await planner.equipment.dashboard({});
    h.clock.advance(366 * DAY);
    try {
      const nextYear = await planner.equipment.dashboard({});
      expect(total(nextYear.valueByFacility)).toBe(total(today.valueByFacility));
      expect(bookTotal(nextYear.valueByFacility)).toBeLessThan(bookTotal(today.valueByFacility));
    } finally {
      h.clock.advance(-366 * DAY);
    }
    expect(await planner.equipment.dashboard({})).toEqual(today);
  });

  it('writes to what the roll-up reads bump the equipment revision; maintenance, notes and rooms do not', async () => {
    const item = await staff.equipment.items.create(newItem(btxh));
    const created = await revision();
    await staff.equipment.maintenance.record({
      itemId: item.id,
      performedOn: '2025-08-01',
      kind: 'preventive',
      nextDueOn: '2025-12-01',
    });
    await h.rows(sql`update equipment_items set notes = 'Ghi chú' where id = ${item.id}`);
    const moved = await staff.equipment.items.moveInRooms({
      id: item.id,
      version: item.version,
      location: 'Kho',
    });
    expect(await revision()).toBe(created);
    await staff.equipment.items.update({ id: item.id, version: moved.version, costVnd: 85_000_000 });
    expect(await revision()).toBeGreaterThan(created ?? 0);
  });
});

// Last in the file: it fakes a missed revision bump, which leaves a deliberately stale entry behind.
describe('the kept roll-up', () => {
  it('is reused while the revision stands, and only province-wide', async () => {
    await h.rows(sql`insert into data_revisions (name) values ('equipment') on conflict do nothing`);
    const item = await staff.equipment.items.create(newItem(btxh, { costVnd: 10_000_000 }));
    const kept = await planner.equipment.dashboard({});
    const current = await revision();
    // A change the revision does not see (its triggers would bump it): the kept roll-up is answered.
    await h.rows(sql`update equipment_items set cost_vnd = 12000000 where id = ${item.id}`);
    await h.rows(sql`update data_revisions set value = ${current} where name = 'equipment'`);
    expect(await planner.equipment.dashboard({})).toEqual(kept);
    // A facility's dashboard is never kept; the province's follows as soon as the revision moves.
    const own = await planner.equipment.dashboard({ facilityId: btxh });
    const ownBefore = kept.valueByFacility.find((f) => f.facilityId === btxh);
    expect(total(own.valueByFacility)).toBe((ownBefore?.costVnd ?? 0) + 2_000_000);
    await h.rows(sql`update data_revisions set value = value + 1 where name = 'equipment'`);
    expect(total((await planner.equipment.dashboard({})).valueByFacility)).toBe(
      total(kept.valueByFacility) + 2_000_000,
    );
  });
});
