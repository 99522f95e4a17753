import ExcelJS from 'exceljs';

export interface SheetColumn<T> {
  header: string;
  width: number;
  value: (row: T) => string | number | Date | null;
  /** Excel number format, e.g. '#,##0' or 'dd/mm/yyyy'. */
  numFmt?: string;
}

/** One-sheet workbook with a frozen, bold header and an auto-filter, ready to download. */
export async function workbookBase64<T>(
  sheetName: string,
  columns: SheetColumn<T>[],
  rows: T[],
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'An Sinh';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row)));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer).toString('base64');
}
