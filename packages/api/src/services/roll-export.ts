import { daysInMonth } from '@ansinh/domain/entitlements/dates';
import { groupLabels } from '@ansinh/domain/entitlements/facts';
import ExcelJS from 'exceljs';
import type { RollData, RollLine } from './entitlements.ts';

/**
 * The monthly roll as a centre's accountant files it: agency header and national motto, a merged
 * title with the month, numbered rows, one money column per rule, a totals row, the total in words,
 * and the signature blocks. A4 landscape, fitted to the page width, header row repeated on every page.
 */

const FONT = 'Times New Roman';
const MONEY = '#,##0';
const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const SCALES = ['', 'nghìn', 'triệu', 'tỷ', 'nghìn tỷ', 'triệu tỷ'];

/** One group of three digits; `full` reads leading zeros ("không trăm linh năm") inside a number. */
function readGroup(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor(n / 10) % 10;
  const units = n % 10;
  const words: string[] = [];
  if (full || hundreds > 0) words.push(DIGITS[hundreds] as string, 'trăm');
  if (tens === 0) {
    if (units > 0 && words.length > 0) words.push('linh');
    if (units > 0) words.push(DIGITS[units] as string);
  } else {
    words.push(tens === 1 ? 'mười' : `${DIGITS[tens]} mươi`);
    if (units === 5) words.push('lăm');
    else if (units === 1 && tens > 1) words.push('mốt');
    else if (units === 4 && tens > 1) words.push('tư');
    else if (units > 0) words.push(DIGITS[units] as string);
  }
  return words;
}

/** Whole VND in Vietnamese words, as written under a payment list: "Hai triệu sáu trăm nghìn đồng". */
export function vndInWords(amount: number): string {
  const value = Math.trunc(Math.abs(amount));
  if (value === 0) return 'Không đồng';
  const groups: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i] as number;
    if (group === 0) continue;
    words.push(...readGroup(group, i < groups.length - 1));
    if (SCALES[i]) words.push(SCALES[i] as string);
  }
  const text = `${amount < 0 ? 'âm ' : ''}${words.join(' ')} đồng`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function birthText(line: RollLine): string {
  const [year, month, day] = line.birthDate.split('-');
  return line.birthDatePrecision === 'year' ? (year ?? '') : `${day}/${month}/${year}`;
}

export function rollFilename(data: RollData): string {
  const where =
    data.facilities === null
      ? 'toan-tinh'
      : data.facilities.length === 1
        ? data.facilities[0]?.code
        : 'cac-co-so';
  return `danh-sach-chi-tro-cap-${data.month}-${where}.xlsx`;
}

