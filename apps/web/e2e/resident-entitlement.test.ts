import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser, useBrowserApp } from './browser.ts';

// Unique per run, so the "same person?" check never meets a resident left by an earlier run.
const residentName = `Nguyễn Thị Thử ${Date.now().toString(36).toUpperCase()}`;

const pad = (n: number) => String(n).padStart(2, '0');
const now = new Date();
/** Admitted on the 1st, so the whole month is paid and the amount is the full 5,0 × 500.000 đ. */
const firstOfMonth = `01/${pad(now.getMonth() + 1)}/${now.getFullYear()}`;
/** One year old: under 4 on any day of the month, so the child tier (coefficient 5,0) applies. */
const birthDate = `01/${pad(now.getMonth() + 1)}/${now.getFullYear() - 1}`;

describeInBrowser('manager admits a child and sees the entitlement', () => {
  const app = useBrowserApp();
  let page: Page;

  beforeAll(() => {
    page = app.page;
  });

  it('signs in as the facility manager', async () => {
    await page.goto('/residents');
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await page.getByLabel('Tên đăng nhập').fill('manager');
    await page.getByLabel('Mật khẩu').fill('ansinh-demo');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Đối tượng' }).waitFor();
    expect(page.url()).toContain('/residents');
  });

  it('admits a child under 4 with no means of support', async () => {
    await page.getByRole('link', { name: 'Tiếp nhận đối tượng' }).click();
    await page.getByRole('heading', { name: 'Tiếp nhận đối tượng' }).waitFor();

    await page.getByLabel('Họ và tên').fill(residentName);
    await page.getByLabel('Ngày sinh').fill(birthDate);
    await choose(page, 'Giới tính', 'Nữ');
    await choose(page, 'Nhóm đối tượng', 'Trẻ em không có nguồn nuôi dưỡng (k1)');
    // The manager's own facility is preselected; the admission date is moved to the 1st.
    await page.getByLabel('Ngày tiếp nhận').fill(firstOfMonth);
    await page.getByRole('button', { name: 'Lưu' }).click();

    await page.getByRole('heading', { name: residentName }).waitFor();
    expect(page.url()).toMatch(/\/residents\/[0-9a-f-]{36}$/);
  });

  it('explains the nurturing allowance of the month', async () => {
    const allowance = page.getByTestId('outcome-NURTURING_ALLOWANCE');
    await allowance.waitFor();
    expect(await allowance.textContent()).toContain('hệ số 5,0');
    expect(await allowance.getByTestId('outcome-amount').textContent()).toContain('2.500.000');
  });

  it('opens the roll of the manager’s facility and exports it to Excel', async () => {
    await page.getByRole('link', { name: 'Chế độ hàng tháng' }).click();
    await page.getByTestId('roll-grand-total').waitFor();
    // The manager's facility is the roll's facility without choosing it.
    expect(await page.getByRole('combobox', { name: 'Cơ sở' }).inputValue()).toContain('Thái Nguyên');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Xuất Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
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
