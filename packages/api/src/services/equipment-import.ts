/**
 * Excel import of items into one facility: the template, a preview (nothing written) and an apply that
 * checks everything again and writes all rows in one transaction, or none. With "update existing", a row
 * whose asset code is already registered (in this facility) updates that item; the preview lists the
 * field changes. The row is the whole record for the columns present in the file: a blank cell clears
 * the value, a column left out of the file keeps it.
 *
 * 10,000 rows: one parse, lookups loaded once (models by name, field definitions, items by asset code),
 * plain-JS checks per row, then multi-row INSERTs and set-based UPDATEs of 1,000 rows at a time.
 */
import '@ansinh/schemas/messages';
import type { Queryable } from '@ansinh/db/client';
import { auditLog } from '@ansinh/db/schema/audit';
import { categoryFields, equipmentItems, itemModels } from '@ansinh/db/schema/equipment';
import { facilities } from '@ansinh/db/schema/facilities';
import { isIsoDate } from '@ansinh/domain/entitlements/dates';
import { DomainError } from '@ansinh/domain/errors';
import { foldDiacritics } from '@ansinh/domain/text';
import {
  assetCode as assetCodeSchema,
  type CategoryField,
  type equipmentImportInput,
  type equipmentImportPreview,
  type Item,
  type ItemInput,
  type ItemModel,
  itemInput,
} from '@ansinh/schemas/equipment';
import { asc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import {
  assertFacilityInScope,
  type CustomValues,
  changesBetween,
  checkCustomValues,
  type EquipmentWork,
  inputOf,
  itemSnapshot,
  jsonArray,
  queryItems,
  withConstraintErrors,
} from './equipment-common.ts';
import {
  categoryLabels,
  conditionLabels,
  fundingLabels,
  statusLabels,
  trackingLabels,
} from './equipment-labels.ts';
import {
  cellText,
  customHeader,
  customHint,
  itemSheetColumns,
  type SheetField,
  sheetHeaderOf,
} from './equipment-sheet.ts';

export const MAX_EQUIPMENT_IMPORT_ROWS = 10_000;
const CHUNK = 1000;

type Problem = { row: number; column: string; message: string };
type Preview = z.infer<typeof equipmentImportPreview>;

const fold = (v: string) => foldDiacritics(v).trim().replace(/\s+/g, ' ');

// ---- template ----------------------------------------------------------------------------------

async function loadFields(db: Queryable): Promise<CategoryField[]> {
  return db
    .select({
      id: categoryFields.id,
      category: categoryFields.category,
      key: categoryFields.key,
      labelVi: categoryFields.labelVi,
      labelEn: categoryFields.labelEn,
      type: categoryFields.type,
      required: categoryFields.required,
    })
    .from(categoryFields)
    .orderBy(asc(categoryFields.category), asc(categoryFields.createdAt), asc(categoryFields.key));
}

async function loadModels(db: Queryable): Promise<ItemModel[]> {
  return db
    .select({
      id: itemModels.id,
      name: itemModels.name,
      category: itemModels.category,
      usefulLifeYears: itemModels.usefulLifeYears,
      minPerFacility: itemModels.minPerFacility,
      minPerBed: itemModels.minPerBed,
      version: itemModels.version,
    })
    .from(itemModels)
    .orderBy(asc(itemModels.category), asc(itemModels.name));
}

export async function equipmentImportTemplate(db: Queryable): Promise<string> {
  const [fields, models] = await Promise.all([loadFields(db), loadModels(db)]);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'An Sinh';
  const sheet = workbook.addWorksheet('Tài sản', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    ...itemSheetColumns.map((c) => ({ header: c.required ? `${c.header} *` : c.header, width: c.width })),
    ...fields.map((f) => ({ header: customHeader(f), width: 18 })),
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
  itemSheetColumns.forEach((c, i) => {
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
    { header: 'Cột', width: 40 },
    { header: 'Cách ghi', width: 80 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const c of itemSheetColumns) {
    const choices = c.choices ? `Một trong: ${c.choices.join('; ')}. ` : '';
    guide.addRow([c.required ? `${c.header} (bắt buộc)` : c.header, `${choices}${c.hint}`]);
  }
  for (const f of fields) guide.addRow([customHeader(f), customHint(f)]);
  guide.addRow([]);
  guide.addRow([
    'Cập nhật tài sản đã có',
    'Khi chọn "cập nhật theo mã tài sản", dòng có mã đã đăng ký ở cơ sở sẽ cập nhật tài sản đó: ô để trống xóa giá trị cũ, cột không có trong tệp giữ nguyên.',
  ]);
  guide.addRow([]);
  guide.addRow(['Mẫu thiết bị trong danh mục', 'Nhóm tài sản — thời gian sử dụng (năm)']);
  for (const m of models) guide.addRow([m.name, `${categoryLabels[m.category]} — ${m.usefulLifeYears}`]);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

// ---- reading the file --------------------------------------------------------------------------

interface RawRow {
  row: number;
  cells: Partial<Record<SheetField, string>>;
  /** Custom values by field id, as text. */
  custom: Map<string, string>;
}

interface ParsedFile {
  rows: RawRow[];
  /** Columns the file has: a column left out keeps the stored value when updating. */
  present: Set<SheetField>;
  presentCustom: Set<string>;
}

async function parseFile(base64: string, fields: readonly CategoryField[]): Promise<ParsedFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('IMPORT_HAS_ERRORS', { reason: 'unreadable' });
  }
  const sheet = workbook.worksheets[0];
  const parsed: ParsedFile = { rows: [], present: new Set(), presentCustom: new Set() };
  if (!sheet) return parsed;
  const byHeader = new Map<string, { field: SheetField } | { custom: CategoryField }>([
    ...itemSheetColumns.map((c) => [fold(c.header), { field: c.field }] as const),
    ...fields.map((f) => [fold(customHeader(f)), { custom: f }] as const),
  ]);
  const at = new Map<number, { field: SheetField } | { custom: CategoryField }>();
  sheet.getRow(1).eachCell((cell, col) => {
    const target = byHeader.get(fold(cellText(cell.value).replace(/\*$/, '')));
    if (!target) return;
    at.set(col, target);
    if ('field' in target) parsed.present.add(target.field);
    else parsed.presentCustom.add(target.custom.id);
  });
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const raw: RawRow = { row: rowNumber, cells: {}, custom: new Map() };
    let blank = true;
    row.eachCell((cell, col) => {
      const target = at.get(col);
      if (!target) return;
      const text = cellText(cell.value);
      if (text === '') return;
      blank = false;
      if ('field' in target) raw.cells[target.field] = text;
      else raw.custom.set(target.custom.id, text);
    });
    if (!blank) parsed.rows.push(raw);
  });
  return parsed;
}

// ---- checking rows -----------------------------------------------------------------------------

const lookup = <T extends string>(labels: Record<T, string>) =>
  new Map<string, T>(
    Object.entries<string>(labels).flatMap(([code, label]) => [
      [fold(label), code as T],
      [code, code as T],
    ]),
  );
const categoryByName = lookup(categoryLabels);
const conditionByName = lookup(conditionLabels);
const fundingByName = lookup(fundingLabels);
const trackingByName = lookup(trackingLabels);
const statusByName = lookup(statusLabels);

/** dd/mm/yyyy (or d/m/yyyy, with . or -) or yyyy-mm-dd; a message when it is neither. */
function parseDate(text: string): string | { error: string } {
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const iso = dmy ? `${dmy[3]}-${dmy[2]?.padStart(2, '0')}-${dmy[1]?.padStart(2, '0')}` : text;
  return isIsoDate(iso) ? iso : { error: 'Ngày phải ghi dạng dd/mm/yyyy' };
}

/** Whole numbers as people type them: "12.500.000", "12,500,000", "12 500 000 đ". */
function parseWhole(text: string): number | null {
  const digits = text.replace(/[.,\s]|đ$|VND$/gi, '');
  return /^\d+$/.test(digits) ? Number(digits) : null;
}

interface Lookups {
  facilityId: string;
  facilityName: string;
  fields: CategoryField[];
  modelsByName: Map<string, ItemModel[]>;
  modelsById: Map<string, ItemModel>;
  existing: Map<string, Item>;
}

interface CheckedRow {
  row: number;
  problems: Omit<Problem, 'row'>[];
  assetCode: string | null;
  existing: Item | null;
  input: ItemInput | null;
}

const fieldColumn: Partial<Record<keyof ItemInput, string>> = {
  assetCode: sheetHeaderOf.assetCode,
  name: sheetHeaderOf.name,
  modelId: sheetHeaderOf.modelName,
  category: sheetHeaderOf.category,
  location: sheetHeaderOf.location,
  serialNumber: sheetHeaderOf.serialNumber,
  tracking: sheetHeaderOf.tracking,
  quantity: sheetHeaderOf.quantity,
  acquiredOn: sheetHeaderOf.acquiredOn,
  costVnd: sheetHeaderOf.costVnd,
  usefulLifeYears: sheetHeaderOf.usefulLifeYears,
  fundingSource: sheetHeaderOf.fundingSource,
  condition: sheetHeaderOf.condition,
  status: sheetHeaderOf.status,
  warrantyUntil: sheetHeaderOf.warrantyUntil,
  notes: sheetHeaderOf.notes,
};

/** One spreadsheet row to an item input (new, or the existing item with the file's values), or its problems. */
function checkRow(raw: RawRow, file: ParsedFile, look: Lookups, updateExisting: boolean): CheckedRow {
  const problems: Omit<Problem, 'row'>[] = [];
  const problem = (column: string, message: string) => {
    if (!problems.some((p) => p.column === column)) problems.push({ column, message });
  };
  const cell = (field: SheetField) => raw.cells[field] ?? '';

  const code = assetCodeSchema.safeParse(cell('assetCode'));
  if (!code.success) {
    problem(
      sheetHeaderOf.assetCode,
      cell('assetCode') === ''
        ? 'Vui lòng nhập mã tài sản'
        : 'Mã tài sản gồm 2–40 ký tự: chữ in hoa, chữ số và . _ / -',
    );
  }
  const assetCode = code.success ? code.data : null;
  let existing = assetCode ? (look.existing.get(assetCode) ?? null) : null;
  if (existing) {
    if (!updateExisting) {
      problem(sheetHeaderOf.assetCode, 'Mã tài sản đã có trong hệ thống');
    } else if (existing.facilityId !== look.facilityId) {
      problem(sheetHeaderOf.assetCode, `Mã tài sản đã dùng cho tài sản của ${existing.facilityName}`);
    } else if (existing.status === 'disposed') {
      problem(sheetHeaderOf.assetCode, 'Tài sản này đã thanh lý, không cập nhật được');
    }
    if (problems.length) existing = null;
  }

  const base = existing ? inputOf(existing) : null;
  /** The value of a column: from the file when the column is there, else the stored one (or none). */
  const has = (field: SheetField) => file.present.has(field) || !base;
  const text = (field: SheetField, stored: string | null) => (has(field) ? cell(field) || null : stored);
  const choice = <T extends string>(field: SheetField, map: Map<string, T>): T | null | undefined => {
    const value = cell(field);
    if (value === '') return null;
    const hit = map.get(fold(value)) ?? map.get(value);
    if (hit === undefined) problem(sheetHeaderOf[field], `Giá trị "${value}" không có trong danh sách`);
    return hit;
  };

  // Model by name; the category tells apart two models of the same name in different categories.
  let model: ItemModel | null = base?.modelId ? (look.modelsById.get(base.modelId) ?? null) : null;
  const category0 = has('category') ? choice('category', categoryByName) : base?.category;
  if (has('modelName')) {
    model = null;
    const name = cell('modelName');
    if (name) {
      const candidates = look.modelsByName.get(fold(name)) ?? [];
      const fits = category0 ? candidates.filter((m) => m.category === category0) : candidates;
      if (fits.length === 1) model = fits[0] ?? null;
      else if (fits.length > 1)
        problem(sheetHeaderOf.modelName, 'Có nhiều mẫu cùng tên: ghi thêm nhóm tài sản');
      else problem(sheetHeaderOf.modelName, `Không có mẫu "${name}" trong danh mục`);
    }
  }
  const category = category0 ?? model?.category;
  if (!category && !problems.some((p) => p.column === sheetHeaderOf.category))
    problem(sheetHeaderOf.category, 'Vui lòng nhập nhóm tài sản (hoặc mẫu thiết bị)');

  let quantity: number | undefined = base?.quantity;
  if (has('quantity')) {
    quantity = 1;
    if (cell('quantity')) {
      const n = parseWhole(cell('quantity'));
      if (n === null) problem(sheetHeaderOf.quantity, 'Phải là số nguyên');
      else quantity = n;
    }
  }
  let tracking: ItemInput['tracking'] | undefined = base?.tracking;
  if (has('tracking')) {
    const chosen = choice('tracking', trackingByName);
    tracking = chosen ?? ((quantity ?? 1) > 1 ? 'stock' : 'individual');
  }

  const date = (field: SheetField, stored: string | null | undefined): string | null | undefined => {
    if (!has(field)) return stored;
    const value = cell(field);
    if (value === '') return null;
    const parsed = parseDate(value);
    if (typeof parsed === 'string') return parsed;
    problem(sheetHeaderOf[field], parsed.error);
    return undefined;
  };
  const whole = (field: SheetField, stored: number | undefined): number | null | undefined => {
    if (!has(field)) return stored;
    const value = cell(field);
    if (value === '') return null;
    const n = parseWhole(value);
    if (n === null) problem(sheetHeaderOf[field], 'Phải là số nguyên');
    return n ?? undefined;
  };

  let usefulLifeYears = whole('usefulLifeYears', base?.usefulLifeYears);
  if (usefulLifeYears === null) usefulLifeYears = model?.usefulLifeYears ?? null;
  const status = has('status') ? (choice('status', statusByName) ?? 'in_use') : base?.status;
  if (status === 'disposed') problem(sheetHeaderOf.status, 'Thanh lý tài sản qua đề nghị thanh lý');

  // Custom values of the row's category; values in another category's column are a mistake.
  const custom: Record<string, unknown> = {};
  if (base) {
    for (const [key, value] of Object.entries(base.custom)) {
      const field = look.fields.find((f) => f.category === base.category && f.key === key);
      if (!field || !file.presentCustom.has(field.id)) custom[key] = value;
    }
  }
  for (const field of look.fields) {
    const value = raw.custom.get(field.id);
    if (value === undefined) continue;
    const column = customHeader(field);
    if (field.category !== category) {
      problem(column, `Trường này chỉ dành cho nhóm ${categoryLabels[field.category]}`);
      continue;
    }
    if (field.type === 'text') custom[field.key] = value;
    else if (field.type === 'number') {
      const n = Number(value.replace(',', '.'));
      if (Number.isFinite(n)) custom[field.key] = n;
      else problem(column, 'Phải là một số');
    } else if (field.type === 'date') {
      const parsed = parseDate(value);
      if (typeof parsed === 'string') custom[field.key] = parsed;
      else problem(column, parsed.error);
    } else {
      const v = fold(value);
      if (v === 'co') custom[field.key] = true;
      else if (v === 'khong') custom[field.key] = false;
      else problem(column, 'Ghi "Có" hoặc "Không"');
    }
  }

  const candidate = {
    assetCode: assetCode ?? cell('assetCode'),
    name: has('name') ? cell('name') : base?.name,
    modelId: model?.id ?? null,
    category,
    facilityId: look.facilityId,
    location: text('location', base?.location ?? null),
    serialNumber: text('serialNumber', base?.serialNumber ?? null),
    tracking,
    quantity,
    acquiredOn: date('acquiredOn', base?.acquiredOn),
    costVnd: whole('costVnd', base?.costVnd),
    usefulLifeYears,
    fundingSource: has('fundingSource') ? choice('fundingSource', fundingByName) : base?.fundingSource,
    condition: has('condition') ? choice('condition', conditionByName) : base?.condition,
    status,
    warrantyUntil: date('warrantyUntil', base?.warrantyUntil),
    notes: text('notes', base?.notes ?? null),
    custom,
  };
  const parsed = itemInput.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '') as keyof ItemInput;
      problem(fieldColumn[field] ?? field, issue.message);
    }
  }
  let input: ItemInput | null = null;
  if (parsed.success && category) {
    const fields = look.fields.filter((f) => f.category === category);
    const checked = checkCustomValues(fields, parsed.data.custom, base?.custom);
    if (checked.ok) input = { ...parsed.data, custom: checked.value as CustomValues };
    else {
      const field = fields.find((f) => f.key === checked.problem.field);
      problem(field ? customHeader(field) : checked.problem.field, checked.problem.message);
    }
  }
  return { row: raw.row, problems, assetCode, existing, input: problems.length ? null : input };
}

