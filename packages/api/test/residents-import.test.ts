/**
 * Staged Excel import: the template, errors by spreadsheet row and Vietnamese column header, a commit
 * that is all or nothing, batches private to the person who uploaded them, and a 5,000-row file
 * validated in slices of 500 (timed and printed, not asserted).
 */
import { sql } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, expectTRPCError, readWorkbook, useApiHarness } from './harness.ts';
import {
  admit,
  BTXH,
  DB_KIND,
  facilityIds,
  H,
  type ImportRow,
  idNumberFor,
  importRow,
  importWorkbook,
  sheetRows,
  templateHeaders,
} from './residents-fixtures.ts';

const h = useApiHarness();

let manager: Caller;
let staff: Caller;
let admin: Caller;
let ids: Record<string, string>;
let headers: string[];

beforeAll(async () => {
  manager = await h.callerFor('manager');
  staff = await h.callerFor('staff');
  admin = await h.callerFor('admin');
  ids = await facilityIds(h);
  headers = await templateHeaders(manager);
});

const btxh = () => ids[BTXH] as string;

async function upload(caller: Caller, file: string, facilityId = btxh()) {
  return caller.residentImport.upload({ facilityId, fileBase64: file });
}

async function validateAll(caller: Caller, batchId: string, totalRows: number, slice = 500) {
  const problems = [];
  let validatedRows = 0;
  for (let fromRow = 0; fromRow < totalRows; fromRow += slice) {
    const result = await caller.residentImport.validate({ batchId, fromRow, count: slice });
    problems.push(...result.problems);
    validatedRows = result.validatedRows;
  }
  return { problems, validatedRows };
}

async function countByNames(names: readonly string[]): Promise<number> {
  if (names.length === 0) return 0;
  const [row] = await h.rows<{ n: number }>(
    sql`select count(*)::int as n from residents where full_name in (${sql.join(
      names.map((n) => sql`${n}`),
      sql`, `,
    )})`,
  );
  return row?.n ?? -1;
}

function cleanRows(count: number, withIdNumbers = true): ImportRow[] {
  return Array.from({ length: count }, (_, i) => {
    const female = i % 2 === 1;
    const year = 1940 + (i % 30);
    const birth = `${year}-0${1 + (i % 9)}-1${i % 10}`;
    return importRow({
      [H.birthDate]: `${birth.slice(8, 10)}/${birth.slice(5, 7)}/${year}`,
      [H.sex]: female ? 'Nữ' : 'Nam',
      [H.idNumber]: withIdNumbers ? idNumberFor(birth, female ? 'female' : 'male') : '',
    });
  });
}

describe('template', () => {
  it('downloads with the Vietnamese headers and a guide sheet', async () => {
    const file = await manager.residentImport.template();
    expect(file.filename).toBe('mau-nhap-doi-tuong.xlsx');
    expect(headers.slice(0, 7)).toEqual([
      'Họ và tên *',
      'Ngày sinh *',
      'Giới tính *',
      'Số định danh cá nhân',
      'Dân tộc',
      'Mã xã/phường quê quán',
      'Nhóm đối tượng *',
    ]);
    expect(headers).toEqual(
      expect.arrayContaining(['Ngày tiếp nhận *', 'Số quyết định tiếp nhận', 'Mức độ khuyết tật']),
    );
    const workbook = await readWorkbook(file.base64);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Đối tượng', 'Hướng dẫn']);
    const guide = await sheetRows(file.base64, 'Hướng dẫn');
    expect(guide.map((r) => r[1])).toContain('Người cao tuổi (k1)');
  });
});

