import type { Db } from '@ansinh/db/client';
import { communes } from '@ansinh/db/schema/admin-units';
import { auditLog } from '@ansinh/db/schema/audit';
import { importBatches, importRows } from '@ansinh/db/schema/policies';
import { residents, stays } from '@ansinh/db/schema/residents';
import { disabilityLabels, groupLabels } from '@ansinh/domain/entitlements/facts';
import { DomainError } from '@ansinh/domain/errors';
import { normalizeIdNumber } from '@ansinh/domain/id-number';
import { canReachFacility } from '@ansinh/domain/roles';
import { foldDiacritics } from '@ansinh/domain/text';
import type { ImportProblem } from '@ansinh/schemas/import';
import {
  admissionInput,
  type disabilityTypes,
  residentGroups,
  residentInput,
} from '@ansinh/schemas/resident';
import { and, asc, count, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { sqlIn } from '../sql.ts';
import type { ResidentWork } from './residents.ts';

/** Large enough for any centre's register, small enough to keep one upload in memory comfortably. */
export const MAX_IMPORT_ROWS = 10_000;

type Field =
  | 'fullName'
  | 'birthDate'
  | 'sex'
  | 'idNumber'
  | 'ethnicity'
  | 'homeCommuneCode'
  | 'group'
  | 'disabilityType'
  | 'disabilityLevel'
  | 'disabilityCertificate'
  | 'orphanOrAbandoned'
  | 'bothParentsDisabled'
  | 'parentLeftNotMissing'
  | 'lonelyElderly'
  | 'especiallyDifficult'
  | 'noMeansOfSupport'
  | 'pensionVnd'
  | 'labourCapacityLossVnd'
  | 'meritoriousAllowanceVnd'
  | 'studyingUntil'
  | 'healthInsuranceNumber'
  | 'guardianContacts'
  | 'admittedOn'
  | 'decisionNumber'
  | 'notes';

interface Column {
  field: Field;
  header: string;
  width: number;
  required?: boolean;
  hint: string;
  choices?: readonly string[];
}

const yesNo = ['Có', 'Không'] as const;
const disabilityTypeNames: Record<(typeof disabilityTypes)[number], string> = {
  mobility: 'Vận động',
  hearing_speech: 'Nghe, nói',
  vision: 'Nhìn',
  neurological_mental: 'Thần kinh, tâm thần',
  intellectual: 'Trí tuệ',
  other: 'Khác',
};

/** The template's columns, in order. Headers are what the centre sees; errors are reported by them. */
export const importColumns: readonly Column[] = [
  { field: 'fullName', header: 'Họ và tên', width: 28, required: true, hint: 'Họ và tên đầy đủ' },
  {
    field: 'birthDate',
    header: 'Ngày sinh',
    width: 14,
    required: true,
    hint: 'dd/mm/yyyy, hoặc chỉ năm (yyyy) nếu không rõ ngày tháng',
  },
  {
    field: 'sex',
    header: 'Giới tính',
    width: 10,
    required: true,
    hint: 'Nam hoặc Nữ',
    choices: ['Nam', 'Nữ'],
  },
  {
    field: 'idNumber',
    header: 'Số định danh cá nhân',
    width: 18,
    hint: '12 chữ số (hoặc 9 chữ số CMND cũ); để trống nếu chưa có',
  },
  { field: 'ethnicity', header: 'Dân tộc', width: 12, hint: 'Ví dụ: Kinh, Tày, Nùng' },
  {
    field: 'homeCommuneCode',
    header: 'Mã xã/phường quê quán',
    width: 14,
    hint: 'Mã 5 chữ số theo danh mục 2025',
  },
  {
    field: 'group',
    header: 'Nhóm đối tượng',
    width: 40,
    required: true,
    hint: 'Một trong các nhóm ở trang Hướng dẫn',
    choices: residentGroups.map((g) => groupLabels[g].vi),
  },
  {
    field: 'disabilityType',
    header: 'Dạng khuyết tật',
    width: 18,
    hint: 'Để trống nếu không khuyết tật',
    choices: Object.values(disabilityTypeNames),
  },
  {
    field: 'disabilityLevel',
    header: 'Mức độ khuyết tật',
    width: 16,
    hint: 'Đặc biệt nặng, Nặng hoặc Nhẹ',
    choices: ['Đặc biệt nặng', 'Nặng', 'Nhẹ'],
  },
  { field: 'disabilityCertificate', header: 'Số giấy xác nhận khuyết tật', width: 18, hint: '' },
  {
    field: 'orphanOrAbandoned',
    header: 'Mồ côi hoặc bị bỏ rơi',
    width: 12,
    hint: 'Có / Không / để trống nếu chưa rõ',
    choices: yesNo,
  },
  {
    field: 'bothParentsDisabled',
    header: 'Cha mẹ đều khuyết tật',
    width: 12,
    hint: 'Có / Không / để trống',
    choices: yesNo,
  },
  {
    field: 'parentLeftNotMissing',
    header: 'Cha/mẹ bỏ đi chưa tuyên bố mất tích',
    width: 14,
    hint: 'Có / Không / để trống',
    choices: yesNo,
  },
  {
    field: 'lonelyElderly',
    header: 'Người cao tuổi neo đơn',
    width: 12,
    hint: 'Có / Không / để trống',
    choices: yesNo,
  },
  {
    field: 'especiallyDifficult',
    header: 'Hoàn cảnh đặc biệt khó khăn',
    width: 12,
    hint: 'Có / Không / để trống',
    choices: yesNo,
  },
  {
    field: 'noMeansOfSupport',
    header: 'Không có nguồn nuôi dưỡng',
    width: 12,
    hint: 'Có / Không / để trống',
    choices: yesNo,
  },
  { field: 'pensionVnd', header: 'Lương hưu (đồng/tháng)', width: 14, hint: 'Số tiền; 0 nếu không có' },
  {
    field: 'labourCapacityLossVnd',
    header: 'Trợ cấp mất sức lao động (đồng/tháng)',
    width: 14,
    hint: 'Số tiền; 0 nếu không có',
  },
  {
    field: 'meritoriousAllowanceVnd',
    header: 'Trợ cấp người có công (đồng/tháng)',
    width: 14,
    hint: 'Số tiền; 0 nếu không có',
  },
  {
    field: 'studyingUntil',
    header: 'Đang đi học đến ngày',
    width: 14,
    hint: 'dd/mm/yyyy; để trống nếu không đi học',
  },
  { field: 'healthInsuranceNumber', header: 'Số thẻ BHYT', width: 16, hint: '' },
  {
    field: 'guardianContacts',
    header: 'Người giám hộ, liên hệ',
    width: 28,
    hint: 'Họ tên, quan hệ, số điện thoại',
  },
  { field: 'admittedOn', header: 'Ngày tiếp nhận', width: 14, required: true, hint: 'dd/mm/yyyy' },
  { field: 'decisionNumber', header: 'Số quyết định tiếp nhận', width: 18, hint: '' },
  { field: 'notes', header: 'Ghi chú', width: 28, hint: '' },
];

const headerOf = Object.fromEntries(importColumns.map((c) => [c.field, c.header])) as Record<Field, string>;

export async function importTemplate(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'An Sinh';
  const sheet = workbook.addWorksheet('Đối tượng', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = importColumns.map((c) => ({
    header: c.required ? `${c.header} *` : c.header,
    width: c.width,
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
  importColumns.forEach((c, i) => {
    if (!c.choices) return;
    const letter = sheet.getColumn(i + 1).letter;
    // Drop-down lists keep spelling consistent; free text is still accepted and checked on import.
    for (let row = 2; row <= 2000; row++) {
      sheet.getCell(`${letter}${row}`).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${c.choices.join(',')}"`],
      };
    }
  });
  const guide = workbook.addWorksheet('Hướng dẫn');
  guide.columns = [
    { header: 'Cột', width: 36 },
    { header: 'Cách ghi', width: 70 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const c of importColumns) guide.addRow([c.required ? `${c.header} (bắt buộc)` : c.header, c.hint]);
  guide.addRow([]);
  guide.addRow(['Nhóm đối tượng', 'Ghi đúng một trong các tên sau (Nghị định 20/2021/NĐ-CP, Điều 24):']);
  for (const g of residentGroups) guide.addRow(['', groupLabels[g].vi]);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

/** A cell as text: Excel dates become dd/mm/yyyy, numbers stay digits, formulas give their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const d = value.toISOString().slice(0, 10);
    return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
  }
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    return '';
  }
  return String(value).trim();
}

/** Reads the first sheet by header names (order-independent), into plain text rows. */
/** Each non-blank row with its spreadsheet row number, so problems point at the row the person sees. */
export async function parseImportFile(
  base64: string,
): Promise<{ sheetRow: number; values: Record<Field, string> }[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('IMPORT_NOT_FOUND', { reason: 'unreadable' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const byHeader = new Map(importColumns.map((c) => [foldDiacritics(c.header), c.field]));
  const fieldAt = new Map<number, Field>();
  sheet.getRow(1).eachCell((cell, col) => {
    const field = byHeader.get(foldDiacritics(cellText(cell.value).replace(/\*$/, '').trim()));
    if (field) fieldAt.set(col, field);
  });
  const rows: { sheetRow: number; values: Record<Field, string> }[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const record = Object.fromEntries(importColumns.map((c) => [c.field, ''])) as Record<Field, string>;
    row.eachCell((cell, col) => {
      const field = fieldAt.get(col);
      if (field) record[field] = cellText(cell.value);
    });
    if (Object.values(record).some((v) => v !== '')) rows.push({ sheetRow: rowNumber, values: record });
  });
  return rows;
}

export async function uploadImport(work: ResidentWork, facilityId: string, base64: string) {
  if (!canReachFacility(work.actor.scope, facilityId)) throw new DomainError('FORBIDDEN', { facilityId });
  const rows = await parseImportFile(base64);
  if (rows.length > MAX_IMPORT_ROWS) throw new DomainError('IMPORT_HAS_ERRORS', { maxRows: MAX_IMPORT_ROWS });
  return work.db.transaction(async (tx) => {
    const [batch] = await tx
      .insert(importBatches)
      .values({ kind: 'residents', facilityId, createdBy: work.actor.id, totalRows: rows.length })
      .returning({ id: importBatches.id });
    if (!batch) throw new Error('insert returned no row');
    for (let i = 0; i < rows.length; i += 1000) {
      await tx.insert(importRows).values(
        rows.slice(i, i + 1000).map((data, j) => ({
          batchId: batch.id,
          rowNumber: i + j,
          // Stored normalised so a number typed with spaces still matches its twin in another row.
          data: {
            ...data.values,
            idNumber: normalizeIdNumber(data.values.idNumber),
            sheetRow: data.sheetRow,
          },
        })),
      );
    }
    return { batchId: batch.id, totalRows: rows.length };
  });
}

const fold = (v: string) => foldDiacritics(v).trim();
const lookup = <T extends string>(names: Record<T, string>) =>
  new Map(Object.entries<string>(names).map(([code, name]) => [fold(name), code as T]));
const groupByName = lookup(
  Object.fromEntries(residentGroups.map((g) => [g, groupLabels[g].vi])) as Record<string, string>,
);
const disabilityTypeByName = lookup(disabilityTypeNames);
const disabilityLevelByName = lookup(
  Object.fromEntries(Object.entries(disabilityLabels).map(([k, v]) => [k, v.vi])) as Record<string, string>,
);

/** dd/mm/yyyy (or d/m/yyyy), yyyy-mm-dd, or a bare year when day and month are unknown. */
function parseDate(text: string): { date: string; precision: 'day' | 'year' } | string | null {
  if (text === '') return null;
  if (/^\d{4}$/.test(text)) return { date: `${text}-01-01`, precision: 'year' };
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (dmy)
    return { date: `${dmy[3]}-${dmy[2]?.padStart(2, '0')}-${dmy[1]?.padStart(2, '0')}`, precision: 'day' };
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return { date: text, precision: 'day' };
  return 'Ngày phải ghi dạng dd/mm/yyyy';
}

/** One spreadsheet row to the API's own inputs, or the problems that stop it, by column. */
function readRow(raw: Record<Field, string>): {
  problems: Omit<ImportProblem, 'row'>[];
  candidate?: unknown;
} {
  const problems: Omit<ImportProblem, 'row'>[] = [];
  const problem = (field: Field, message: string) => problems.push({ column: headerOf[field], message });
  const choice = <T>(field: Field, map: Map<string, T>, text: string): T | null => {
    if (text === '') return null;
    const hit = map.get(fold(text)) ?? (map as Map<string, T>).get(text);
    if (hit === undefined) problem(field, `Giá trị "${text}" không có trong danh sách`);
    return hit ?? null;
  };
  const yes = (field: Field) => {
    const v = fold(raw[field]);
    if (v === '') return null;
    if (v === 'co') return true;
    if (v === 'khong') return false;
    problem(field, 'Ghi "Có", "Không" hoặc để trống');
    return null;
  };
  const money = (field: Field) => {
    const v = raw[field].replace(/[.\s,đ]/g, '');
    if (v === '') return null;
    if (!/^\d+$/.test(v)) {
      problem(field, 'Phải là số tiền (đồng)');
      return null;
    }
    return Number(v);
  };
  const date = (field: Field) => {
    const parsed = parseDate(raw[field]);
    if (typeof parsed === 'string') problem(field, parsed);
    return typeof parsed === 'object' && parsed ? parsed : null;
  };

  const birth = date('birthDate');
  const sex =
    fold(raw.sex) === 'nam'
      ? 'male'
      : fold(raw.sex) === 'nu'
        ? 'female'
        : raw.sex === ''
          ? undefined
          : 'invalid';
  const candidate = {
    resident: {
      fullName: raw.fullName,
      birthDate: birth?.date,
      birthDatePrecision: birth?.precision ?? 'day',
      sex,
      idNumber: raw.idNumber || null,
      ethnicity: raw.ethnicity || null,
      homeCommuneCode: raw.homeCommuneCode || null,
      group: raw.group === '' ? undefined : (choice('group', groupByName, raw.group) ?? 'invalid'),
      disabilityType: choice('disabilityType', disabilityTypeByName, raw.disabilityType),
      disabilityLevel: choice('disabilityLevel', disabilityLevelByName, raw.disabilityLevel),
      disabilityCertificate: raw.disabilityCertificate || null,
      orphanOrAbandoned: yes('orphanOrAbandoned'),
      bothParentsDisabled: yes('bothParentsDisabled'),
      parentLeftNotMissing: yes('parentLeftNotMissing'),
      lonelyElderly: yes('lonelyElderly'),
      especiallyDifficult: yes('especiallyDifficult'),
      noMeansOfSupport: yes('noMeansOfSupport'),
      pensionVnd: money('pensionVnd'),
      labourCapacityLossVnd: money('labourCapacityLossVnd'),
      meritoriousAllowanceVnd: money('meritoriousAllowanceVnd'),
      studyingUntil: date('studyingUntil')?.date ?? null,
      healthInsuranceNumber: raw.healthInsuranceNumber || null,
      guardianContacts: raw.guardianContacts || null,
      notes: raw.notes || null,
    },
    admission: { admittedOn: date('admittedOn')?.date, decisionNumber: raw.decisionNumber || null },
  };
  return { problems, candidate };
}

/** Validates one slice of a staged import and stores each row's verdict; the UI calls it slice by slice. */
export async function validateImportSlice(
  work: ResidentWork,
  batchId: string,
  fromRow: number,
  count_: number,
) {
  const batch = await ownBatch(work, batchId);
  const rows = await work.db
    .select({ rowNumber: importRows.rowNumber, data: importRows.data })
    .from(importRows)
    .where(
      and(
        eq(importRows.batchId, batchId),
        gte(importRows.rowNumber, fromRow),
        lt(importRows.rowNumber, fromRow + count_),
      ),
    )
    .orderBy(asc(importRows.rowNumber));

  const checked = rows.map((row) => {
    const { problems, candidate } = readRow(row.data as Record<Field, string>);
    const parsed = {
      resident: residentInput.safeParse((candidate as { resident: unknown }).resident),
      admission: admissionInput.safeParse({
        ...(candidate as { admission: object }).admission,
        facilityId: batch.facilityId,
      }),
    };
    for (const [part, result] of Object.entries(parsed)) {
      if (result.success) continue;
      for (const issue of result.error.issues) {
        const field = String(issue.path[0] ?? '') as Field;
        const column = headerOf[field] ?? (part === 'admission' ? headerOf.admittedOn : field);
        if (!problems.some((p) => p.column === column)) problems.push({ column, message: issue.message });
      }
    }
    return {
      rowNumber: row.rowNumber,
      sheetRow: (row.data as { sheetRow: number }).sheetRow,
      problems,
      idNumber: parsed.resident.success ? parsed.resident.data.idNumber : null,
      communeCode: parsed.resident.success ? parsed.resident.data.homeCommuneCode : null,
    };
  });

  await addRegistryProblems(work.db, batchId, checked);
  await work.db.transaction(async (tx) => {
    for (const row of checked) {
      await tx
        .update(importRows)
        .set({ errors: row.problems })
        .where(and(eq(importRows.batchId, batchId), eq(importRows.rowNumber, row.rowNumber)));
    }
  });
  const [done] = await work.db
    .select({ n: count() })
    .from(importRows)
    .where(and(eq(importRows.batchId, batchId), isNotNull(importRows.errors)));
  return {
    validatedRows: done?.n ?? 0,
    problems: checked.flatMap((r) => r.problems.map((p) => ({ row: r.sheetRow, ...p }))),
  };
}

/** Checks that need the registry: a known commune, and an ID number not already held by someone else. */
async function addRegistryProblems(
  db: Db,
  batchId: string,
  rows: {
    rowNumber: number;
    problems: Omit<ImportProblem, 'row'>[];
    idNumber: string | null;
    communeCode: string | null;
  }[],
) {
  const ids = rows.flatMap((r) => (r.idNumber ? [r.idNumber] : []));
  const codes = [...new Set(rows.flatMap((r) => (r.communeCode ? [r.communeCode] : [])))];
  const [taken, known, inFile] = await Promise.all([
    ids.length
      ? db.select({ idNumber: residents.idNumber }).from(residents).where(inArray(residents.idNumber, ids))
      : [],
    codes.length
      ? db.select({ code: communes.code }).from(communes).where(inArray(communes.code, codes))
      : [],
    ids.length
      ? db.execute<{ id_number: string; row_number: number; sheet_row: number }>(
          sql`select data->>'idNumber' as id_number, row_number, (data->>'sheetRow')::int as sheet_row from import_rows where batch_id = ${batchId} and ${sqlIn(sql`data->>'idNumber'`, ids)}`,
        )
      : { rows: [] },
  ]);
  const takenIds = new Set(taken.map((t) => t.idNumber));
  const knownCodes = new Set(known.map((k) => k.code));
  for (const row of rows) {
    if (row.idNumber && takenIds.has(row.idNumber)) {
      row.problems.push({
        column: headerOf.idNumber,
        message: 'Số định danh đã có trong hệ thống (đối tượng đã được quản lý)',
      });
    }
    const twin = inFile.rows.find((r) => r.id_number === row.idNumber && r.row_number !== row.rowNumber);
    if (row.idNumber && twin) {
      row.problems.push({
        column: headerOf.idNumber,
        message: `Trùng số định danh với dòng ${twin.sheet_row}`,
      });
    }
    if (row.communeCode && !knownCodes.has(row.communeCode)) {
      row.problems.push({
        column: headerOf.homeCommuneCode,
        message: 'Không có mã xã/phường này trong danh mục 2025',
      });
    }
  }
}

async function ownBatch(work: ResidentWork, batchId: string) {
  const [batch] = await work.db.select().from(importBatches).where(eq(importBatches.id, batchId));
  if (!batch || batch.createdBy !== work.actor.id) throw new DomainError('IMPORT_NOT_FOUND');
  return batch;
}

/** All or nothing: every row validated and clean, then one transaction writes people, stays and audit. */
export async function commitImport(work: ResidentWork, batchId: string): Promise<{ imported: number }> {
  const batch = await ownBatch(work, batchId);
  if (batch.status !== 'staged') throw new DomainError('IMPORT_NOT_FOUND');
  const rows = await work.db
    .select({ rowNumber: importRows.rowNumber, data: importRows.data, errors: importRows.errors })
    .from(importRows)
    .where(eq(importRows.batchId, batchId))
    .orderBy(asc(importRows.rowNumber));
  if (rows.some((r) => r.errors === null)) throw new DomainError('IMPORT_NOT_VALIDATED');
  const withProblems = rows.filter((r) => (r.errors as unknown[]).length > 0).length;
  if (withProblems > 0) throw new DomainError('IMPORT_HAS_ERRORS', { rows: withProblems });

  const people = rows.map((r) => {
    const { candidate } = readRow(r.data as Record<Field, string>);
    const c = candidate as { resident: unknown; admission: object };
    return {
      resident: residentInput.parse(c.resident),
      admission: admissionInput.parse({ ...c.admission, facilityId: batch.facilityId }),
    };
  });

  await work.db.transaction(async (tx) => {
    // Claiming the batch first makes a second, concurrent commit wait and then find nothing to claim.
    const claimed = await tx
      .update(importBatches)
      .set({ status: 'committed' })
      .where(and(eq(importBatches.id, batchId), eq(importBatches.status, 'staged')))
      .returning({ id: importBatches.id });
    if (claimed.length === 0) throw new DomainError('IMPORT_NOT_FOUND');
    for (let i = 0; i < people.length; i += 500) {
      const slice = people.slice(i, i + 500);
      const created = await tx
        .insert(residents)
        .values(slice.map((p) => p.resident))
        .returning({ id: residents.id });
      await tx.insert(stays).values(
        created.map((r, j) => ({
          residentId: r.id,
          facilityId: batch.facilityId,
          admittedOn: slice[j]?.admission.admittedOn ?? '',
          admissionDecisionNumber: slice[j]?.admission.decisionNumber ?? null,
        })),
      );
      await tx.insert(auditLog).values(
        created.map((r, j) => ({
          actorId: work.actor.id,
          action: 'resident.import',
          entityType: 'resident',
          entityId: r.id,
          after: { ...slice[j]?.resident, stays: [{ facilityId: batch.facilityId, ...slice[j]?.admission }] },
          requestId: work.meta.requestId,
          ip: work.meta.ip,
        })),
      );
    }
  });
  // A large import changes the tables' shape; fresh statistics keep list queries on their indexes
  // (the embedded database has no autovacuum to do it).
  await work.db.execute(sql`analyze residents, stays`);
  return { imported: people.length };
}