async function loadLookups(
  db: Queryable,
  facilityId: string,
  codes: string[],
  today: string,
  lock: boolean,
): Promise<Omit<Lookups, 'fields'>> {
  const [facility] = await db
    .select({ id: facilities.id, name: facilities.name })
    .from(facilities)
    .where(eq(facilities.id, facilityId));
  if (!facility) throw new DomainError('FACILITY_NOT_FOUND', { field: 'facilityId' });
  const inFile = sql`i.asset_code in (select jsonb_array_elements_text(${jsonArray(codes)}))`;
  // Updates lock their items for the rest of the transaction: a concurrent edit waits or is seen.
  if (lock && codes.length)
    await db.execute(sql`select i.id from equipment_items i where ${inFile} for update`);
  const [models, existing] = await Promise.all([
    loadModels(db),
    codes.length
      ? queryItems(db, today, {
          where: inFile,
          sort: { field: 'assetCode', direction: 'asc' },
          limit: codes.length,
        })
      : Promise.resolve([]),
  ]);
  const modelsByName = new Map<string, ItemModel[]>();
  for (const m of models) modelsByName.set(fold(m.name), [...(modelsByName.get(fold(m.name)) ?? []), m]);
  return {
    facilityId,
    facilityName: facility.name,
    modelsByName,
    modelsById: new Map(models.map((m) => [m.id, m])),
    existing: new Map(existing.map((i) => [i.assetCode, i])),
  };
}

