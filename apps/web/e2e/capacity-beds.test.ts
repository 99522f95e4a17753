import type { Locator, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser, useBrowserApp } from './browser.ts';

// Unique per run, so nothing depends on what the demo data or an earlier run left behind.
const run = Date.now().toString(36).toUpperCase();
const roomName = `Phòng thử ${run}`;
const prefix = `T${run}-`;
const firstBed = `${prefix}01`;
const secondBed = `${prefix}02`;
const residentName = `Trần Văn Giường ${run}`;

const pad = (n: number) => String(n).padStart(2, '0');
const display = (d: Date) => `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
/** Admitted and placed a month ago, moved today: the first bed keeps a closed period in its history. */
const monthAgo = display(new Date(Date.now() - 30 * 24 * 3600 * 1000));
const today = display(new Date());

const totalKeys = ['beds', 'occupied', 'free', 'unplaced'] as const;
type Totals = Record<(typeof totalKeys)[number], number>;

describeInBrowser('manager adds a room and beds, places a resident and moves them', () => {
  const app = useBrowserApp();
  let page: Page;
  let before: Totals;

  beforeAll(() => {
    page = app.page;
  });

  it('signs in as the facility manager and opens the beds of their centre', async () => {
    await page.goto('/capacity/beds');
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await page.getByLabel('Tên đăng nhập').fill('manager');
    await page.getByLabel('Mật khẩu').fill('ansinh-demo');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    await page.getByRole('heading', { name: 'Phòng và giường' }).waitFor();
    // The manager's centre is chosen without asking (its name shows once it has loaded).
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Cơ sở' }).inputValue())
      .toContain('Thái Nguyên');
    await page.getByTestId('total-beds').waitFor();
    before = await readTotals(page);
  });

  it('admits a resident without a bed, recording their care needs', async () => {
    await page.getByRole('link', { name: 'Đối tượng', exact: true }).click();
    await page.getByRole('link', { name: 'Tiếp nhận đối tượng' }).click();
    await page.getByRole('heading', { name: 'Tiếp nhận đối tượng' }).waitFor();

    await page.getByLabel('Họ và tên').fill(residentName);
    await page.getByLabel('Ngày sinh').fill('15/03/1948');
    await choose(page, 'Giới tính', 'Nam');
    await choose(page, 'Nhóm đối tượng', 'Người cao tuổi (k1)');
    // Care needs: not able to look after himself (the 1 carer : 4 norm for the elderly).
    await page
      .getByRole('radiogroup', { name: 'Tự phục vụ được' })
      .getByText('Không', { exact: true })
      .click();
    await page.getByLabel('Ngày tiếp nhận').fill(monthAgo);
    await page.getByRole('button', { name: 'Lưu' }).click();

    await page.getByRole('heading', { name: residentName }).waitFor();
    expect(await page.getByTestId('current-bed').textContent()).toBe('Chưa được xếp giường');
    expect(await page.getByText('Không', { exact: true }).first().isVisible()).toBe(true);
  });

  it('adds a room and two beds written as a range', async () => {
    // The profile links to the beds of the resident's centre.
    await page.getByRole('main').getByRole('link', { name: 'Phòng, giường' }).click();
    await page.getByRole('heading', { name: 'Phòng và giường' }).waitFor();
    await waitForTotal(page, 'unplaced', before.unplaced + 1);

    await page.getByRole('button', { name: 'Thêm phòng' }).click();
    const roomDialog = page.getByRole('dialog', { name: 'Thêm phòng' });
    await roomDialog.getByLabel('Tên phòng').fill(roomName);
    await roomDialog.getByLabel('Diện tích sàn (m²)').fill('24');
    await roomDialog.getByRole('button', { name: 'Lưu' }).click();
    // The centre may have many rooms over several pages: find the new one by its name.
    await page.getByLabel('Tìm giường').fill(roomName);
    const room = page.getByTestId(`room-${roomName}`);
    await room.getByText('Phòng chưa có giường.').waitFor();

    await room.getByRole('button', { name: 'Thêm giường' }).click();
    const bedsDialog = page.getByRole('dialog');
    await bedsDialog.getByLabel('Mã giường').fill(`${firstBed}–${secondBed}`);
    expect(await bedsDialog.getByTestId('bed-codes-preview').textContent()).toContain('Sẽ thêm 2 giường');
    await bedsDialog.getByRole('button', { name: 'Thêm giường' }).click();

    await room.getByTestId(`bed-${secondBed}`).waitFor();
    expect(await stateOf(room, firstBed)).toBe('Còn trống');
    await waitForTotal(page, 'beds', before.beds + 2);
    await waitForTotal(page, 'free', before.free + 2);
  });

  it('places the resident in the first bed from the unplaced list', async () => {
    await page.getByRole('button', { name: `Xếp giường: ${residentName}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Xếp giường' });
    await dialog.getByRole('combobox', { name: 'Giường' }).click();
    await page.getByRole('option', { name: `${firstBed} · ${roomName}` }).click();
    await dialog.getByLabel('Từ ngày').fill(monthAgo);
    await dialog.getByRole('button', { name: 'Xếp giường' }).click();
    await dialog.waitFor({ state: 'detached' });

    const room = page.getByTestId(`room-${roomName}`);
    await room.getByTestId(`bed-${firstBed}`).getByRole('link', { name: residentName }).waitFor();
    expect(await stateOf(room, firstBed)).toBe('Có người ở');
    await waitForTotal(page, 'occupied', before.occupied + 1);
    await waitForTotal(page, 'unplaced', before.unplaced);
    await waitForTotal(page, 'free', before.free + 1);
  });

  it('moves the resident to the second bed in one action', async () => {
    const room = page.getByTestId(`room-${roomName}`);
    await room.getByRole('button', { name: `Thao tác với giường ${firstBed}` }).click();
    await page.getByRole('menuitem', { name: 'Chuyển giường' }).click();
    const dialog = page.getByRole('dialog', { name: `Chuyển giường cho ${residentName}` });
    await dialog.getByRole('combobox', { name: 'Giường' }).click();
    // The bed the resident is in is not offered.
    expect(await page.getByRole('option', { name: `${firstBed} · ${roomName}` }).count()).toBe(0);
    await page.getByRole('option', { name: `${secondBed} · ${roomName}` }).click();
    expect(await dialog.getByLabel('Ngày chuyển').inputValue()).toBe(today);
    await dialog.getByRole('button', { name: 'Chuyển giường' }).click();
    await dialog.waitFor({ state: 'detached' });

    await room.getByTestId(`bed-${secondBed}`).getByRole('link', { name: residentName }).waitFor();
    expect(await stateOf(room, firstBed)).toBe('Còn trống');
    // A move changes no total: still one more occupied bed and one more free bed than before.
    await waitForTotal(page, 'beds', before.beds + 2);
    await waitForTotal(page, 'occupied', before.occupied + 1);
    await waitForTotal(page, 'free', before.free + 1);
    await waitForTotal(page, 'unplaced', before.unplaced);
  });

  it('shows who slept in the first bed until today', async () => {
    const room = page.getByTestId(`room-${roomName}`);
    await room.getByRole('button', { name: `Thao tác với giường ${firstBed}` }).click();
    await page.getByRole('menuitem', { name: 'Lịch sử giường' }).click();
    const history = page.getByTestId('bed-history');
    await history.waitFor();
    const row = history.getByRole('row').filter({ hasText: residentName });
    expect(await row.textContent()).toContain(`${monthAgo}${today}`);
    await page.keyboard.press('Escape');
  });

  it('shows the new bed on the resident’s profile', async () => {
    await page.getByTestId(`room-${roomName}`).getByRole('link', { name: residentName }).click();
    await page.getByRole('heading', { name: residentName }).waitFor();
    // The profile seen before the move was cached: it refreshes as it opens.
    await expect
      .poll(() => page.getByTestId('current-bed').textContent())
      .toContain(`Giường ${secondBed} · ${roomName}`);
  });

  it('signs out back to the login page', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
  });
});

/** A figure as shown ("1.234") read back as a number. */
async function totalOf(page: Page, key: (typeof totalKeys)[number]): Promise<number> {
  return Number((await page.getByTestId(`total-${key}`).textContent())?.replace(/\./g, ''));
}

async function readTotals(page: Page): Promise<Totals> {
  const entries = await Promise.all(totalKeys.map(async (key) => [key, await totalOf(page, key)] as const));
  return Object.fromEntries(entries) as Totals;
}

/** The totals refresh after each change; wait for the figure rather than read it once. */
async function waitForTotal(page: Page, key: (typeof totalKeys)[number], value: number): Promise<void> {
  await expect.poll(() => totalOf(page, key), { timeout: 10_000 }).toBe(value);
}

async function stateOf(room: Locator, code: string): Promise<string | null> {
  return room.getByTestId(`bed-${code}`).locator('[data-state]').textContent();
}

/** Picks an option of a Mantine Select by the visible texts a person would use. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}
