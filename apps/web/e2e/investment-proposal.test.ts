import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser, useBrowserApp } from './browser.ts';

const item = `Cải tạo mái nhà khu B ${Date.now().toString(36).toUpperCase()}`;

describeInBrowser('a centre drafts and submits a proposal, the department reviews and approves it', () => {
  const app = useBrowserApp();
  let page: Page;
  let proposalUrl = '';

  beforeAll(() => {
    page = app.page;
  });

  it('signs in as the facility manager and opens the proposals', async () => {
    await signIn(page, 'manager', '/investment/proposals');
    await page.getByRole('heading', { name: 'Đề xuất đầu tư, nâng cấp' }).waitFor();
  });

  it('drafts a repair proposal', async () => {
    await page.getByRole('link', { name: 'Lập đề xuất' }).click();
    await page.getByRole('heading', { name: 'Lập đề xuất đầu tư' }).waitFor();
    await page.getByLabel('Hạng mục đầu tư').fill(item);
    await page.getByRole('combobox', { name: 'Loại đầu tư' }).click();
    await page.getByRole('option', { name: 'Sửa chữa, cải tạo' }).click();
    await page.getByLabel('Kinh phí dự kiến').fill('350000000');
    await page
      .getByLabel('Thuyết minh sự cần thiết')
      .fill('Mái tôn bị dột nhiều chỗ, ảnh hưởng 40 đối tượng.');
    await page.getByRole('button', { name: 'Lưu' }).click();

    await page.getByRole('heading', { name: item }).waitFor();
    proposalUrl = new URL(page.url()).pathname;
    expect(proposalUrl).toMatch(/^\/investment\/proposals\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('proposal-status').textContent()).toBe('Dự thảo');
    expect(await page.getByTestId('proposal-cost').textContent()).toContain('350.000.000');
  });

  it('submits it to the department, after which the centre may only withdraw it', async () => {
    await move(page, 'Gửi Sở');
    await page.getByTestId('proposal-status').filter({ hasText: 'Đã gửi Sở' }).waitFor();
    expect(await page.getByRole('button', { name: 'Rút về dự thảo' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Phê duyệt' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Sửa' }).count()).toBe(0);
  });

  it('signs in as the planner, who puts it under review', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await signIn(page, 'planner', proposalUrl);
    await page.getByRole('heading', { name: item }).waitFor();
    expect(await page.getByRole('button', { name: 'Rút về dự thảo' }).count()).toBe(0);
    await move(page, 'Tiếp nhận thẩm định');
    await page.getByTestId('proposal-status').filter({ hasText: 'Đang thẩm định' }).waitFor();
  });

  it('refuses a rejection without a reason', async () => {
    await page.getByRole('button', { name: 'Không phê duyệt' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Không phê duyệt' }).click();
    await dialog.getByText('Cần ghi lý do khi không phê duyệt đề xuất').waitFor();
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('approves it with a comment', async () => {
    await move(page, 'Phê duyệt', 'Đồng ý chủ trương, bố trí trong kế hoạch năm sau.');
    await page.getByTestId('proposal-status').filter({ hasText: 'Đã phê duyệt' }).waitFor();
    expect(await page.getByTestId('proposal-comments').textContent()).toContain('Đồng ý chủ trương');
  });

  it('lists every step in the history, with who took it', async () => {
    const rows = page.getByTestId('proposal-events').locator('tbody tr');
    expect(await rows.count()).toBe(4);
    const steps = await rows.allTextContents();
    expect(steps[0]).toContain('Lập dự thảo');
    expect(steps[0]).toContain('Trần Văn Minh');
    expect(steps[1]).toContain('Dự thảo → Đã gửi Sở');
    expect(steps[1]).toContain('Trần Văn Minh');
    expect(steps[2]).toContain('Đã gửi Sở → Đang thẩm định');
    expect(steps[2]).toContain('Nguyễn Thị Hoa');
    expect(steps[3]).toContain('Đang thẩm định → Đã phê duyệt');
    expect(steps[3]).toContain('Đồng ý chủ trương');
  });

  it('finds the approved proposal in the list filtered by status', async () => {
    await page.goto('/investment/proposals?status=approved');
    await page.getByLabel('Tìm kiếm').fill(item);
    await page.getByTestId('table-total').filter({ hasText: 'Tổng số: 1 đề xuất' }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: item }).getByText('Đã phê duyệt').isVisible()).toBe(
      true,
    );
  });
});

async function signIn(page: Page, username: string, path: string): Promise<void> {
  await page.goto(path);
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('ansinh-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => url.pathname === path);
}

/** Clicks a workflow button and confirms the step in its dialog, with an optional comment. */
async function move(page: Page, action: string, comment?: string): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog');
  if (comment) await dialog.getByLabel('Ý kiến kèm theo').fill(comment);
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}
