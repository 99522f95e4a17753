/**
 * Helpers shared by the residents-*.test.ts files: people that pass validation, valid ID numbers,
 * dates relative to the harness clock, import workbooks and readers for downloaded spreadsheets.
 */
import { constraintViolationOf } from '@ansinh/db/errors';
import type { DomainErrorCode } from '@ansinh/domain/errors';
import type { ResidentFormValues } from '@ansinh/schemas/resident';
import { TRPCError } from '@trpc/server';
import { type SQL, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { ZodError } from 'zod';
import { type ApiHarness, type Caller, domainErrorOf, readWorkbook } from './harness.ts';

export const DB_KIND = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/** Facility codes of the demo network and who works where. */
export const BTXH = 'TN-BTXH';
export const HUONGDUONG = 'NCL-HUONGDUONG';
export const TREEM = 'TN-TREEM';
export const TAMTHAN = 'TN-TAMTHAN';
export const ALL_FACILITY_CODES = [
  'TN-BTXH',
  'TN-TAMTHAN',
  'TN-TREEM',
  'TN-CTXH-BK',
  'NCL-HUONGDUONG',
  'NCL-ANBINH',
  'NCL-ANHDUONG',
  'NCL-HOASEN',
] as const;
export const HUONGDUONG_NAME = 'Cơ sở Bảo trợ xã hội Hướng Dương';

let sequence = 0;
const randomBase = Math.floor(Math.random() * 500_000);

/** A number unique within the test process. */
export function nextSeq(): number {
  sequence += 1;
  return sequence;
}

const givenNames = ['An', 'Bình', 'Cúc', 'Dũng', 'Giang', 'Hà', 'Khánh', 'Lan', 'Minh', 'Nga', 'Phúc', 'Quý'];

/** A plausible, unique Vietnamese-looking name, so that fixtures never trip the duplicate warning. */
export function uniqueName(family = 'Hoàng'): string {
  const n = nextSeq();
  return `${family} Thử${n} ${givenNames[n % givenNames.length]}`;
}

/**
 * A valid 12-digit personal ID number for someone born on `birthDate` with this sex (FACTS: digits 1–3
 * province 019, digit 4 century and sex, digits 5–6 birth year, 7–12 random), unique within the process.
 */
export function idNumberFor(birthDate: string, sex: 'male' | 'female'): string {
  const year = Number(birthDate.slice(0, 4));
  const centuryIndex = Math.floor(year / 100) - 19;
  const digit4 = centuryIndex * 2 + (sex === 'female' ? 1 : 0);
  const tail = String((randomBase + nextSeq()) % 1_000_000).padStart(6, '0');
  return `019${digit4}${String(year % 100).padStart(2, '0')}${tail}`;
}

/** A child of k1 (no one to support them) that passes every check; override what the test is about. */
export function person(overrides: Partial<ResidentFormValues> = {}): ResidentFormValues {
  return {
    fullName: uniqueName(),
    birthDate: '2015-03-03',
    sex: 'male',
    group: 'k1_child_no_support',
    orphanOrAbandoned: true,
    ...overrides,
  };
}

export interface AdmitOptions {
  admittedOn?: string;
  decisionNumber?: string | null;
  confirmDuplicate?: boolean;
}

/** Creates a person with their first stay through the API and returns the detail. */
export function admit(
  caller: Caller,
  facilityId: string,
  overrides: Partial<ResidentFormValues> = {},
  options: AdmitOptions = {},
) {
  return caller.residents.create({
    resident: person(overrides),
    admission: {
      facilityId,
      admittedOn: options.admittedOn ?? '2025-08-01',
      decisionNumber: options.decisionNumber ?? null,
    },
    confirmDuplicate: options.confirmDuplicate ?? false,
  });
}

/** Facility ids of the demo network by code, looked up once per file. */
export async function facilityIds(h: ApiHarness): Promise<Record<string, string>> {
  const rows = await h.rows<{ id: string; code: string }>(sql`select id, code from facilities`);
  return Object.fromEntries(rows.map((r) => [r.code, r.id]));
}

// ---------------------------------------------------------------------------------------------------
// Dates

/** Today for the API: the UTC date of the harness clock, as the services compute it. */
export function todayOf(h: ApiHarness): string {
  return h.clock.now().toISOString().slice(0, 10);
}

/** The same calendar day `years` earlier (2025-09-01 → 2021-09-01). */
export function yearsBefore(isoDate: string, years: number): string {
  return `${Number(isoDate.slice(0, 4)) - years}${isoDate.slice(4)}`;
}

/** The ISO day `days` after (or before, when negative) the given one. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Moves the harness clock forward to the given day (same time of day as the harness start). */
export function moveClockTo(h: ApiHarness, isoDate: string): void {
  const target = new Date(`${isoDate}T01:00:00.000Z`).getTime();
  const now = h.clock.now().getTime();
  if (target < now) throw new Error(`the harness clock only moves forward (${isoDate})`);
  h.clock.advance(target - now);
}

// ---------------------------------------------------------------------------------------------------
// Errors

/** What a call failed with: transport code, domain code and params, or zod issues by joined path. */
export async function failureOf(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  return expect.fail('expected the call to fail, but it succeeded');
}

/** Zod messages at a joined path ("resident.idNumber"), as the API's error formatter reports them. */
export function issuesAt(error: TRPCError, path: string): string[] {
  expect(error.code).toBe('BAD_REQUEST');
  const cause = error.cause;
  if (!(cause instanceof ZodError)) throw new Error(`not a validation error: ${String(cause)}`);
  return cause.issues.filter((i) => i.path.join('.') === path).map((i) => i.message);
}

/** Transport and domain code of a settled call (for tallying parallel results). */
export function outcomeOf(result: PromiseSettledResult<unknown>): string {
  if (result.status === 'fulfilled') return 'ok';
  const error = result.reason as unknown;
  if (!(error instanceof TRPCError)) return `thrown:${String(error)}`;
  return `${error.code}/${domainErrorOf(error)?.code ?? '-'}`;
}

export function isConflict(outcome: string, codes: readonly DomainErrorCode[]): boolean {
  return codes.some((c) => outcome === `CONFLICT/${c}`);
}

/** Runs raw SQL that must violate a constraint, and returns the SQLSTATE and constraint name. */
export async function violationOf(
  h: ApiHarness,
  query: SQL,
): Promise<{ sqlState: string; constraint: string }> {
  try {
    await h.db.execute(query);
  } catch (error) {
    const violation = constraintViolationOf(error);
    if (!violation) throw error;
    return { sqlState: violation.sqlState, constraint: violation.constraint ?? '' };
  }
  return expect.fail('expected a constraint violation, but the statement succeeded');
}

// ---------------------------------------------------------------------------------------------------
// Database checks

export async function openStaysOf(h: ApiHarness, residentId: string) {
  return h.rows<{ id: string; facility_id: string }>(
    sql`select id, facility_id from stays where resident_id = ${residentId} and discharged_on is null`,
  );
}

export async function auditActionsOf(h: ApiHarness, residentId: string): Promise<string[]> {
  const rows = await h.rows<{ action: string }>(
    sql`select action from audit_log where entity_type = 'resident' and entity_id = ${residentId} order by id`,
  );
  return rows.map((r) => r.action);
}

// ---------------------------------------------------------------------------------------------------
// Spreadsheets

export type Cell = string | number | Date | null;

/** Every row of the first sheet (or the named one) as plain values; rich text and formulas as text. */
export async function sheetRows(base64: string, sheetName?: string): Promise<Cell[][]> {
  const workbook = await readWorkbook(base64);
  const sheet = sheetName ? workbook.getWorksheet(sheetName) : workbook.worksheets[0];
  if (!sheet) throw new Error(`no worksheet ${sheetName ?? ''}`);
  const rows: Cell[][] = [];
  sheet.eachRow((row) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= sheet.columnCount; c += 1) {
      const value = row.getCell(c).value;
      cells.push(
        value === null || typeof value === 'string' || typeof value === 'number' || value instanceof Date
          ? value
          : String(value),
      );
    }
    rows.push(cells);
  });
  return rows;
}