interface Plan {
  totalRows: number;
  look: Lookups;
  creates: { row: number; input: ItemInput }[];
  updates: { row: number; before: Item; input: ItemInput; changes: Preview['updates'][number]['changes'] }[];
  problems: Problem[];
}

/** Every check that needs no writing: the preview shows it, the apply repeats it inside its transaction. */
async function plan(
  db: Queryable,
  work: EquipmentWork,
  file: ParsedFile,
  fields: CategoryField[],
  input: z.infer<typeof equipmentImportInput>,
  lock: boolean,
): Promise<Plan> {
  const codes = [
    ...new Set(file.rows.flatMap((r) => assetCodeSchema.safeParse(r.cells.assetCode ?? '').data ?? [])),
  ];
  const look: Lookups = {
    ...(await loadLookups(db, input.facilityId, codes, work.today, lock)),
    fields,
  };
  const result: Plan = { totalRows: file.rows.length, look, creates: [], updates: [], problems: [] };
  const firstRowOf = new Map<string, number>();
  for (const raw of file.rows) {
    const checked = checkRow(raw, file, look, input.updateExisting);
    if (checked.assetCode) {
      const first = firstRowOf.get(checked.assetCode);
      if (first !== undefined) {
        checked.problems.push({
          column: sheetHeaderOf.assetCode,
          message: `Trùng mã tài sản với dòng ${first}`,
        });
      } else firstRowOf.set(checked.assetCode, raw.row);
    }
    if (checked.problems.length || !checked.input) {
      result.problems.push(...checked.problems.map((p) => ({ row: raw.row, ...p })));
      continue;
    }
    if (!checked.existing) {
      result.creates.push({ row: raw.row, input: checked.input });
      continue;
    }
    const before = checked.existing;
    const changes = changesBetween(
      inputSnapshot(inputOf(before), before.modelName),
      inputSnapshot(checked.input, modelNameOf(look, checked.input.modelId)),
    );
    if (changes.length) result.updates.push({ row: raw.row, before, input: checked.input, changes });
  }
  return result;
}

