/**
 * Excel import of items: the template round trip, problems by spreadsheet row and Vietnamese column,
 * all or nothing, "update existing by asset code" with a preview of field changes, and an exported list
 * that imports back unchanged.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, expectTRPCError, readWorkbook, useApiHarness } from './harness.ts';

const h = useApiHarness();

let admin: Caller;
let staff: Caller;
let btxh: string;
let treem: string;
let template: string;

type Cells = Record<string, string | number | Date | null>;

/** The template (or another workbook) with these rows filled in by column header, as a person would. */
async function fileWith(rows: Cells[], base = template, startRow = 2): Promise<string> {
  const workbook = await readWorkbook(base);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const headers: string[] = [];
  sheet.getRow(1).eachCell((cell, col) => {
    headers[col] = String(cell.value).replace(/ \*$/, '');
  });
  rows.forEach((cells, i) => {
    const row = sheet.getRow(startRow + i);
    for (const [header, value] of Object.entries(cells)) {
      const col = headers.indexOf(header);
      if (col < 0) throw new Error(`no column ${header}`);
      row.getCell(col).value = value;
    }
    row.commit();
  });
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

let serial = 0;
function row(overrides: Cells = {}): Cells {
  serial += 1;
  return {
    'Mã tài sản': `IMP-${String(serial).padStart(5, '0')}`,
    'Tên tài sản': `Giường inox ${serial}`,
    'Nhóm tài sản': 'Giường, tủ, bàn ghế',
    'Phòng/vị trí': 'Phòng 12',
    'Ngày đưa vào sử dụng': '15/03/2023',
    'Nguyên giá (đồng)': '4.500.000',
    'Thời gian sử dụng (năm)': 8,
    'Nguồn kinh phí': 'Ngân sách tỉnh',
    'Tình trạng': 'Tốt',
    ...overrides,
  };
}

const countItems = async () =>
  (await h.rows<{ n: number }>(sql`select count(*)::int as n from equipment_items`))[0]?.n ?? -1;

beforeAll(async () => {
  admin = await h.callerFor('admin');
  staff = await h.callerFor('staff');
  btxh = await h.facilityId('TN-BTXH');
  treem = await h.facilityId('TN-TREEM');
  await admin.equipment.categoryFields.create({
    category: 'vehicles',
    key: 'so_khung',
    labelVi: 'Số khung',
    labelEn: 'Chassis number',
    type: 'text',
    required: true,
  });
  await admin.equipment.categoryFields.create({
    category: 'vehicles',
    key: 'so_cho',
    labelVi: 'Số chỗ ngồi',
    labelEn: 'Seats',
    type: 'number',
  });
  await admin.equipment.models.create({ name: 'Xe lăn tay', category: 'rehabilitation', usefulLifeYears: 6 });
  template = (await staff.equipment.import.template()).base64;
});

describe('template', () => {
  it('has the item columns (required marked), the custom fields, and a guide', async () => {
    const workbook = await readWorkbook(template);
    const headers: string[] = [];
    workbook.worksheets[0]?.getRow(1).eachCell((cell) => {
      headers.push(String(cell.value));
    });
    expect(headers.slice(0, 4)).toEqual(['Mã tài sản *', 'Tên tài sản *', 'Mẫu thiết bị', 'Nhóm tài sản *']);
    expect(headers).toContain('Số khung [Phương tiện đi lại]');
    expect(headers).toContain('Số chỗ ngồi [Phương tiện đi lại]');
    const guide = workbook.getWorksheet('Hướng dẫn');
    const guideText: string[] = [];
    guide?.eachRow((r) => {
      guideText.push(r.values?.toString() ?? '');
    });
    expect(guideText.join('\n')).toContain('Xe lăn tay');
  });

  it('round trip: filled in, previewed, committed; the items carry the values', async () => {
    const file = await fileWith([
      row({
        'Mã tài sản': 'btxh-xl-01',
        'Tên tài sản': 'Xe lăn',
        'Mẫu thiết bị': 'xe lan tay',
        'Nhóm tài sản': null,
        'Thời gian sử dụng (năm)': null,
      }),
      row({
        'Mã tài sản': 'BTXH-CHAN-01',
        'Tên tài sản': 'Chăn bông',
        'Nhóm tài sản': 'Khác',
        'Số lượng': 40,
        'Ngày đưa vào sử dụng': new Date('2024-11-05T00:00:00Z'),
        'Nguyên giá (đồng)': 16_000_000,
        'Tình trạng': 'Khá',
        'Trạng thái sử dụng': 'Trong kho',
      }),
      row({
        'Mã tài sản': 'BTXH-XE-01',
        'Tên tài sản': 'Xe ô tô 7 chỗ',
        'Nhóm tài sản': 'Phương tiện đi lại',
        'Nguyên giá (đồng)': '850,000,000',
        'Số khung [Phương tiện đi lại]': 'RL4A 1234',
        'Số chỗ ngồi [Phương tiện đi lại]': 7,
        'Bảo hành đến ngày': '1/6/2026',
      }),
    ]);
    const preview = await staff.equipment.import.preview({ facilityId: btxh, fileBase64: file });
    expect(preview).toEqual({ totalRows: 3, creates: 3, updates: [], problems: [] });
    expect(await staff.equipment.import.commit({ facilityId: btxh, fileBase64: file })).toEqual({
      created: 3,
      updated: 0,
    });

    const byCode = async (assetCode: string) => staff.equipment.items.byAssetCode({ assetCode });
    expect(await byCode('BTXH-XL-01')).toMatchObject({
      category: 'rehabilitation',
      modelName: 'Xe lăn tay',
      usefulLifeYears: 6,
      tracking: 'individual',
      quantity: 1,
      acquiredOn: '2023-03-15',
      costVnd: 4_500_000,
      fundingSource: 'provincial_budget',
      status: 'in_use',
      facilityId: btxh,
    });
    expect(await byCode('BTXH-CHAN-01')).toMatchObject({
      category: 'other',
      tracking: 'stock',
      quantity: 40,
      acquiredOn: '2024-11-05',
      condition: 'fair',
      status: 'in_storage',
    });
    expect(await byCode('BTXH-XE-01')).toMatchObject({
      costVnd: 850_000_000,
      warrantyUntil: '2026-06-01',
      custom: { so_khung: 'RL4A 1234', so_cho: 7 },
    });
    const history = await staff.equipment.items.history({ id: (await byCode('BTXH-XE-01')).id });
    expect(history).toMatchObject([{ action: 'equipment.item.import', actorUsername: 'staff' }]);
  });
});

describe('problems by row and column', () => {
  it('reports each problem at its spreadsheet row and Vietnamese column header', async () => {
    await staff.equipment.items.create({
      assetCode: 'DA-CO-01',
      name: 'Tủ thuốc',
      modelId: null,
      category: 'medical',
      facilityId: btxh,
      location: null,
      serialNumber: null,
      tracking: 'individual',
      quantity: 1,
      acquiredOn: '2020-01-01',
      costVnd: 1_000_000,
      usefulLifeYears: 5,
      fundingSource: 'other',
      condition: 'good',
      status: 'in_use',
      warrantyUntil: null,
      notes: null,
      custom: {},
    });
    const file = await fileWith([
      row({ 'Mã tài sản': 'OK-01' }), // row 2
      row({ 'Ngày đưa vào sử dụng': '31/02/2024' }), // row 3
      row({ 'Nhóm tài sản': 'Đồ chơi' }), // row 4
      row({ 'Mã tài sản': null }), // row 5
      row({ 'Mã tài sản': 'ok-01' }), // row 6: same as row 2
      row({ 'Mã tài sản': 'DA-CO-01' }), // row 7: already registered
      row({ 'Cách theo dõi': 'Từng chiếc', 'Số lượng': 3 }), // row 8
      row({
        'Nhóm tài sản': 'Phương tiện đi lại',
        'Số chỗ ngồi [Phương tiện đi lại]': 'bảy',
        'Số khung [Phương tiện đi lại]': 'X1',
      }), // row 9
      row({ 'Số khung [Phương tiện đi lại]': 'X2' }), // row 10: field of another category
      row({ 'Nhóm tài sản': 'Phương tiện đi lại' }), // row 11: required custom field missing
      row({ 'Trạng thái sử dụng': 'Đã thanh lý' }), // row 12
      row({ 'Nguyên giá (đồng)': 'hai triệu', 'Mẫu thiết bị': 'Máy không có' }), // row 13
    ]);
    const before = await countItems();
    const preview = await staff.equipment.import.preview({ facilityId: btxh, fileBase64: file });
    expect(preview.totalRows).toBe(12);
    expect(preview.creates).toBe(1);
    const at = (r: number) => preview.problems.filter((p) => p.row === r).map((p) => [p.column, p.message]);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual([['Ngày đưa vào sử dụng', 'Ngày phải ghi dạng dd/mm/yyyy']]);
    expect(at(4)).toEqual([['Nhóm tài sản', 'Giá trị "Đồ chơi" không có trong danh sách']]);
    expect(at(5)).toEqual([['Mã tài sản', 'Vui lòng nhập mã tài sản']]);
    expect(at(6)).toEqual([['Mã tài sản', 'Trùng mã tài sản với dòng 2']]);
    expect(at(7)).toEqual([['Mã tài sản', 'Mã tài sản đã có trong hệ thống']]);
    expect(at(8)).toEqual([['Số lượng', 'Tài sản theo dõi riêng từng chiếc có số lượng 1']]);
    expect(at(9)).toEqual([['Số chỗ ngồi [Phương tiện đi lại]', 'Phải là một số']]);
    expect(at(10)).toEqual([
      ['Số khung [Phương tiện đi lại]', 'Trường này chỉ dành cho nhóm Phương tiện đi lại'],
    ]);
    expect(at(11)).toEqual([['Số khung [Phương tiện đi lại]', 'Trường bắt buộc chưa có giá trị']]);
    expect(at(12)).toEqual([['Trạng thái sử dụng', 'Thanh lý tài sản qua đề nghị thanh lý']]);
    expect(at(13)).toEqual([
      ['Mẫu thiết bị', 'Không có mẫu "Máy không có" trong danh mục'],
      ['Nguyên giá (đồng)', 'Phải là số nguyên'],
    ]);
    // All or nothing: the one good row is not written either.
    await expectTRPCError(
      staff.equipment.import.commit({ facilityId: btxh, fileBase64: file }),
      'PRECONDITION_FAILED',
      'IMPORT_HAS_ERRORS',
    );
    expect(await countItems()).toBe(before);
  });

  it('an unreadable file is refused', async () => {
    await expectTRPCError(
      staff.equipment.import.preview({
        facilityId: btxh,
        fileBase64: Buffer.from('not excel').toString('base64'),
      }),
      'PRECONDITION_FAILED',
      'IMPORT_HAS_ERRORS',
    );
  });
});

describe('update existing by asset code', () => {
  let exported: string;

  beforeAll(async () => {
    const file = await fileWith([
      row({ 'Mã tài sản': 'UPD-01', 'Tên tài sản': 'Tủ inox', 'Phòng/vị trí': 'Phòng 1' }),
      row({ 'Mã tài sản': 'UPD-02', 'Tên tài sản': 'Bàn ăn', 'Phòng/vị trí': 'Nhà ăn', 'Ghi chú': 'Gỗ lim' }),
    ]);
    await staff.equipment.import.commit({ facilityId: btxh, fileBase64: file });
    exported = (await staff.equipment.items.export({ search: 'upd-' })).base64;
  });

  it('an exported list imports back with no changes', async () => {
    const preview = await staff.equipment.import.preview({
      facilityId: btxh,
      fileBase64: exported,
      updateExisting: true,
    });
    expect(preview).toEqual({ totalRows: 2, creates: 0, updates: [], problems: [] });
  });

  it('without the option, known codes are problems', async () => {
    const preview = await staff.equipment.import.preview({ facilityId: btxh, fileBase64: exported });
    expect(preview.problems).toEqual([
      { row: 2, column: 'Mã tài sản', message: 'Mã tài sản đã có trong hệ thống' },
      { row: 3, column: 'Mã tài sản', message: 'Mã tài sản đã có trong hệ thống' },
    ]);
  });

  it('the preview lists the field changes; applying performs them, audited', async () => {
    const edited = await fileWith(
      [
        { 'Phòng/vị trí': 'Phòng 2', 'Tình trạng': 'Kém', 'Nguyên giá (đồng)': 4_800_000 },
        { 'Ghi chú': null },
      ],
      exported,
    );
    const withNew = await fileWith([row({ 'Mã tài sản': 'UPD-03' })], edited, 4);
    const preview = await staff.equipment.import.preview({
      facilityId: btxh,
      fileBase64: withNew,
      updateExisting: true,
    });
    expect(preview.problems).toEqual([]);
    expect(preview.creates).toBe(1);
    expect(preview.updates).toEqual([
      {
        row: 2,
        assetCode: 'UPD-01',
        changes: expect.arrayContaining([
          { field: 'location', before: 'Phòng 1', after: 'Phòng 2' },
          { field: 'condition', before: 'good', after: 'poor' },
          { field: 'costVnd', before: 4_500_000, after: 4_800_000 },
        ]),
      },
      { row: 3, assetCode: 'UPD-02', changes: [{ field: 'notes', before: 'Gỗ lim', after: null }] },
    ]);
    expect(preview.updates[0]?.changes).toHaveLength(3);

    expect(
      await staff.equipment.import.commit({ facilityId: btxh, fileBase64: withNew, updateExisting: true }),
    ).toEqual({ created: 1, updated: 2 });
    const one = await staff.equipment.items.byAssetCode({ assetCode: 'UPD-01' });
    expect(one).toMatchObject({ location: 'Phòng 2', condition: 'poor', costVnd: 4_800_000, version: 2 });
    expect((await staff.equipment.items.byAssetCode({ assetCode: 'UPD-02' })).notes).toBeNull();
    const history = await staff.equipment.items.history({ id: one.id });
    expect(history.at(-1)).toMatchObject({ action: 'equipment.item.import_update' });
    expect(
      history
        .at(-1)
        ?.changes.map((c) => c.field)
        .sort(),
    ).toEqual(['condition', 'costVnd', 'location']);
  });

  it('a column left out of the file keeps the stored values', async () => {
    const workbook = await readWorkbook(
      await fileWith([{ 'Mã tài sản': 'UPD-02', 'Tên tài sản': 'Bàn ăn', 'Tình trạng': 'Hỏng' }], template),
    );
    const sheet = workbook.worksheets[0];
    // Keep only three columns: code, name, condition.
    const keep = ['Mã tài sản *', 'Tên tài sản *', 'Tình trạng *'];
    for (let col = sheet?.columnCount ?? 0; col >= 1; col--) {
      if (!keep.includes(String(sheet?.getRow(1).getCell(col).value))) sheet?.spliceColumns(col, 1);
    }
    const file = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const preview = await staff.equipment.import.preview({
      facilityId: btxh,
      fileBase64: file,
      updateExisting: true,
    });
    expect(preview.problems).toEqual([]);
    expect(preview.updates).toEqual([
      { row: 2, assetCode: 'UPD-02', changes: [{ field: 'condition', before: 'good', after: 'broken' }] },
    ]);
  });

  it("a code registered at another facility is not updated from this one's file", async () => {
    const preview = await admin.equipment.import.preview({
      facilityId: treem,
      fileBase64: exported,
      updateExisting: true,
    });
    expect(preview.problems[0]).toEqual({
      row: 2,
      column: 'Mã tài sản',
      message: expect.stringContaining('Mã tài sản đã dùng cho tài sản của Trung tâm Bảo trợ'),
    });
  });
});

describe('a larger file', () => {
  it('writes 1,500 rows (more than one batch) with an audit row each', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) =>
      row({ 'Mã tài sản': `BULK-${String(i).padStart(5, '0')}` }),
    );
    const file = await fileWith(rows);
    const started = performance.now();
    const preview = await staff.equipment.import.preview({ facilityId: btxh, fileBase64: file });
    expect(preview).toMatchObject({ totalRows: 1500, creates: 1500, problems: [] });
    expect(await staff.equipment.import.commit({ facilityId: btxh, fileBase64: file })).toEqual({
      created: 1500,
      updated: 0,
    });
    console.log(
      `equipment import of 1,500 rows (preview + commit): ${Math.round(performance.now() - started)} ms`,
    );
    const [audit] = await h.rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'equipment.item.import' and after->>'assetCode' like 'BULK-%'`,
    );
    expect(audit?.n).toBe(1500);
  });
});
