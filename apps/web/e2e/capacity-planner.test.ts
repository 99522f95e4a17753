import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser, useBrowserApp } from './browser.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const nextYear = new Date().getFullYear() + 1;
/** A version from 1 January next year: upcoming, so today's reports are unchanged. */
const validFrom = `01/01/${nextYear}`;
const versionLabel = `${nextYear}-01-01 E2E`;

describeInBrowser('planner reads the capacity dashboard and sets a new version of the standards', () => {
  const app = useBrowserApp();
  let page: Page;

  beforeAll(() => {
    page = app.page;
  });

  it('signs in as the planner and opens the capacity overview of the province', async () => {
    await page.goto('/capacity/dashboard');
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await page.getByLabel('Tên đăng nhập').fill('planner');
    await page.getByLabel('Mật khẩu').fill('ansinh-demo');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    await page.getByRole('heading', { name: 'Tổng quan sức chứa' }).waitFor();
    await page.getByTestId('stat-beds').waitFor();
    const beds = Number((await page.getByTestId('stat-beds').textContent())?.replace(/\./g, ''));
    expect(beds).toBeGreaterThan(0);
    // Each facility type is a row, with the total in the footer.
    const byType = page.getByTestId('by-type');
    expect(await byType.getByRole('row').filter({ hasText: 'Tổng cộng' }).textContent()).toContain(
      String(beds),
    );
  });

  it('exports the figures by facility type to Excel', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('by-type').getByRole('button', { name: 'Xuất Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^suc-chua-theo-loai-hinh-.*\.xlsx$/);
  });

  it('opens the standards report of a facility from the overview', async () => {
    const overview = page.getByTestId('standards-overview');
    await overview.getByRole('row').nth(1).waitFor();
    const link = overview.getByRole('row').nth(1).getByRole('link');
    const name = await link.textContent();
    await link.click();
    await page.getByRole('heading', { name: 'Tiêu chuẩn, định biên của cơ sở' }).waitFor();
    await expect.poll(() => page.getByRole('combobox', { name: 'Cơ sở' }).inputValue()).toContain(name ?? '');
    await page.getByTestId('staffing-table').waitFor();
    await page
      .getByTestId('staffing-carer')
      .getByRole('button', { name: /Cách tính/ })
      .click();
    expect(await page.getByTestId('drivers-carer').textContent()).toContain('1 người phụ trách tối đa');
  });

  it('creates a new version of the care standards, checked on its fields', async () => {
    await page.getByRole('link', { name: 'Bộ tiêu chuẩn, ưu tiên' }).click();
    await page.getByRole('heading', { name: 'Bộ tiêu chuẩn và thứ tự ưu tiên' }).waitFor();
    await page
      .getByTestId('setting-versions')
      .getByRole('button', { name: 'Tạo phiên bản mới từ bản này' })
      .first()
      .click();
    const editor = page.getByTestId('version-editor');
    await editor.waitFor();

    // An empty ratio is refused on its own field, before anything is sent.
    const elderly = editor.getByLabel('Số đối tượng / 1 nhân viên 9');
    await elderly.fill('');
    await editor.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
    await editor.getByText('Vui lòng nhập thông tin này').first().waitFor();

    await elderly.fill('3');
    await editor.getByLabel('Số hiệu phiên bản').fill(versionLabel);
    await editor.getByLabel('Áp dụng từ ngày').fill(validFrom);
    await editor
      .getByLabel('Ghi chú')
      .fill('Tỉnh áp dụng định mức chặt hơn cho người cao tuổi không tự phục vụ');
    await editor.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
    await editor.waitFor({ state: 'detached' });

    const row = page.getByTestId('setting-versions').getByRole('row').filter({ hasText: versionLabel });
    expect(await row.textContent()).toContain(`01/01/${nextYear}`);
    expect(await row.textContent()).toContain('Sắp áp dụng');
  });

  it('shows the saved ratio when the version is opened', async () => {
    const row = page.getByTestId('setting-versions').getByRole('row').filter({ hasText: versionLabel });
    await row.getByRole('button', { name: 'Xem' }).click();
    const editor = page.getByTestId('version-editor');
    expect(await editor.getByLabel('Số đối tượng / 1 nhân viên 9').inputValue()).toBe('3');
    expect(await editor.getByLabel('Áp dụng từ ngày').inputValue()).toBe(`${pad(1)}/${pad(1)}/${nextYear}`);
  });

  it('signs out back to the login page', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
  });
});