describe('a file with errors', () => {
  let batchId: string;
  let problems: { row: number; column: string; message: string }[];
  let names: string[];
  const registered = idNumberFor('1951-01-01', 'male');
  const twin = idNumberFor('1952-02-02', 'female');

  beforeAll(async () => {
    await admit(admin, btxh(), {
      birthDate: '1951-01-01',
      sex: 'male',
      group: 'k1_elderly',
      idNumber: registered,
    });
    // Filled into the downloaded template, as a centre would.
    const template = await readWorkbook((await manager.residentImport.template()).base64);
    const sheet = template.worksheets[0] as ExcelJS.Worksheet;
    const rows: ImportRow[] = [
      importRow(), // 2: clean
      importRow({ [H.fullName]: '' }), // 3: no name
      importRow({ [H.birthDate]: '31-13-1950x' }), // 4: not a date
      importRow({ [H.group]: 'Người vô gia cư' }), // 5: not a group
      importRow({ [H.birthDate]: '05/06/1950', [H.sex]: 'Nữ', [H.idNumber]: '019050000111' }), // 6: digit 4 says male
      importRow({ [H.birthDate]: '01/01/1951', [H.idNumber]: registered }), // 7: already in the registry
      importRow({ [H.birthDate]: '02/02/1952', [H.sex]: 'Nữ', [H.idNumber]: twin }), // 8: same as row 9
      importRow({ [H.birthDate]: '02/02/1952', [H.sex]: 'Nữ', [H.idNumber]: twin }), // 9: same as row 8
      importRow({ [H.commune]: '99999' }), // 10: no such commune
      importRow({ [H.birthDate]: '1948' }), // 11: clean, year only
    ];
    names = rows.map((r) => r[H.fullName] ?? '').filter((n) => n !== '');
    const columnOf = new Map(headers.map((header, i) => [header.replace(/\s*\*$/, ''), i + 1]));
    rows.forEach((row, i) => {
      const excelRow = sheet.getRow(i + 2);
      for (const [header, value] of Object.entries(row)) {
        const col = columnOf.get(header);
        if (col && value) excelRow.getCell(col).value = value;
      }
      excelRow.commit();
    });
    const file = Buffer.from(await template.xlsx.writeBuffer()).toString('base64');
    const uploaded = await upload(manager, file);
    expect(uploaded.totalRows).toBe(10);
    batchId = uploaded.batchId;
    const result = await manager.residentImport.validate({ batchId, fromRow: 0, count: 500 });
    expect(result.validatedRows).toBe(10);
    problems = result.problems;
  });

  const at = (row: number) => problems.filter((p) => p.row === row);

  it('reports no problem for the clean rows', () => {
    expect(at(2)).toEqual([]);
    expect(at(11)).toEqual([]);
  });

  it('reports a missing full name on its row under "Họ và tên"', () => {
    expect(at(3).map((p) => p.column)).toEqual(['Họ và tên']);
  });

  it('reports a bad date under "Ngày sinh"', () => {
    expect(at(4)).toEqual([{ row: 4, column: 'Ngày sinh', message: expect.stringContaining('dd/mm/yyyy') }]);
  });

  it('reports an unknown group under "Nhóm đối tượng"', () => {
    expect(at(5)).toEqual([
      { row: 5, column: 'Nhóm đối tượng', message: expect.stringContaining('Người vô gia cư') },
    ]);
  });

  it('reports an ID number that contradicts the birth date and sex, naming the digit', () => {
    expect(at(6)).toEqual([
      { row: 6, column: 'Số định danh cá nhân', message: expect.stringContaining('Chữ số thứ 4') },
    ]);
  });

  it('reports an ID number already in the registry', () => {
    expect(at(7)).toEqual([
      { row: 7, column: 'Số định danh cá nhân', message: expect.stringContaining('đã có trong hệ thống') },
    ]);
  });

  it('reports an ID number used twice in the file, naming the other row', () => {
    expect(at(8)).toEqual([
      { row: 8, column: 'Số định danh cá nhân', message: expect.stringContaining('dòng 9') },
    ]);
    expect(at(9)).toEqual([
      { row: 9, column: 'Số định danh cá nhân', message: expect.stringContaining('dòng 8') },
    ]);
  });

  it('reports an unknown commune code under "Mã xã/phường quê quán"', () => {
    expect(at(10)).toEqual([
      { row: 10, column: 'Mã xã/phường quê quán', message: expect.stringContaining('danh mục 2025') },
    ]);
  });

  it('reports nothing else', () => {
    expect(new Set(problems.map((p) => p.row))).toEqual(new Set([3, 4, 5, 6, 7, 8, 9, 10]));
  });

  it('refuses to commit with IMPORT_HAS_ERRORS and writes nothing', async () => {
    const error = await expectTRPCError(
      manager.residentImport.commit({ batchId }),
      'PRECONDITION_FAILED',
      'IMPORT_HAS_ERRORS',
    );
    expect(error.cause).toMatchObject({ params: { rows: 8 } });
    expect(await countByNames(names)).toBe(0);
    const [batch] = await h.rows(sql`select status from import_batches where id = ${batchId}`);
    expect(batch).toEqual({ status: 'staged' });
  });

  it('numbers rows as the spreadsheet does when blank rows come between', async () => {
    const file = await importWorkbook(headers, [
      importRow(), // row 2
      null, // row 3 left blank
      null, // row 4 left blank
      importRow({ [H.birthDate]: 'không rõ' }), // row 5
    ]);
    const uploaded = await upload(manager, file);
    const result = await manager.residentImport.validate({
      batchId: uploaded.batchId,
      fromRow: 0,
      count: 10,
    });
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([[5, 'Ngày sinh']]);
  });
});

