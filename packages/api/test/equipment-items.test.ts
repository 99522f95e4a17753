/**
 * The item register: catalogue, create and edit with optimistic concurrency, asset codes, tracking and
 * quantity, custom fields per category, moves between rooms with their history, book values computed by
 * the database exactly as the domain rule computes them, and the list's search, filters, sort, paging
 * and export.
 */
import { bookValue, isPastUsefulLife } from '@ansinh/domain/equipment/depreciation';
import type { ItemInput } from '@ansinh/schemas/equipment';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { depreciationSql } from '../src/services/equipment-common.ts';
import {
  type Caller,
  domainParamsOf,
  expectTRPCError,
  fieldErrorsOf,
  HOUR,
  readWorkbook,
  useApiHarness,
} from './harness.ts';

const h = useApiHarness();
const DAY = 24 * HOUR;

let admin: Caller;
let staff: Caller;
let planner: Caller;
let btxh: string;
let treem: string;

let serial = 0;
function newItem(facilityId: string, overrides: Partial<ItemInput> = {}): ItemInput {
  serial += 1;
  return {
    assetCode: `IT-${String(serial).padStart(4, '0')}`,
    name: 'Giường bệnh nhân hai tay quay',
    modelId: null,
    category: 'beds_furniture',
    facilityId,
    location: 'Phòng 101',
    serialNumber: null,
    tracking: 'individual',
    quantity: 1,
    acquiredOn: '2022-03-15',
    costVnd: 12_000_000,
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
  admin = await h.callerFor('admin');
  staff = await h.callerFor('staff');
  planner = await h.callerFor('planner');
  btxh = await h.facilityId('TN-BTXH');
  treem = await h.facilityId('TN-TREEM');
});

describe('catalogue', () => {
  it('admins add models; a name is unique within its category', async () => {
    const model = await admin.equipment.models.create({
      name: 'Xe lăn tay tiêu chuẩn',
      category: 'rehabilitation',
      usefulLifeYears: 5,
      minPerBed: 0.1,
    });
    expect(model).toMatchObject({ usefulLifeYears: 5, minPerFacility: null, minPerBed: 0.1, version: 1 });
    const error = await expectTRPCError(
      admin.equipment.models.create({
        name: 'Xe lăn tay tiêu chuẩn',
        category: 'rehabilitation',
        usefulLifeYears: 6,
      }),
      'BAD_REQUEST',
    );
    expect(fieldErrorsOf(error).name).toBeDefined();
    // The same name in another category is another model.
    await admin.equipment.models.create({
      name: 'Xe lăn tay tiêu chuẩn',
      category: 'other',
      usefulLifeYears: 6,
    });
    expect(
      (await staff.equipment.models.list()).filter((m) => m.name === 'Xe lăn tay tiêu chuẩn'),
    ).toHaveLength(2);
  });

  it('model edits use the version: a stale one is refused with the current version', async () => {
    const model = await admin.equipment.models.create({
      name: 'Tủ đầu giường',
      category: 'beds_furniture',
      usefulLifeYears: 10,
    });
    const updated = await admin.equipment.models.update({ id: model.id, version: 1, minPerBed: 1 });
    expect(updated).toMatchObject({ minPerBed: 1, usefulLifeYears: 10, version: 2 });
    const stale = await expectTRPCError(
      admin.equipment.models.update({ id: model.id, version: 1, usefulLifeYears: 12 }),
      'CONFLICT',
      'STALE_VERSION',
    );
    expect(domainParamsOf(stale)).toEqual({ currentVersion: 2 });
  });

  it('custom fields are defined per category and listed for everyone', async () => {
    for (const field of [
      { key: 'so_khung', labelVi: 'Số khung', labelEn: 'Chassis number', type: 'text', required: true },
      { key: 'so_cho', labelVi: 'Số chỗ ngồi', labelEn: 'Seats', type: 'number', required: false },
      {
        key: 'dang_kiem_den',
        labelVi: 'Đăng kiểm đến',
        labelEn: 'Inspection valid until',
        type: 'date',
        required: false,
      },
      {
        key: 'co_dieu_hoa',
        labelVi: 'Có điều hòa',
        labelEn: 'Air-conditioned',
        type: 'boolean',
        required: false,
      },
    ] as const) {
      await admin.equipment.categoryFields.create({ category: 'vehicles', ...field });
    }
    const error = await expectTRPCError(
      admin.equipment.categoryFields.create({
        category: 'vehicles',
        key: 'so_khung',
        labelVi: 'Số khung',
        labelEn: 'Chassis',
        type: 'text',
      }),
      'BAD_REQUEST',
    );
    expect(fieldErrorsOf(error).key).toBeDefined();
    const fields = await staff.equipment.categoryFields.list();
    expect(fields.filter((f) => f.category === 'vehicles').map((f) => f.key)).toEqual([
      'so_khung',
      'so_cho',
      'dang_kiem_den',
      'co_dieu_hoa',
    ]);
  });
});

