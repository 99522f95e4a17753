/**
 * The item spreadsheet: one set of columns for the import template and the export, so an exported list
 * can be edited and imported back ("update existing by asset code") without renaming anything.
 */
import type { CategoryField, EquipmentCategory, Item } from '@ansinh/schemas/equipment';
import type ExcelJS from 'exceljs';
import type { SheetColumn } from '../excel.ts';
import {
  categoryLabels,
  conditionLabels,
  customFieldTypeLabels,
  fundingLabels,
  statusLabels,
  trackingLabels,
} from './equipment-labels.ts';

export type SheetField =
  | 'assetCode'
  | 'name'
  | 'modelName'
  | 'category'
  | 'location'
  | 'serialNumber'
  | 'tracking'
  | 'quantity'
  | 'acquiredOn'
  | 'costVnd'
  | 'usefulLifeYears'
  | 'fundingSource'
  | 'condition'
  | 'status'
  | 'warrantyUntil'
  | 'notes';

export interface ItemSheetColumn {
  field: SheetField;
  header: string;
  width: number;
  required?: boolean;
  hint: string;
  choices?: readonly string[];
  numFmt?: string;
  value: (item: Item) => string | number | Date | null;
}

const asDate = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
const activeStatuses = [statusLabels.in_use, statusLabels.in_storage, statusLabels.under_repair];

/** The template's columns, in order. Headers are what the centre sees; problems are reported by them. */
export const itemSheetColumns: readonly ItemSheetColumn[] = [
  {
    field: 'assetCode',
    header: 'Mã tài sản',
    width: 18,
    required: true,
    hint: 'Chữ in hoa, chữ số và . _ / - (2–40 ký tự); mã in trên nhãn QR, không trùng',
    value: (i) => i.assetCode,
  },
  { field: 'name', header: 'Tên tài sản', width: 36, required: true, hint: '', value: (i) => i.name },
  {
    field: 'modelName',
    header: 'Mẫu thiết bị',
    width: 28,
    hint: 'Tên mẫu trong danh mục (xem trang Hướng dẫn); để trống nếu không theo mẫu',
    value: (i) => i.modelName,
  },
  {
    field: 'category',
    header: 'Nhóm tài sản',
    width: 26,
    required: true,
    hint: 'Có thể để trống nếu đã ghi mẫu thiết bị (lấy theo mẫu)',
    choices: Object.values(categoryLabels),
    value: (i) => categoryLabels[i.category],
  },
  { field: 'location', header: 'Phòng/vị trí', width: 20, hint: '', value: (i) => i.location },
  { field: 'serialNumber', header: 'Số sê-ri', width: 18, hint: '', value: (i) => i.serialNumber },
  {
    field: 'tracking',
    header: 'Cách theo dõi',
    width: 16,
    hint: 'Từng chiếc (số lượng 1) hoặc Theo số lượng; để trống: từng chiếc nếu số lượng là 1',
    choices: Object.values(trackingLabels),
    value: (i) => trackingLabels[i.tracking],
  },
  {
    field: 'quantity',
    header: 'Số lượng',
    width: 10,
    hint: 'Số nguyên; để trống là 1',
    numFmt: '#,##0',
    value: (i) => i.quantity,
  },
  {
    field: 'acquiredOn',
    header: 'Ngày đưa vào sử dụng',
    width: 14,
    required: true,
    hint: 'dd/mm/yyyy; mốc tính hao mòn',
    numFmt: 'dd/mm/yyyy',
    value: (i) => asDate(i.acquiredOn),
  },
  {
    field: 'costVnd',
    header: 'Nguyên giá (đồng)',
    width: 16,
    required: true,
    hint: 'Số tiền (đồng); với tài sản theo số lượng là tổng nguyên giá',
    numFmt: '#,##0',
    value: (i) => i.costVnd,
  },
  {
    field: 'usefulLifeYears',
    header: 'Thời gian sử dụng (năm)',
    width: 12,
    required: true,
    hint: 'Số năm; để trống thì lấy theo mẫu thiết bị',
    value: (i) => i.usefulLifeYears,
  },
  {
    field: 'fundingSource',
    header: 'Nguồn kinh phí',
    width: 22,
    required: true,
    hint: '',
    choices: Object.values(fundingLabels),
    value: (i) => fundingLabels[i.fundingSource],
  },
  {
    field: 'condition',
    header: 'Tình trạng',
    width: 12,
    required: true,
    hint: '',
    choices: Object.values(conditionLabels),
    value: (i) => conditionLabels[i.condition],
  },
  {
    field: 'status',
    header: 'Trạng thái sử dụng',
    width: 16,
    hint: 'Để trống là Đang sử dụng; tài sản thanh lý qua đề nghị thanh lý, không qua nhập tệp',
    choices: activeStatuses,
    value: (i) => statusLabels[i.status],
  },
  {
    field: 'warrantyUntil',
    header: 'Bảo hành đến ngày',
    width: 14,
    hint: 'dd/mm/yyyy',
    numFmt: 'dd/mm/yyyy',
    value: (i) => asDate(i.warrantyUntil),
  },
  { field: 'notes', header: 'Ghi chú', width: 30, hint: '', value: (i) => i.notes },
];

export const sheetHeaderOf = Object.fromEntries(itemSheetColumns.map((c) => [c.field, c.header])) as Record<
  SheetField,
  string
>;

/** A custom field's column: its label and its category, since keys are unique only within a category. */
export function customHeader(field: Pick<CategoryField, 'labelVi' | 'category'>): string {
  return `${field.labelVi} [${categoryLabels[field.category as EquipmentCategory]}]`;
}

export function customHint(field: CategoryField): string {
  return `Chỉ cho nhóm ${categoryLabels[field.category]}; kiểu ${customFieldTypeLabels[field.type]}${
    field.required ? '; bắt buộc với nhóm này' : ''
  }`;
}

function customCell(field: CategoryField, item: Item): string | number | Date | null {
  if (item.category !== field.category) return null;
  const value = item.custom[field.key];
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (field.type === 'date' && typeof value === 'string') return asDate(value);
  return value;
}

/** Export: the template's columns (so the file imports back), custom fields, then derived facts. */
export function itemExportColumns(fields: readonly CategoryField[], today: string): SheetColumn<Item>[] {
  return [
    ...itemSheetColumns.map((c) => ({ header: c.header, width: c.width, value: c.value, numFmt: c.numFmt })),
    ...fields.map((f) => ({
      header: customHeader(f),
      width: 18,
      value: (i: Item) => customCell(f, i),
      numFmt: f.type === 'date' ? 'dd/mm/yyyy' : undefined,
    })),
    { header: 'Cơ sở', width: 40, value: (i) => i.facilityName },
    {
      header: `Giá trị còn lại ngày ${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)} (đồng)`,
      width: 18,
      value: (i) => i.bookValueVnd,
      numFmt: '#,##0',
    },
    { header: 'Hết thời gian sử dụng', width: 12, value: (i) => (i.pastUsefulLife ? 'Có' : 'Không') },
    {
      header: 'Bảo dưỡng tiếp theo',
      width: 14,
      value: (i) => asDate(i.nextMaintenanceOn),
      numFmt: 'dd/mm/yyyy',
    },
    { header: 'Ngày thanh lý', width: 14, value: (i) => asDate(i.disposedOn), numFmt: 'dd/mm/yyyy' },
  ];
}

/** A cell as text: Excel dates become dd/mm/yyyy, numbers stay digits, formulas give their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const d = value.toISOString().slice(0, 10);
    return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
  }
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value).trim();
}
