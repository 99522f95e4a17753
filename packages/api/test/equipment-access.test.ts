/**
 * Who may do what with equipment, as a matrix: every procedure group against every demo role, in the
 * caller's own facility and in someone else's. Centre roles (manager, staff) and operators manage their
 * own facility's items; planners read everything and decide transfers and disposals; admins also keep
 * the catalogue.
 */
import type { ItemInput } from '@ansinh/schemas/equipment';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Caller,
  type DemoUser,
  demoUsers,
  expectTRPCError,
  readWorkbook,
  useApiHarness,
} from './harness.ts';

const h = useApiHarness();

const callers = {} as Record<DemoUser, Caller>;
let ids: Record<string, string>;
/** The facility each role works in (department roles get one of their own for write attempts). */
const ownCode: Record<DemoUser, string> = {
  admin: 'TN-CTXH-BK',
  planner: 'TN-CTXH-BK',
  manager: 'TN-BTXH',
  staff: 'TN-BTXH',
  operator: 'NCL-HUONGDUONG',
};
const OTHER = 'TN-TREEM';

let serial = 0;
function newItem(facilityId: string, overrides: Partial<ItemInput> = {}): ItemInput {
  serial += 1;
  return {
    assetCode: `ACC-${String(serial).padStart(4, '0')}`,
    name: 'Xe lăn tay',
    modelId: null,
    category: 'rehabilitation',
    facilityId,
    location: 'Kho',
    serialNumber: null,
    tracking: 'individual',
    quantity: 1,
    acquiredOn: '2023-05-10',
    costVnd: 3_500_000,
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

const own = (role: DemoUser) => ids[ownCode[role]] as string;
const other = () => ids[OTHER] as string;

/** Items made by the admin: one per role in the role's own facility, one in a facility nobody else owns. */
const fx = {
  ownItem: {} as Record<DemoUser, { id: string; version: number; assetCode: string }>,
  /** A second own item per role, for requests (one pending request per item). */
  requestItem: {} as Record<DemoUser, string>,
  otherItem: { id: '', assetCode: '' },
  pendingRequest: {} as Record<DemoUser, string>,
  otherStocktake: '',
  modelVersion: 1,
  modelId: '',
};

beforeAll(async () => {
  for (const role of demoUsers) callers[role] = await h.callerFor(role);
  const rows = await h.rows<{ code: string; id: string }>(sql`select code, id from facilities`);
  ids = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  const admin = callers.admin;
  for (const role of demoUsers) {
    const item = await admin.equipment.items.create(newItem(own(role)));
    fx.ownItem[role] = { id: item.id, version: item.version, assetCode: item.assetCode };
    fx.requestItem[role] = (await admin.equipment.items.create(newItem(own(role)))).id;
    const forDecision = await admin.equipment.items.create(newItem(own(role)));
    fx.pendingRequest[role] = (
      await admin.equipment.requests.disposal({ itemId: forDecision.id, reason: 'Hỏng không sửa được' })
    ).id;
  }
  const otherItem = await admin.equipment.items.create(newItem(other()));
  fx.otherItem = { id: otherItem.id, assetCode: otherItem.assetCode };
  fx.otherStocktake = (await admin.equipment.stocktakes.start({ facilityId: other() })).id;
  fx.modelId = (
    await admin.equipment.models.create({
      name: 'Giường y tế hai tay quay',
      category: 'beds_furniture',
      usefulLifeYears: 8,
    })
  ).id;
});

type Case = [
  name: string,
  allowed: readonly DemoUser[],
  call: (c: Caller, role: DemoUser) => Promise<unknown>,
];

const everyone = demoUsers;
const writers = ['admin', 'manager', 'staff', 'operator'] as const;
const department = ['admin', 'planner'] as const;
const nobodyInCentres = ['admin', 'planner'] as const;

const cases: Case[] = [
  // catalogue
  ['categoryFields.list', everyone, (c) => c.equipment.categoryFields.list()],
  [
    'categoryFields.create',
    ['admin'],
    (c, role) =>
      c.equipment.categoryFields.create({
        category: 'vehicles',
        key: `so_khung_${role}`,
        labelVi: 'Số khung',
        labelEn: 'Chassis number',
        type: 'text',
      }),
  ],
  [
    'categoryFields.remove',
    ['admin'],
    async (c) => {
      const field = await callers.admin.equipment.categoryFields.create({
        category: 'it',
        key: `tam_${Math.random().toString(36).slice(2, 8)}`,
        labelVi: 'Tạm',
        labelEn: 'Temporary',
        type: 'text',
      });
      return c.equipment.categoryFields.remove({ id: field.id });
    },
  ],
  ['models.list', everyone, (c) => c.equipment.models.list()],
  [
    'models.create',
    ['admin'],
    (c, role) =>
      c.equipment.models.create({
        name: `Máy giặt công nghiệp ${role}`,
        category: 'laundry',
        usefulLifeYears: 10,
      }),
  ],
  [
    'models.update',
    ['admin'],
    async (c) => {
      const updated = await c.equipment.models.update({
        id: fx.modelId,
        version: fx.modelVersion,
        minPerBed: 0.5,
      });
      fx.modelVersion = updated.version;
      return updated;
    },
  ],
  // items
  ['items.list', everyone, (c) => c.equipment.items.list({})],
  ['items.byId (own facility)', everyone, (c, role) => c.equipment.items.byId({ id: fx.ownItem[role].id })],
  ['items.byId (another facility)', nobodyInCentres, (c) => c.equipment.items.byId({ id: fx.otherItem.id })],
  [
    'items.byAssetCode (another facility)',
    nobodyInCentres,
    (c) => c.equipment.items.byAssetCode({ assetCode: fx.otherItem.assetCode }),
  ],
  [
    'items.history (another facility)',
    nobodyInCentres,
    (c) => c.equipment.items.history({ id: fx.otherItem.id }),
  ],
  [
    'items.labels (another facility)',
    nobodyInCentres,
    (c) => c.equipment.items.labels({ itemIds: [fx.otherItem.id] }),
  ],
  ['items.export', everyone, (c) => c.equipment.items.export({})],
  ['items.create (own facility)', writers, (c, role) => c.equipment.items.create(newItem(own(role)))],
  ['items.create (another facility)', ['admin'], (c) => c.equipment.items.create(newItem(other()))],
  [
    'items.update (own facility)',
    writers,
    async (c, role) => {
      const current = await callers.admin.equipment.items.byId({ id: fx.ownItem[role].id });
      return c.equipment.items.update({ id: current.id, version: current.version, notes: `Ghi chú ${role}` });
    },
  ],
  [
    'items.update (another facility)',
    ['admin'],
    async (c) => {
      const current = await callers.admin.equipment.items.byId({ id: fx.otherItem.id });
      return c.equipment.items.update({ id: current.id, version: current.version, notes: 'Sửa' });
    },
  ],
  [
    'items.moveInRooms (own facility)',
    writers,
    async (c, role) => {
      const current = await callers.admin.equipment.items.byId({ id: fx.ownItem[role].id });
      return c.equipment.items.moveInRooms({
        id: current.id,
        version: current.version,
        location: `Phòng ${role}`,
      });
    },
  ],
  // maintenance
  [
    'maintenance.record (own facility)',
    writers,
    (c, role) =>
      c.equipment.maintenance.record({
        itemId: fx.ownItem[role].id,
        performedOn: '2025-08-01',
        kind: 'inspection',
      }),
  ],
  [
    'maintenance.record (another facility)',
    ['admin'],
    (c) =>
      c.equipment.maintenance.record({
        itemId: fx.otherItem.id,
        performedOn: '2025-08-01',
        kind: 'inspection',
      }),
  ],
  [
    'maintenance.listForItem (own)',
    everyone,
    (c, role) => c.equipment.maintenance.listForItem({ itemId: fx.ownItem[role].id }),
  ],
  [
    'maintenance.schedules (another facility)',
    nobodyInCentres,
    (c) => c.equipment.maintenance.schedules({ itemId: fx.otherItem.id }),
  ],
  [
    'maintenance.addSchedule (own facility)',
    writers,
    (c, role) =>
      c.equipment.maintenance.addSchedule({
        itemId: fx.ownItem[role].id,
        name: 'Kiểm tra định kỳ',
        intervalMonths: 6,
        nextDueOn: '2025-12-01',
      }),
  ],
  ['maintenance.due', everyone, (c) => c.equipment.maintenance.due({})],
  [
    'maintenance.due (another facility)',
    nobodyInCentres,
    (c) => c.equipment.maintenance.due({ facilityId: other() }),
  ],
  ['maintenance.exportDue', everyone, (c) => c.equipment.maintenance.exportDue({})],
  [
    'maintenance.exportDue (another facility)',
    nobodyInCentres,
    (c) => c.equipment.maintenance.exportDue({ facilityId: other() }),
  ],
  // requests
  [
    'requests.transfer (own item)',
    writers,
    (c, role) =>
      c.equipment.requests.transfer({
        itemId: fx.requestItem[role],
        toFacilityId: other(),
        reason: 'Điều chuyển',
      }),
  ],
  [
    'requests.disposal (another facility)',
    ['admin'],
    (c) => c.equipment.requests.disposal({ itemId: fx.otherItem.id, reason: 'Thanh lý' }),
  ],
  [
    'requests.decide',
    department,
    (c, role) => c.equipment.requests.decide({ requestId: fx.pendingRequest[role], approve: false }),
  ],
  ['requests.list', everyone, (c) => c.equipment.requests.list({})],
  ['requests.export', everyone, (c) => c.equipment.requests.export({})],
  // stock-take
  [
    'stocktakes.start + finish (own facility)',
    writers,
    async (c, role) => {
      const report = await c.equipment.stocktakes.start({ facilityId: own(role) });
      return c.equipment.stocktakes.finish({ id: report.id });
    },
  ],
  [
    'stocktakes.list (own facility)',
    everyone,
    (c, role) => c.equipment.stocktakes.list({ facilityId: own(role) }),
  ],
  [
    'stocktakes.list (another facility)',
    nobodyInCentres,
    (c) => c.equipment.stocktakes.list({ facilityId: other() }),
  ],
  [
    'stocktakes.current (another facility)',
    nobodyInCentres,
    (c) => c.equipment.stocktakes.current({ facilityId: other() }),
  ],
  [
    'stocktakes.report (another facility)',
    nobodyInCentres,
    (c) => c.equipment.stocktakes.report({ id: fx.otherStocktake }),
  ],
  [
    'stocktakes.exportReport (another facility)',
    nobodyInCentres,
    (c) => c.equipment.stocktakes.exportReport({ id: fx.otherStocktake }),
  ],
  [
    'stocktakes.addUnexpected (another facility)',
    ['admin'],
    (c) => c.equipment.stocktakes.addUnexpected({ stocktakeId: fx.otherStocktake, description: 'Ghế nhựa' }),
  ],
  // import
  ['import.template', writers, (c) => c.equipment.import.template()],
  [
    'import.preview (another facility)',
    ['admin'],
    async (c) => {
      const { base64 } = await callers.admin.equipment.import.template();
      return c.equipment.import.preview({ facilityId: other(), fileBase64: base64 });
    },
  ],
  // dashboard
  ['dashboard (own scope)', everyone, (c) => c.equipment.dashboard({})],
  ['dashboard (another facility)', nobodyInCentres, (c) => c.equipment.dashboard({ facilityId: other() })],
];

describe('equipment role and scope matrix', () => {
  for (const [name, allowed, call] of cases) {
    describe(name, () => {
      it.each(demoUsers.map((role) => [role, allowed.includes(role)] as const))(
        '%s allowed: %s',
        async (role, isAllowed) => {
          if (isAllowed) await expect(call(callers[role], role)).resolves.toBeDefined();
          else await expectTRPCError(call(callers[role], role), 'FORBIDDEN', 'FORBIDDEN');
        },
      );
    });
  }

  it('refuses everything to a signed-out caller', async () => {
    const anonymous = await h.callerFor(null);
    await expectTRPCError(anonymous.equipment.items.list({}), 'UNAUTHORIZED', 'NOT_SIGNED_IN');
    await expectTRPCError(anonymous.equipment.dashboard({}), 'UNAUTHORIZED', 'NOT_SIGNED_IN');
  });
});

describe('what each role sees', () => {
  it.each([
    ['manager', ['TN-BTXH']],
    ['staff', ['TN-BTXH']],
    ['operator', ['NCL-HUONGDUONG']],
  ] as const)('%s lists, exports and counts only %j', async (role, codes) => {
    const c = callers[role];
    const expectedIds = codes.map((code) => ids[code]);
    const page = await c.equipment.items.list({ pageSize: 100 });
    expect(page.total).toBeGreaterThan(0);
    expect(new Set(page.items.map((i) => i.facilityId))).toEqual(new Set(expectedIds));
    // A filter on another facility does not widen the scope.
    expect((await c.equipment.items.list({ facilityId: other() })).total).toBe(0);
    const dashboard = await c.equipment.dashboard({});
    expect(dashboard.valueByFacility.map((f) => f.facilityId)).toEqual(expectedIds);
    const own = new Set(page.items.map((i) => i.id));
    const requests = await c.equipment.requests.list({ pageSize: 100 });
    expect(requests.total).toBeGreaterThan(0);
    for (const r of requests.items) expect(own.has(r.itemId)).toBe(true);
    // Their spreadsheet of requests holds the same rows, and no one else's.
    const file = await c.equipment.requests.export({});
    const exported: unknown[] = [];
    (await readWorkbook(file.base64)).worksheets[0]?.eachRow((row, n) => {
      if (n > 1) exported.push(row.getCell(3).value);
    });
    expect(exported.sort()).toEqual(requests.items.map((r) => r.assetCode).sort());
  });

  it('planners see every facility and every request', async () => {
    const page = await callers.planner.equipment.items.list({ pageSize: 100 });
    expect(new Set(page.items.map((i) => i.facilityId)).size).toBeGreaterThanOrEqual(4);
    const requests = await callers.planner.equipment.requests.list({ pageSize: 100 });
    expect(requests.total).toBeGreaterThanOrEqual(demoUsers.length);
  });

  it('staff see requests about their items and transfers into their facility, not others', async () => {
    const staffRequests = await callers.staff.equipment.requests.list({ pageSize: 100 });
    const operatorRequests = await callers.operator.equipment.requests.list({ pageSize: 100 });
    const staffItems = new Set(
      (await callers.staff.equipment.items.list({ pageSize: 100 })).items.map((i) => i.id),
    );
    expect(staffRequests.total).toBeGreaterThan(0);
    for (const r of staffRequests.items) expect(staffItems.has(r.itemId)).toBe(true);
    const operatorIds = new Set(operatorRequests.items.map((r) => r.id));
    for (const r of staffRequests.items) expect(operatorIds.has(r.id)).toBe(false);
  });
});