export async function rollWorkbookBase64(data: RollData, departmentName: string): Promise<string> {
  const [year, month] = data.month.split('-');
  const monthText = `${month}/${year}`;
  const showFacility = data.facilities === null || data.facilities.length > 1;
  const ruleTitles = new Map(data.rules.map((r) => [r.code, r.title.vi]));

  const columns: { header: string; width: number }[] = [
    { header: 'STT', width: 6 },
    { header: 'Họ và tên', width: 28 },
    { header: 'Ngày sinh', width: 12 },
    { header: 'Nhóm đối tượng', width: 26 },
    ...(showFacility ? [{ header: 'Cơ sở', width: 30 }] : []),
    ...data.rules.map((r) => ({ header: r.title.vi, width: 17 })),
    { header: 'Tổng cộng', width: 17 },
    { header: 'Ghi chú', width: 22 },
  ];
  const n = columns.length;
  const labelColumns = showFacility ? 5 : 4;
  const firstMoney = labelColumns + 1;
  const totalColumn = labelColumns + data.rules.length + 1;

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'An Sinh';
  const sheet = workbook.addWorksheet(`Tháng ${month}-${year}`);
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width;
  });

  const put = (
    row: number,
    from: number,
    to: number,
    value: ExcelJS.CellValue,
    style: { bold?: boolean; italic?: boolean; size?: number; align?: 'left' | 'center' | 'right' } = {},
  ) => {
    if (to > from) sheet.mergeCells(row, from, row, to);
    const cell = sheet.getCell(row, from);
    cell.value = value;
    cell.font = {
      name: FONT,
      size: style.size ?? 12,
      bold: style.bold ?? false,
      italic: style.italic ?? false,
    };
    cell.alignment = { horizontal: style.align ?? 'center', vertical: 'middle', wrapText: true };
    return cell;
  };

  // Agency and national motto, side by side.
  const half = Math.max(2, Math.floor(n / 2));
  put(1, 1, half, departmentName.toUpperCase(), { size: 11 });
  put(1, half + 1, n, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 11 });
  const issuer = data.facilities?.length === 1 ? (data.facilities[0]?.name ?? '') : '';
  put(2, 1, half, issuer.toUpperCase(), { bold: true, size: 11 });
  put(2, half + 1, n, 'Độc lập - Tự do - Hạnh phúc', { bold: true, size: 12 });
  sheet.getRow(2).height = issuer.length > 45 ? 32 : 18;

  put(4, 1, n, `DANH SÁCH CHI TRỢ CẤP NUÔI DƯỠNG THÁNG ${monthText}`, { bold: true, size: 14 });
  sheet.getRow(4).height = 24;
  const scopeText =
    data.facilities === null
      ? `Toàn tỉnh - ${departmentName}`
      : data.facilities.length === 1
        ? `Cơ sở: ${data.facilities[0]?.name ?? ''}`
        : `Các cơ sở: ${data.facilities.map((f) => f.name).join('; ')}`;
  put(5, 1, n, scopeText, { bold: true });
  const lastDay = String(daysInMonth(Number(year), Number(month))).padStart(2, '0');
  put(6, 1, n, `Kỳ chi trả: tháng ${monthText} (từ ngày 01/${monthText} đến ngày ${lastDay}/${monthText})`, {
    italic: true,
  });
  put(7, 1, n, 'Đơn vị tính: đồng', { italic: true, align: 'right', size: 11 });

  const headerRow = 8;
  columns.forEach((c, i) => {
    const cell = put(headerRow, i + 1, i + 1, c.header, { bold: true, size: 11 });
    cell.border = thin;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  sheet.getRow(headerRow).height = 45;

  let r = headerRow + 1;
  const body = (row: number, col: number, value: ExcelJS.CellValue, align: 'left' | 'center' | 'right') => {
    const cell = sheet.getCell(row, col);
    cell.value = value;
    cell.font = { name: FONT, size: 11 };
    cell.alignment = { horizontal: align, vertical: 'middle', wrapText: align === 'left' };
    cell.border = thin;
    if (typeof value === 'number') cell.numFmt = MONEY;
  };
  data.rows.forEach((line, i) => {
    body(r, 1, i + 1, 'center');
    sheet.getCell(r, 1).numFmt = '0';
    body(r, 2, line.fullName, 'left');
    body(r, 3, birthText(line), 'center');
    body(r, 4, groupLabels[line.group].vi, 'left');
    if (showFacility) body(r, 5, line.facilityName, 'left');
    data.rules.forEach((rule, j) => {
      body(r, firstMoney + j, line.amounts[rule.code] ?? 0, 'right');
    });
    body(r, totalColumn, line.totalVnd, 'right');
    const missing = line.unknownRules.map((code) => ruleTitles.get(code) ?? code);
    body(r, totalColumn + 1, missing.length ? `Chưa xác định: ${missing.join('; ')}` : '', 'left');
    r++;
  });

  // Totals: the last row of the table, over every row of the list.
  put(r, 1, labelColumns, 'Tổng cộng', { bold: true });
  for (let c = 1; c <= labelColumns; c++) sheet.getCell(r, c).border = thin;
  data.rules.forEach((rule, j) => {
    body(r, firstMoney + j, data.totals[rule.code] ?? 0, 'right');
  });
  body(r, totalColumn, data.grandTotalVnd, 'right');
  body(r, totalColumn + 1, '', 'left');
  for (let c = firstMoney; c <= n; c++) sheet.getCell(r, c).font = { name: FONT, size: 11, bold: true };
  r++;
  put(r, 1, n, `Số tiền bằng chữ: ${vndInWords(data.grandTotalVnd)}.`, { italic: true, align: 'left' });
  r += 2;

  // Signature blocks: preparer, chief accountant, head of the unit.
  const third = Math.max(1, Math.floor(n / 3));
  const blocks: [number, number, string][] = [
    [1, third, 'Người lập biểu'],
    [third + 1, Math.max(third + 1, n - third), 'Kế toán trưởng'],
    [Math.max(third + 2, n - third + 1), n, 'Giám đốc'],
  ];
  const right = blocks[2] as [number, number, string];
  put(r, right[0], right[1], '..........., ngày ..... tháng ..... năm ..........', {
    italic: true,
    size: 11,
  });
  r++;
  for (const [from, to, title] of blocks) put(r, from, to, title, { bold: true });
  r++;
  for (const [from, to] of blocks) put(r, from, to, '(Ký, ghi rõ họ tên)', { italic: true, size: 11 });

  sheet.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${headerRow}:${headerRow}`,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: '&RTrang &P/&N' };
  sheet.views = [{ state: 'frozen', ySplit: headerRow }];

  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer).toString('base64');
}
