import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser, useBrowserApp } from './browser.ts';

// Unique per run, so an asset code never meets an item left by an earlier run on the same data.
const run = Date.now().toString(36).toUpperCase();
const items = [
  { assetCode: `E2E-${run}-1`, name: 'Máy đo huyết áp thử nghiệm', location: 'Phòng y tế', cost: 1_800_000 },
  { assetCode: `E2E-${run}-2`, name: 'Xe lăn thử nghiệm', location: 'Phòng PHCN', cost: 3_500_000 },
];

describeInBrowser('manager imports equipment and counts it', () => {
  const app = useBrowserApp();
  let page: Page;

  beforeAll(() => {
    page = app.page;
  });

  it('signs in as the facility manager', async () => {
    await page.goto('/equipment');
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await page.getByLabel('Tên đăng nhập').fill('manager');
    await page.getByLabel('Mật khẩu').fill('ansinh-demo');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Trang thiết bị' }).waitFor();
    expect(page.url()).toContain('/equipment');
  });

  it('imports two items from the Excel template', async () => {
    await page.getByRole('link', { name: 'Nhập từ Excel' }).click();
    await page.getByRole('heading', { name: 'Nhập trang thiết bị từ Excel' }).waitFor();
    // The manager's own facility is preselected.
    expect(await page.getByRole('combobox', { name: 'Cơ sở' }).inputValue()).toContain('Thái Nguyên');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải tệp mẫu' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const filled = await fillTemplate(await readFile(await download.path()));

    await page.locator('input[type="file"]').setInputFiles({
      name: 'tai-san.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: filled,
    });
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    const summary = page.getByTestId('import-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('2 tài sản mới');

    await page.getByRole('button', { name: 'Nhập vào sổ' }).click();
    const done = page.getByTestId('import-done');
    await done.waitFor();
    expect(await done.textContent()).toContain('Đã nhập 2 tài sản mới');
  });

  it('starts a stock-take and marks one item found by searching its code', async () => {
    await page.goto('/equipment/stocktake');
    await page.getByRole('heading', { name: 'Kiểm kê tài sản' }).waitFor();
    await page.getByRole('button', { name: 'Bắt đầu kiểm kê' }).click();
    await expectCount(page, 'expected', '2');
    await expectCount(page, 'missing', '2');

    // No camera in a headless browser: the search box is the way to find the item.
    const [first] = items;
    if (!first) throw new Error('no items');
    await page.getByLabel('Mã tài sản hoặc tên').fill(first.assetCode);
    await page.getByRole('button', { name: new RegExp(first.assetCode) }).click();
    const card = page.getByTestId('mark-card');
    await card.getByText(first.name).waitFor();
    await card.getByRole('button', { name: 'Có, đúng vị trí' }).click();
    await expectCount(page, 'found', '1');
    await expectCount(page, 'missing', '1');
  });

  it('finishes and applies the stock-take', async () => {
    await page.getByRole('link', { name: 'Kết thúc, xem biên bản' }).click();
    await page.getByRole('heading', { name: 'Biên bản kiểm kê' }).waitFor();
    await page.getByRole('button', { name: 'Áp dụng điều chỉnh' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Áp dụng điều chỉnh' }).click();
    await page.getByTestId('stocktake-status').getByText('Đã áp dụng vào sổ').waitFor();

    await expectCount(page, 'expected', '2');
    await expectCount(page, 'found', '1');
    await expectCount(page, 'missing', '1');
    const [first, second] = items;
    expect(await page.getByTestId('lines-found').textContent()).toContain(first?.assetCode);
    expect(await page.getByTestId('lines-missing').textContent()).toContain(second?.assetCode);
  });

  it('lists the applied stock-take with its counts, and opens its report again', async () => {
    await page.getByRole('link', { name: '← Kiểm kê tài sản' }).click();
    await page.getByRole('button', { name: 'Bắt đầu kiểm kê' }).waitFor();
    const history = page.getByTestId('stocktake-history');
    const row = history.getByRole('row').filter({ hasText: 'Đã áp dụng vào sổ' }).first();
    await row.waitFor();
    // Expected, found, missing, wrong location, condition changed, unexpected.
    const counts = await row.getByRole('cell').allTextContents();
    expect(counts.slice(3)).toEqual(['2', '1', '1', '0', '0', '0']);
    await row.getByRole('link').click();
    await page.getByRole('heading', { name: 'Biên bản kiểm kê' }).waitFor();
    await page.getByTestId('stocktake-status').getByText('Đã áp dụng vào sổ').waitFor();
    expect(await page.getByTestId('lines-found').textContent()).toContain(items[0]?.assetCode);
  });
});

async function expectCount(page: Page, counter: string, value: string): Promise<void> {
  await expect.poll(() => page.getByTestId(`count-${counter}`).textContent()).toBe(value);
}

/**
 * Fills the downloaded template the way a centre would: the header row says where each value goes, and
 * the drop-down lists of the template give the accepted spellings of categories, funding and condition.
 */
async function fillTemplate(template: Buffer): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('template has no sheet');
  const columns = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    columns.set(
      String(cell.value)
        .replace(/\s*\*$/, '')
        .trim(),
      col,
    );
  });
  const column = (header: string) => {
    const col = columns.get(header);
    if (!col) throw new Error(`template has no column "${header}" (has: ${[...columns.keys()].join(', ')})`);
    return col;
  };
  /** The first choice of a column's drop-down list, e.g. the first category. */
  const firstChoice = (header: string) => {
    const formula = sheet.getCell(2, column(header)).dataValidation?.formulae?.[0];
    const choice = typeof formula === 'string' ? formula.replace(/^"|"$/g, '').split(',')[0] : undefined;
    if (!choice) throw new Error(`column "${header}" has no drop-down list`);
    return choice;
  };
  const category = firstChoice('Nhóm tài sản');
  const funding = firstChoice('Nguồn kinh phí');
  const condition = firstChoice('Tình trạng');

  items.forEach((item, index) => {
    const row = sheet.getRow(index + 2);
    row.getCell(column('Mã tài sản')).value = item.assetCode;
    row.getCell(column('Tên tài sản')).value = item.name;
    row.getCell(column('Nhóm tài sản')).value = category;
    row.getCell(column('Phòng/vị trí')).value = item.location;
    row.getCell(column('Ngày đưa vào sử dụng')).value = new Date(Date.UTC(2024, 1, 1));
    row.getCell(column('Nguyên giá (đồng)')).value = item.cost;
    row.getCell(column('Thời gian sử dụng (năm)')).value = 5;
    row.getCell(column('Nguồn kinh phí')).value = funding;
    row.getCell(column('Tình trạng')).value = condition;
    row.commit();
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