describe('commit', () => {
  it('refuses to commit before every row is validated (IMPORT_NOT_VALIDATED)', async () => {
    const rows = cleanRows(12, false);
    const { batchId } = await upload(manager, await importWorkbook(headers, rows));
    await expectTRPCError(
      manager.residentImport.commit({ batchId }),
      'PRECONDITION_FAILED',
      'IMPORT_NOT_VALIDATED',
    );
    const first = await manager.residentImport.validate({ batchId, fromRow: 0, count: 5 });
    expect(first.validatedRows).toBe(5);
    await expectTRPCError(
      manager.residentImport.commit({ batchId }),
      'PRECONDITION_FAILED',
      'IMPORT_NOT_VALIDATED',
    );
    const rest = await manager.residentImport.validate({ batchId, fromRow: 5, count: 10 });
    expect(rest.validatedRows).toBe(12);
    expect(await manager.residentImport.commit({ batchId })).toEqual({ imported: 12 });
  });

  it('imports a clean 200-row file in one transaction: people, stays and one audit row each', async () => {
    const rows = cleanRows(200);
    const names = rows.map((r) => r[H.fullName] as string);
    const { batchId, totalRows } = await upload(manager, await importWorkbook(headers, rows));
    expect(totalRows).toBe(200);
    const checked = await validateAll(manager, batchId, totalRows);
    expect(checked).toEqual({ problems: [], validatedRows: 200 });
    expect(await manager.residentImport.commit({ batchId })).toEqual({ imported: 200 });

    const people = await h.rows<{ id: string; stays: number; open_here: number; audits: number }>(
      sql`select r.id,
            (select count(*)::int from stays s where s.resident_id = r.id) as stays,
            (select count(*)::int from stays s where s.resident_id = r.id and s.discharged_on is null
               and s.facility_id = ${btxh()} and s.admitted_on = '2025-08-01'
               and s.admission_decision_number = '15/QĐ-TTBTXH') as open_here,
            (select count(*)::int from audit_log a where a.entity_type = 'resident' and a.entity_id = r.id::text
               and a.action = 'resident.import') as audits
          from residents r where r.full_name in (${sql.join(
            names.map((n) => sql`${n}`),
            sql`, `,
          )})`,
    );
    expect(people).toHaveLength(200);
    expect(people.every((p) => p.stays === 1 && p.open_here === 1 && p.audits === 1)).toBe(true);
    const [first] = await h.rows<{ id_number: string; birth_date: string; sex: string; group: string }>(
      sql`select id_number, birth_date::text as birth_date, sex, "group" from residents where full_name = ${names[1] as string}`,
    );
    expect(first).toEqual({
      id_number: rows[1]?.[H.idNumber],
      birth_date: '1941-02-11',
      sex: 'female',
      group: 'k1_elderly',
    });
    const listed = await manager.residents.list({ search: names[0] as string });
    expect(listed.items.map((i) => i.fullName)).toEqual([names[0]]);

    // Committed once: a second commit finds no staged batch.
    await expectTRPCError(manager.residentImport.commit({ batchId }), 'NOT_FOUND', 'IMPORT_NOT_FOUND');
  });

  it('writes nothing when the database refuses one row at commit time', async () => {
    const rows = cleanRows(200);
    const names = rows.map((r) => r[H.fullName] as string);
    const { batchId, totalRows } = await upload(manager, await importWorkbook(headers, rows));
    expect((await validateAll(manager, batchId, totalRows)).problems).toEqual([]);
    // Someone registers the ID number of row 151 after the file was validated.
    const taken = rows[149]?.[H.idNumber] as string;
    const birth = rows[149]?.[H.birthDate] as string;
    await admit(admin, btxh(), {
      birthDate: `${birth.slice(6, 10)}-${birth.slice(3, 5)}-${birth.slice(0, 2)}`,
      sex: rows[149]?.[H.sex] === 'Nữ' ? 'female' : 'male',
      group: 'k1_elderly',
      idNumber: taken,
    });
    await expectTRPCError(manager.residentImport.commit({ batchId }), 'CONFLICT', 'ID_NUMBER_EXISTS');
    expect(await countByNames(names)).toBe(0);
    const [audits] = await h.rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log a join residents r on r.id::text = a.entity_id
          where a.action = 'resident.import' and r.full_name in (${sql.join(
            names.map((n) => sql`${n}`),
            sql`, `,
          )})`,
    );
    expect(audits?.n).toBe(0);
  });
});

describe('batches belong to the person who uploaded them', () => {
  it('another user cannot validate or commit someone else’s batch (IMPORT_NOT_FOUND)', async () => {
    const { batchId } = await upload(manager, await importWorkbook(headers, [importRow()]));
    for (const other of [staff, admin]) {
      await expectTRPCError(
        other.residentImport.validate({ batchId, fromRow: 0, count: 10 }),
        'NOT_FOUND',
        'IMPORT_NOT_FOUND',
      );
      await expectTRPCError(other.residentImport.commit({ batchId }), 'NOT_FOUND', 'IMPORT_NOT_FOUND');
    }
    await manager.residentImport.validate({ batchId, fromRow: 0, count: 10 });
    for (const other of [staff, admin]) {
      await expectTRPCError(other.residentImport.commit({ batchId }), 'NOT_FOUND', 'IMPORT_NOT_FOUND');
    }
    expect(await manager.residentImport.commit({ batchId })).toEqual({ imported: 1 });
  });

  it('an unknown batch is IMPORT_NOT_FOUND', async () => {
    await expectTRPCError(
      manager.residentImport.commit({ batchId: '00000000-0000-4000-8000-000000000004' }),
      'NOT_FOUND',
      'IMPORT_NOT_FOUND',
    );
  });
});

describe('a 5,000-row file', () => {
  it('validates in slices of 500', { timeout: 120_000 }, async () => {
    const rows = cleanRows(5000);
    const file = await importWorkbook(headers, rows);
    const { batchId, totalRows } = await upload(manager, file);
    expect(totalRows).toBe(5000);

    const progress: number[] = [];
    const started = performance.now();
    for (let fromRow = 0; fromRow < totalRows; fromRow += 500) {
      const slice = await manager.residentImport.validate({ batchId, fromRow, count: 500 });
      expect(slice.problems).toEqual([]);
      progress.push(slice.validatedRows);
    }
    const validationMs = performance.now() - started;
    expect(progress).toEqual(Array.from({ length: 10 }, (_, i) => (i + 1) * 500));
    console.log(`[${DB_KIND}] 5,000-row import validated in 10 slices of 500: ${validationMs.toFixed(0)} ms`);
    const [pending] = await h.rows<{ n: number }>(
      sql`select count(*)::int as n from import_rows where batch_id = ${batchId} and errors is null`,
    );
    expect(pending?.n).toBe(0);
  });
});
