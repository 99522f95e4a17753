import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser, useBrowserApp } from './browser.ts';

// Unique per run, so neither the "same person?" check nor the bed codes meet anything left before.
const suffix = Date.now().toString(36).toUpperCase();
const applicantName = `Trần Văn Chờ ${suffix}`;
const roomName = `Phòng E2E ${suffix}`;
const bedCode = `E2E-${suffix}-1`;

describeInBrowser('manager offers a free bed to a waiting applicant who accepts it', () => {
  const app = useBrowserApp();
  let page: Page;

  beforeAll(() => {
    page = app.page;
  });

  it('signs in as the facility manager and opens the waiting list', async () => {
    await page.goto('/waitlist');
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await page.getByLabel('Tên đăng nhập').fill('manager');
    await page.getByLabel('Mật khẩu').fill('ansinh-demo');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Danh sách chờ tiếp nhận' }).waitFor();
    // The metrics header answers before anything is filed.
    await page.getByTestId('metric-waiting').filter({ hasText: /^\d/ }).waitFor();
  });

  it('furnishes a new room of the manager’s centre with a free bed (through the API)', async () => {
    const me = await trpcQuery<{ facilityIds: string[] }>(page, 'auth.me');
    const facilityId = me.facilityIds[0];
    expect(facilityId).toBeDefined();
    const room = await trpcMutation<{ id: string }>(page, app.server.url, 'capacity.createRoom', {
      facilityId,
      name: roomName,
      floorAreaM2: 24,
      careLevel: 'ordinary',
    });
    const beds = await trpcMutation<{ code: string }[]>(page, app.server.url, 'capacity.createBeds', {
      roomId: room.id,
      codes: [bedCode],
    });
    expect(beds.map((b) => b.code)).toEqual([bedCode]);
  });

  it('files an emergency application for a lonely elderly man whose birth date is unknown', async () => {
    await page.getByRole('link', { name: 'Thêm hồ sơ chờ' }).click();
    await page.getByRole('heading', { name: 'Thêm hồ sơ chờ tiếp nhận' }).waitFor();

    // Saving empty shows the schema's messages next to the fields, before anything is sent.
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.locator('[aria-invalid="true"]').first().waitFor();

    await page.getByLabel('Họ và tên').fill(applicantName);
    await choose(page, 'Giới tính', 'Nam');
    await page.getByRole('combobox', { name: 'Xã, phường thường trú' }).fill('dong hy');
    await page.getByRole('option', { name: 'Xã Đồng Hỷ' }).click();
    await choose(page, 'Nhóm đối tượng', 'Người cao tuổi (k1)');
    await choose(page, 'Mức độ khẩn cấp', 'Khẩn cấp');
    await page.getByLabel('Người cao tuổi cô đơn, không nơi nương tựa').check();
    // The manager's own centre is the requested facility without choosing it.
    expect(await page.getByRole('combobox', { name: 'Cơ sở đề nghị tiếp nhận' }).inputValue()).not.toBe('');
    await page.getByRole('button', { name: 'Lưu' }).click();

    await page.getByRole('heading', { name: applicantName }).waitFor();
    expect(page.url()).toMatch(/\/waitlist\/[0-9a-f-]{36}$/);
    // Why the application stands where it does: urgency first, then need, then the wait.
    const explanation = await page.getByTestId('explanation').textContent();
    expect(explanation).toContain('Mức độ khẩn cấp: Khẩn cấp');
    expect(explanation).toContain('Người cao tuổi cô đơn +2');
    expect(explanation).toContain('Chưa rõ ngày sinh');
  });

  it('finds the application in the queue with its rank and explanation', async () => {
    await page.getByRole('link', { name: 'Danh sách chờ tiếp nhận' }).click();
    await page.getByRole('heading', { name: 'Danh sách chờ tiếp nhận' }).waitFor();
    await page.getByLabel('Tìm kiếm').fill(applicantName.toLowerCase());
    await page.getByTestId('table-total').filter({ hasText: 'Tổng số: 1 hồ sơ' }).waitFor();
    const row = page.getByTestId('waitlist-row').filter({ hasText: applicantName });
    expect(await row.getByTestId('rank').textContent()).toMatch(/^\d+$/);
    expect(await row.getByTestId('explanation').textContent()).toContain('Khẩn cấp');
    await row.getByRole('link', { name: applicantName }).click();
    await page.getByRole('heading', { name: applicantName }).waitFor();
  });

  it('offers the free bed of the new room', async () => {
    await page.getByRole('button', { name: 'Đề nghị một giường trống' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Giường trống' }).click();
    await page.getByRole('option', { name: bedCode, exact: true }).click();
    await dialog.getByRole('button', { name: 'Đề nghị giường', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    const offers = page.getByTestId('offers');
    await offers.getByText('Chờ trả lời').waitFor();
    expect(await offers.textContent()).toContain(bedCode);
    expect(await page.getByTestId('application-status').textContent()).toBe('Đã được đề nghị giường');
  });

  it('records the acceptance, which admits the person into the bed in one step', async () => {
    await page.getByRole('button', { name: 'Ghi nhận đồng ý, tiếp nhận' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`vào giường ${bedCode}`).first().waitFor();

    // The application had no birth date, which a resident record needs: the dialog asks for it.
    await dialog.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await dialog.getByText('Cần có ngày (hoặc năm) sinh để lập hồ sơ đối tượng').waitFor();
    await dialog.getByLabel('Ngày sinh').fill('15/03/1942');
    await dialog.getByLabel('Số quyết định tiếp nhận').fill(`QĐ-${suffix}`);
    await dialog.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();

    await page.waitForURL(/\/residents\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: applicantName, exact: true }).waitFor();
  });

  it('shows the bed on the new resident’s profile', async () => {
    const bed = page.getByTestId('current-bed');
    await bed.filter({ hasText: bedCode }).waitFor();
    expect(await bed.textContent()).toContain(roomName);
  });
});

/** Picks an option of a Mantine Select by the visible texts a person would use. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A tRPC query with the browser's session (superjson envelope, no batching). */
async function trpcQuery<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`/trpc/${path}`);
  const body = await response.json();
  if (!response.ok()) throw new Error(`${path}: ${JSON.stringify(body)}`);
  return body.result.data.json as T;
}

/** A tRPC mutation with the browser's session; the server checks the Origin of every mutation. */
async function trpcMutation<T>(page: Page, origin: string, path: string, input: unknown): Promise<T> {
  const response = await page.request.post(`/trpc/${path}`, { data: { json: input }, headers: { origin } });
  const body = await response.json();
  if (!response.ok()) throw new Error(`${path}: ${JSON.stringify(body)}`);
  return body.result.data.json as T;
}