const modelNameOf = (look: Lookups, modelId: string | null) =>
  modelId ? (look.modelsById.get(modelId)?.name ?? null) : null;

/** The fields an import can change, with the model's name beside its id for the people reading it. */
function inputSnapshot(input: ItemInput, modelName: string | null) {
  const { facilityId: _f, ...rest } = input;
  return { ...rest, modelName };
}

async function readAndPlan(
  db: Queryable,
  work: EquipmentWork,
  input: z.infer<typeof equipmentImportInput>,
  lock: boolean,
): Promise<Plan> {
  const fields = await loadFields(db);
  const file = await parseFile(input.fileBase64, fields);
  if (file.rows.length > MAX_EQUIPMENT_IMPORT_ROWS)
    throw new DomainError('IMPORT_HAS_ERRORS', { maxRows: MAX_EQUIPMENT_IMPORT_ROWS });
  return plan(db, work, file, fields, input, lock);
}

export async function previewEquipmentImport(
  work: EquipmentWork,
  input: z.infer<typeof equipmentImportInput>,
): Promise<Preview> {
  assertFacilityInScope(work.actor.scope, input.facilityId);
  const result = await readAndPlan(work.db, work, input, false);
  return {
    totalRows: result.totalRows,
    creates: result.creates.length,
    updates: result.updates.map((u) => ({ row: u.row, assetCode: u.before.assetCode, changes: u.changes })),
    problems: result.problems,
  };
}

