import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser, useBrowserApp } from './browser.ts';

const facilityName = 'Trung tâm Bảo trợ Thử nghiệm Đồng Hỷ';
const facilityCode = `E2E-${Date.now().toString(36).toUpperCase()}`;

describeInBrowser('planner creates and finds a facility', () => {
  const app = useBrowserApp();
  let page: Page;

  beforeAll(() => {
    page = app.page;
  });

  it('signs in as the planner in the Vietnamese interface', async () => {
    await page.goto('/facilities');
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(page.url()).toContain('/login');

    await page.getByLabel('Tên đăng nhập').fill('planner');
    await page.getByLabel('Mật khẩu').fill('ansinh-demo');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    await page.getByRole('heading', { name: 'Cơ sở trợ giúp xã hội' }).waitFor();
    expect(await page.getByText('Chuyên viên Sở').isVisible()).toBe(true);
  });

  it('creates a facility with a Vietnamese name', async () => {
    await page.getByRole('link', { name: 'Thêm cơ sở' }).click();
    await page.getByRole('heading', { name: 'Thêm cơ sở trợ giúp xã hội' }).waitFor();

    await page.getByLabel('Mã cơ sở').fill(facilityCode);
    await page.getByLabel('Tên cơ sở').fill(facilityName);
    await choose(page, 'Loại hình cơ sở', 'Chăm sóc người cao tuổi');
    await choose(page, 'Công lập / ngoài công lập', 'Ngoài công lập');
    await page.getByLabel('Tổ chức, cá nhân thành lập cơ sở').fill('Hội Bảo trợ Thử nghiệm');
    // Typing without diacritics narrows the commune list of the home province (Thái Nguyên).
    await page.getByRole('combobox', { name: 'Xã, phường' }).fill('dong hy');
    await page.getByRole('option', { name: 'Xã Đồng Hỷ' }).click();
    await page.getByLabel('Công suất (số giường)').fill('120');
    await page.getByRole('button', { name: 'Lưu' }).click();

    await page.getByRole('heading', { name: facilityName }).waitFor();
    expect(page.url()).toMatch(/\/facilities\/[0-9a-f-]{36}$/);
    expect(await page.getByText('Tỉnh Thái Nguyên', { exact: true }).isVisible()).toBe(true);
  });

  it('finds the facility when searching without diacritics', async () => {
    await page.getByRole('link', { name: 'Cơ sở trợ giúp xã hội', exact: true }).first().click();
    await page.getByLabel('Tìm kiếm').fill('trung tam bao tro thu nghiem dong hy');
    // The search is debounced and the old rows stay visible while it loads: wait for the new total.
    await page.getByTestId('table-total').filter({ hasText: 'Tổng số: 1 cơ sở' }).waitFor();

    const rows = page.getByRole('row').filter({ hasText: facilityCode });
    expect(await rows.count()).toBe(1);
    expect(await rows.getByText(facilityName).isVisible()).toBe(true);
    expect(page.url()).toContain('q=trung+tam+bao+tro+thu+nghiem+dong+hy');
  });

  it('signs out back to the login page', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(page.url()).toContain('/login');
  });
});

/** Picks an option of a Mantine Select by the visible texts a person would use. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}