describe('creating items', () => {
  it('stores the asset code in upper case and refuses a taken one, whatever its case', async () => {
    const item = await staff.equipment.items.create(newItem(btxh, { assetCode: ' btxh-giuong-001 ' }));
    expect(item).toMatchObject({
      assetCode: 'BTXH-GIUONG-001',
      facilityName: expect.stringContaining('Bảo trợ'),
      version: 1,
    });
    const taken = await expectTRPCError(
      staff.equipment.items.create(newItem(btxh, { assetCode: 'Btxh-Giuong-001' })),
      'CONFLICT',
      'ASSET_CODE_TAKEN',
    );
    expect(domainParamsOf(taken)).toEqual({ field: 'assetCode' });
    // Scanning types or reads the code in any case.
    expect((await staff.equipment.items.byAssetCode({ assetCode: 'btxh-giuong-001' })).id).toBe(item.id);
    await expectTRPCError(
      staff.equipment.items.byAssetCode({ assetCode: 'KHONG-CO' }),
      'NOT_FOUND',
      'ITEM_NOT_FOUND',
    );
  });

  it('two people saving the same new code at once: one wins, the other gets ASSET_CODE_TAKEN', async () => {
    const manager = await h.callerFor('manager');
    const results = await Promise.allSettled([
      staff.equipment.items.create(newItem(btxh, { assetCode: 'RACE-001' })),
      manager.equipment.items.create(newItem(btxh, { assetCode: 'RACE-001' })),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected');
    await expectTRPCError(Promise.reject(failed?.reason), 'CONFLICT', 'ASSET_CODE_TAKEN');
  });

  it('an individually tracked asset has quantity 1; a stock counts many', async () => {
    const error = await expectTRPCError(
      staff.equipment.items.create(newItem(btxh, { tracking: 'individual', quantity: 2 })),
      'BAD_REQUEST',
    );
    expect(fieldErrorsOf(error).quantity).toBeDefined();
    const stock = await staff.equipment.items.create(
      newItem(btxh, {
        name: 'Chăn bông',
        category: 'other',
        tracking: 'stock',
        quantity: 40,
        costVnd: 16_000_000,
      }),
    );
    expect(stock).toMatchObject({ tracking: 'stock', quantity: 40 });
    const updateError = await expectTRPCError(
      staff.equipment.items.update({ id: stock.id, version: stock.version, tracking: 'individual' }),
      'BAD_REQUEST',
    );
    expect(fieldErrorsOf(updateError).quantity).toBeDefined();
  });

  it('refuses an unknown model', async () => {
    await expectTRPCError(
      staff.equipment.items.create(newItem(btxh, { modelId: '00000000-0000-4000-8000-000000000000' })),
      'NOT_FOUND',
      'MODEL_NOT_FOUND',
    );
  });

  it('checks custom values against the category: unknown key, wrong type, required missing', async () => {
    const car = (custom: ItemInput['custom']) =>
      newItem(btxh, { name: 'Xe ô tô cứu thương', category: 'vehicles', costVnd: 900_000_000, custom });
    // The key finds the form field; the labels (both languages) name it in the message.
    const refused = async (custom: ItemInput['custom'], field: string, label: string, labelEn: string) => {
      const error = await expectTRPCError(
        staff.equipment.items.create(car(custom)),
        'PRECONDITION_FAILED',
        'CUSTOM_FIELD_INVALID',
      );
      expect(domainParamsOf(error)).toEqual({ field, label, labelEn });
    };
    // A key the category does not define has no label but its name.
    await refused({ so_khung: 'RL4A123', mau_son: 'trắng' }, 'mau_son', 'mau_son', 'mau_son');
    await refused({ so_khung: 'RL4A123', so_cho: 'bảy' }, 'so_cho', 'Số chỗ ngồi', 'Seats');
    await refused(
      { so_khung: 'RL4A123', dang_kiem_den: '31/12/2026' },
      'dang_kiem_den',
      'Đăng kiểm đến',
      'Inspection valid until',
    );
    await refused(
      { so_khung: 'RL4A123', co_dieu_hoa: 'có' },
      'co_dieu_hoa',
      'Có điều hòa',
      'Air-conditioned',
    );
    await refused({ so_cho: 7 }, 'so_khung', 'Số khung', 'Chassis number');
    await refused({ so_khung: '  ' }, 'so_khung', 'Số khung', 'Chassis number');
    // Fields of another category are not this category's.
    await expectTRPCError(
      staff.equipment.items.create(newItem(btxh, { custom: { so_khung: 'X' } })),
      'PRECONDITION_FAILED',
      'CUSTOM_FIELD_INVALID',
    );
    const ok = await staff.equipment.items.create(
      car({ so_khung: 'RL4A123', so_cho: 7, dang_kiem_den: '2026-12-31', co_dieu_hoa: true, ghi_chu: null }),
    );
    expect(ok.custom).toEqual({
      so_khung: 'RL4A123',
      so_cho: 7,
      dang_kiem_den: '2026-12-31',
      co_dieu_hoa: true,
    });
  });
});

describe('editing items', () => {
  it('changes only the fields sent, bumps the version, and refuses a stale version', async () => {
    const item = await staff.equipment.items.create(newItem(btxh, { notes: 'Mua đợt 1' }));
    const updated = await staff.equipment.items.update({
      id: item.id,
      version: 1,
      condition: 'fair',
      serialNumber: 'SN-77',
    });
    expect(updated).toMatchObject({
      condition: 'fair',
      serialNumber: 'SN-77',
      notes: 'Mua đợt 1',
      version: 2,
    });
    const stale = await expectTRPCError(
      staff.equipment.items.update({ id: item.id, version: 1, condition: 'poor' }),
      'CONFLICT',
      'STALE_VERSION',
    );
    expect(domainParamsOf(stale)).toEqual({ currentVersion: 2 });
    expect((await staff.equipment.items.byId({ id: item.id })).condition).toBe('fair');
  });

  it('an edit cannot take a code another item holds', async () => {
    const a = await staff.equipment.items.create(newItem(btxh));
    const b = await staff.equipment.items.create(newItem(btxh));
    await expectTRPCError(
      staff.equipment.items.update({ id: b.id, version: b.version, assetCode: a.assetCode.toLowerCase() }),
      'CONFLICT',
      'ASSET_CODE_TAKEN',
    );
  });

  it('a removed field definition does not block editing the items that hold its value', async () => {
    const field = await admin.equipment.categoryFields.create({
      category: 'kitchen',
      key: 'cong_suat',
      labelVi: 'Công suất (kW)',
      labelEn: 'Power (kW)',
      type: 'number',
    });
    const stove = await staff.equipment.items.create(
      newItem(btxh, { name: 'Bếp điện công nghiệp', category: 'kitchen', custom: { cong_suat: 12 } }),
    );
    await admin.equipment.categoryFields.remove({ id: field.id });
    // The form sends the stored values back unchanged: accepted, and kept.
    const edited = await staff.equipment.items.update({
      id: stove.id,
      version: stove.version,
      notes: 'Đã vệ sinh',
      custom: { cong_suat: 12 },
    });
    expect(edited.custom).toEqual({ cong_suat: 12 });
    // A new value for a field that no longer exists is refused.
    await expectTRPCError(
      staff.equipment.items.update({ id: stove.id, version: edited.version, custom: { cong_suat: 15 } }),
      'PRECONDITION_FAILED',
      'CUSTOM_FIELD_INVALID',
    );
  });

  it('moves between rooms are audited and the history shows old → new', async () => {
    const item = await staff.equipment.items.create(newItem(btxh, { location: 'Phòng 101' }));
    const moved = await staff.equipment.items.moveInRooms({
      id: item.id,
      version: item.version,
      location: 'Phòng 205',
    });
    expect(moved).toMatchObject({ location: 'Phòng 205', version: 2 });
    await expectTRPCError(
      staff.equipment.items.moveInRooms({ id: item.id, version: 1, location: 'Kho' }),
      'CONFLICT',
      'STALE_VERSION',
    );
    const history = await staff.equipment.items.history({ id: item.id });
    expect(history.map((e) => e.action)).toEqual(['equipment.item.create', 'equipment.item.move']);
    expect(history[1]).toMatchObject({
      actorUsername: 'staff',
      changes: [{ field: 'location', before: 'Phòng 101', after: 'Phòng 205' }],
    });
    expect(history[0]?.changes).toContainEqual({ field: 'assetCode', before: null, after: item.assetCode });
    const [audit] = await h.rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where entity_type = 'equipment_item' and entity_id = ${item.id}`,
    );
    expect(audit?.n).toBe(2);
  });
});

describe('depreciation: the database computes what the domain computes', () => {
  const acquired = [
    '2019-06-30',
    '2020-01-31',
    '2020-02-29',
    '2021-03-15',
    '2023-12-31',
    '2024-01-01',
    '2024-02-29',
    '2025-08-31',
    '2025-09-01',
  ];
  const asOfDates = [
    '2019-01-01',
    '2024-02-28',
    '2024-02-29',
    '2024-03-30',
    '2025-02-28',
    '2025-03-01',
    '2025-09-01',
    '2025-09-30',
    '2025-12-31',
    '2026-02-28',
    '2027-06-29',
    '2030-01-31',
    '2045-02-28',
  ];
  const amounts: [number, number][] = [
    [1_000_000, 3],
    [12_345_679, 7],
    [999_999_999_999, 1],
    [0, 5],
    [7, 100],
    [3_333_333, 2],
  ];
  const samples = acquired.flatMap((acquiredOn) =>
    amounts.map(([costVnd, usefulLifeYears]) => ({ acquiredOn, costVnd, usefulLifeYears })),
  );

  it.each(asOfDates)('as of %s', async (asOf) => {
    const dep = depreciationSql(asOf, 'i');
    const rows = await h.rows<{ book: number; past: boolean }>(sql`
      select ${dep.bookValue}::float8 as book, ${dep.pastUsefulLife} as past
      from (values ${sql.join(
        samples.map((s) => sql`(${s.acquiredOn}::date, ${s.costVnd}::bigint, ${s.usefulLifeYears}::int)`),
        sql`, `,
      )}) as i(acquired_on, cost_vnd, useful_life_years)`);
    expect(rows.map((r) => [Number(r.book), r.past])).toEqual(
      samples.map((s) => [bookValue(s, asOf), isPastUsefulLife(s, asOf)]),
    );
  });

  it('list and byId carry the domain book value of today, as the clock moves', async () => {
    const items = [];
    for (const acquiredOn of ['2017-01-31', '2020-02-29', '2024-08-31', '2025-08-01']) {
      items.push(
        await staff.equipment.items.create(
          newItem(btxh, { acquiredOn, costVnd: 47_000_000, usefulLifeYears: 8 }),
        ),
      );
    }
    for (let step = 0; step < 3; step++) {
      const today = h.clock.now().toISOString().slice(0, 10);
      for (const item of items) {
        const expected = bookValue(item, today);
        expect((await staff.equipment.items.byId({ id: item.id })).bookValueVnd).toBe(expected);
        const listed = await staff.equipment.items.list({ search: item.assetCode });
        expect(listed.items[0]).toMatchObject({
          bookValueVnd: expected,
          pastUsefulLife: isPastUsefulLife(item, today),
        });
      }
      h.clock.advance(45 * DAY);
    }
    h.clock.advance(-135 * DAY);
  });
});

describe('the list', () => {
  let codes: Record<string, string>;

  beforeAll(async () => {
    const make = async (key: string, overrides: Partial<ItemInput>, facilityId = treem) =>
      [
        key,
        (await admin.equipment.items.create(newItem(facilityId, { assetCode: `LIST-${key}`, ...overrides })))
          .assetCode,
      ] as const;
    codes = Object.fromEntries([
      await make('A', {
        name: 'Máy giặt công nghiệp Electrolux',
        category: 'laundry',
        costVnd: 150_000_000,
        condition: 'good',
      }),
      await make('B', {
        name: 'Máy sấy quần áo',
        category: 'laundry',
        costVnd: 80_000_000,
        condition: 'fair',
        location: 'Nhà giặt',
      }),
      await make('C', {
        name: 'Tủ lạnh bảo quản thực phẩm',
        category: 'kitchen',
        costVnd: 20_000_000,
        condition: 'poor',
      }),
      await make('D', {
        name: 'Máy tính để bàn',
        category: 'it',
        costVnd: 15_000_000,
        acquiredOn: '2015-01-01',
        usefulLifeYears: 5,
      }),
      await make('E', {
        name: 'Đèn sưởi hồng ngoại',
        category: 'medical',
        costVnd: 2_000_000,
        status: 'under_repair',
        serialNumber: 'HN-2231',
      }),
    ]);
  });

  const listCodes = async (input: Parameters<Caller['equipment']['items']['list']>[0]) =>
    (await planner.equipment.items.list({ facilityId: treem, pageSize: 100, ...input })).items.map(
      (i) => i.assetCode,
    );

  it('searches without diacritics, in name, code, serial number and location', async () => {
    expect(await listCodes({ search: 'may giat' })).toEqual([codes.A]);
    expect(await listCodes({ search: 'MÁY' })).toEqual([codes.A, codes.B, codes.D]);
    expect(await listCodes({ search: 'nha giat' })).toEqual([codes.B]);
    expect(await listCodes({ search: 'hn-2231' })).toEqual([codes.E]);
    expect(await listCodes({ search: 'list-c' })).toEqual([codes.C]);
    expect(await listCodes({ search: '100%_' })).toEqual([]);
  });

  it('filters by category, condition, status and past useful life', async () => {
    expect(await listCodes({ category: 'laundry' })).toEqual([codes.A, codes.B]);
    expect(await listCodes({ condition: 'poor' })).toEqual([codes.C]);
    expect(await listCodes({ status: 'under_repair' })).toEqual([codes.E]);
    expect(await listCodes({ pastUsefulLife: true, search: 'list-' })).toEqual([codes.D]);
    expect(await listCodes({ pastUsefulLife: false, search: 'list-' })).toHaveLength(4);
  });

  it('sorts and pages', async () => {
    expect(await listCodes({ search: 'list-', sort: { field: 'costVnd', direction: 'desc' } })).toEqual([
      codes.A,
      codes.B,
      codes.C,
      codes.D,
      codes.E,
    ]);
    const page2 = await planner.equipment.items.list({
      facilityId: treem,
      search: 'list-',
      sort: { field: 'name', direction: 'asc' },
      page: 2,
      pageSize: 2,
    });
    expect(page2.total).toBe(5);
    expect(page2.items).toHaveLength(2);
  });

  it('exports the filtered rows with the template columns', async () => {
    const file = await planner.equipment.items.export({ facilityId: treem, category: 'laundry' });
    expect(file.filename).toBe(`tai-san-${h.clock.now().toISOString().slice(0, 10)}.xlsx`);
    const sheet = (await readWorkbook(file.base64)).worksheets[0];
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]?.slice(0, 4)).toEqual(['Mã tài sản', 'Tên tài sản', 'Mẫu thiết bị', 'Nhóm tài sản']);
    expect(rows.slice(1).map((r) => r[0])).toEqual([codes.A, codes.B]);
    expect(rows[1]).toContain('Giặt là');
    expect(rows[1]).toContain(150_000_000);
  });

  it('gives label data in the order asked', async () => {
    const listed = (await planner.equipment.items.list({ facilityId: treem, search: 'list-' })).items;
    const ids = listed.map((i) => i.id).reverse();
    expect((await planner.equipment.items.labels({ itemIds: ids })).map((i) => i.id)).toEqual(ids);
    await expectTRPCError(
      planner.equipment.items.labels({ itemIds: ['00000000-0000-4000-8000-000000000000'] }),
      'NOT_FOUND',
      'ITEM_NOT_FOUND',
    );
  });
});