/** All or nothing: checked again inside the transaction; any problem writes nothing. */
export async function applyEquipmentImport(
  work: EquipmentWork,
  input: z.infer<typeof equipmentImportInput>,
): Promise<{ created: number; updated: number }> {
  assertFacilityInScope(work.actor.scope, input.facilityId);
  const outcome = await withConstraintErrors(() =>
    work.db.transaction(async (tx) => {
      const result = await readAndPlan(tx, work, input, true);
      if (result.problems.length) {
        throw new DomainError('IMPORT_HAS_ERRORS', {
          rows: new Set(result.problems.map((p) => p.row)).size,
        });
      }
      const { look } = result;
      const audit = (action: string, id: string, before: unknown, after: unknown) => ({
        actorId: work.actor.id,
        action,
        entityType: 'equipment_item',
        entityId: id,
        before: before ?? null,
        after: JSON.parse(JSON.stringify(after)),
        requestId: work.meta.requestId,
        ip: work.meta.ip,
      });

      for (let i = 0; i < result.creates.length; i += CHUNK) {
        const slice = result.creates.slice(i, i + CHUNK);
        const created = await tx
          .insert(equipmentItems)
          .values(slice.map((c) => c.input))
          .returning({ id: equipmentItems.id, assetCode: equipmentItems.assetCode });
        const idOf = new Map(created.map((c) => [c.assetCode, c.id]));
        await tx.insert(auditLog).values(
          slice.map((c) => {
            const id = idOf.get(c.input.assetCode) ?? '';
            return audit('equipment.item.import', id, null, {
              id,
              ...c.input,
              facilityName: look.facilityName,
              modelName: modelNameOf(look, c.input.modelId),
              disposedOn: null,
              version: 1,
            });
          }),
        );
      }

      for (let i = 0; i < result.updates.length; i += CHUNK) {
        const slice = result.updates.slice(i, i + CHUNK);
        const rows = slice.map((u) => ({
          id: u.before.id,
          name: u.input.name,
          model_id: u.input.modelId,
          category: u.input.category,
          location: u.input.location,
          serial_number: u.input.serialNumber,
          tracking: u.input.tracking,
          quantity: u.input.quantity,
          acquired_on: u.input.acquiredOn,
          cost_vnd: u.input.costVnd,
          useful_life_years: u.input.usefulLifeYears,
          funding_source: u.input.fundingSource,
          condition: u.input.condition,
          status: u.input.status,
          warranty_until: u.input.warrantyUntil,
          notes: u.input.notes,
          custom: u.input.custom,
        }));
        await tx.execute(sql`
          update equipment_items i set name = x.name, model_id = x.model_id, category = x.category,
            location = x.location, serial_number = x.serial_number, tracking = x.tracking,
            quantity = x.quantity, acquired_on = x.acquired_on, cost_vnd = x.cost_vnd,
            useful_life_years = x.useful_life_years, funding_source = x.funding_source,
            condition = x.condition, status = x.status, warranty_until = x.warranty_until, notes = x.notes,
            custom = x.custom, version = i.version + 1, updated_at = now()
          from jsonb_to_recordset(${jsonArray(rows)}) as x(id uuid, name text, model_id uuid, category text,
            location text, serial_number text, tracking text, quantity int, acquired_on date, cost_vnd bigint,
            useful_life_years int, funding_source text, condition text, status text, warranty_until date,
            notes text, custom jsonb)
          where i.id = x.id`);
        await tx.insert(auditLog).values(
          slice.map((u) => {
            const before = itemSnapshot(u.before);
            return audit('equipment.item.import_update', u.before.id, before, {
              ...before,
              ...u.input,
              modelName: modelNameOf(look, u.input.modelId),
              version: u.before.version + 1,
            });
          }),
        );
      }
      return { created: result.creates.length, updated: result.updates.length };
    }),
  );
  // A large import changes the table's shape; fresh statistics keep list queries on their indexes
  // (the embedded database has no autovacuum to do it).
  if (outcome.created + outcome.updated >= 1000) await work.db.execute(sql`analyze equipment_items`);
  return outcome;
}