/** The import columns that matter in tests, by their Vietnamese header (as in the template). */
export const H = {
  fullName: 'Họ và tên',
  birthDate: 'Ngày sinh',
  sex: 'Giới tính',
  idNumber: 'Số định danh cá nhân',
  ethnicity: 'Dân tộc',
  commune: 'Mã xã/phường quê quán',
  group: 'Nhóm đối tượng',
  disabilityLevel: 'Mức độ khuyết tật',
  pension: 'Lương hưu (đồng/tháng)',
  admittedOn: 'Ngày tiếp nhận',
  decisionNumber: 'Số quyết định tiếp nhận',
  notes: 'Ghi chú',
} as const;

export type ImportRow = Partial<Record<(typeof H)[keyof typeof H], string>>;

/** The headers above, without the template's "*" marks (the import matches headers by name, in any order). */
export const PLAIN_HEADERS: readonly string[] = Object.values(H);

/** A clean import row for an elderly k1 person born in the 1900s; override what the test is about. */
export function importRow(overrides: ImportRow = {}): ImportRow {
  return {
    [H.fullName]: uniqueName('Triệu'),
    [H.birthDate]: '05/06/1950',
    [H.sex]: 'Nam',
    [H.ethnicity]: 'Tày',
    [H.commune]: '05500',
    [H.group]: 'Người cao tuổi (k1)',
    [H.admittedOn]: '01/08/2025',
    [H.decisionNumber]: '15/QĐ-TTBTXH',
    ...overrides,
  };
}

/**
 * An .xlsx with one header row (the given headers, e.g. the template's, with their "*") and the rows
 * below it. `null` entries leave a blank spreadsheet row, to check that errors keep the real row number.
 */
export async function importWorkbook(headers: readonly string[], rows: readonly (ImportRow | null)[]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Đối tượng');
  sheet.addRow([...headers]);
  const bare = headers.map((h) => h.replace(/\s*\*$/, ''));
  rows.forEach((row, i) => {
    if (!row) return;
    const excelRow = sheet.getRow(i + 2);
    bare.forEach((header, c) => {
      const value = row[header as keyof ImportRow];
      if (value !== undefined && value !== '') excelRow.getCell(c + 1).value = value;
    });
    excelRow.commit();
  });
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

/** The template's header row, as downloaded. */
export async function templateHeaders(caller: Caller): Promise<string[]> {
  const file = await caller.residentImport.template();
  const [header] = await sheetRows(file.base64);
  return (header ?? []).map((v) => String(v ?? ''));
}
