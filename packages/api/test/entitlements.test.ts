import { randomUUID } from 'node:crypto';
import type { Queryable } from '@ansinh/db/client';
import { facilities } from '@ansinh/db/schema/facilities';
import { residents, stays } from '@ansinh/db/schema/residents';
import type { ResidentFacts } from '@ansinh/domain/entitlements/facts';
import { and, asc, eq, gte, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { monthBounds, type ResidentRow, stayOrder, toFacts } from '../src/services/entitlement-facts.ts';
import { loadMonthPopulation } from '../src/services/entitlements.ts';
import { vndInWords } from '../src/services/roll-export.ts';
import { type Caller, expectTRPCError, fieldErrorsOf, readWorkbook, useApiHarness } from './harness.ts';

const h = useApiHarness();

type NewResident = typeof residents.$inferInsert;
type NewStay = {
  facility: string;
  admittedOn: string;
  dischargedOn?: string;
  dischargeReason?: NewStayReason;
};
type NewStayReason = NonNullable<(typeof stays.$inferInsert)['dischargeReason']>;

/** Inserted with drizzle directly, so this suite does not depend on the residents API. */
async function addResident(
  values: Pick<NewResident, 'fullName' | 'birthDate' | 'group'> & Partial<NewResident>,
  stayList: NewStay[],
): Promise<string> {
  const [row] = await h.db
    .insert(residents)
    .values({ sex: 'female', ...values })
    .returning({ id: residents.id });
  if (!row) throw new Error('no resident inserted');
  for (const s of stayList) {
    await h.db.insert(stays).values({
      residentId: row.id,
      facilityId: await h.facilityId(s.facility),
      admittedOn: s.admittedOn,
      dischargedOn: s.dischargedOn ?? null,
      dischargeReason: s.dischargeReason ?? null,
    });
  }
  return row.id;
}

const NURTURING = 'NURTURING_ALLOWANCE';
const MEDICINES = 'COMMON_MEDICINES';
const BURIAL = 'BURIAL_SUPPORT';

let planner: Caller;
let staff: Caller;
const ids: Record<string, string> = {};

beforeAll(async () => {
  planner = await h.callerFor('planner');
  staff = await h.callerFor('staff');
  // TN-BTXH, July 2024 (base level 500,000 from 1 July 2024).
  ids.child = await addResident(
    { fullName: 'Nguyễn Văn An', birthDate: '2022-01-10', group: 'k1_child_no_support' },
    [{ facility: 'TN-BTXH', admittedOn: '2023-01-01' }],
  );
  ids.elderly = await addResident(
    { fullName: 'Trần Thị Bình', birthDate: '1940-05-05', group: 'k1_elderly' },
    [{ facility: 'TN-BTXH', admittedOn: '2020-03-01' }],
  );
  ids.deceased = await addResident(
    { fullName: 'Lê Văn Cường', birthDate: '1938-02-02', group: 'k1_elderly', sex: 'male' },
    [
      {
        facility: 'TN-BTXH',
        admittedOn: '2020-01-01',
        dischargedOn: '2024-07-10',
        dischargeReason: 'deceased',
      },
    ],
  );
  // Only the birth year is known, and she turns 16 during 2024: the engine cannot tell when support stops.
  ids.yearOnly = await addResident(
    {
      fullName: 'Phạm Thị Dung',
      birthDate: '2008-01-01',
      birthDatePrecision: 'year',
      group: 'k1_child_no_support',
    },
    [{ facility: 'TN-BTXH', admittedOn: '2019-06-01' }],
  );
  ids.voluntary = await addResident(
    { fullName: 'Vũ Thị Giang', birthDate: '1945-09-09', group: 'k5_voluntary' },
    [{ facility: 'TN-BTXH', admittedOn: '2022-01-01' }],
  );
  // Transferred from the children's centre on 16 July 2024: 15 days there, 16 days at TN-BTXH.
  ids.transferred = await addResident(
    { fullName: 'Hoàng Văn Em', birthDate: '2021-12-01', group: 'k1_child_no_support', sex: 'male' },
    [
      {
        facility: 'TN-TREEM',
        admittedOn: '2023-01-01',
        dischargedOn: '2024-07-16',
        dischargeReason: 'transferred',
      },
      { facility: 'TN-BTXH', admittedOn: '2024-07-16' },
    ],
  );
  ids.elsewhere = await addResident(
    { fullName: 'Đỗ Thị Hạnh', birthDate: '2020-04-04', group: 'k1_child_no_support' },
    [{ facility: 'TN-TREEM', admittedOn: '2023-05-01' }],
  );
  // Emergency protection (Art. 24(4)) since 10 April, transferred on 1 June: the 3 months run from the
  // first admission, so July is paid up to 9 July. The name has a comma and quotes on purpose.
  ids.emergency = await addResident(
    { fullName: 'Ma Thị "Mận", Bé', birthDate: '1990-03-03', group: 'k2_emergency' },
    [
      {
        facility: 'TN-TREEM',
        admittedOn: '2024-04-10',
        dischargedOn: '2024-06-01',
        dischargeReason: 'transferred',
      },
      { facility: 'TN-BTXH', admittedOn: '2024-06-01' },
    ],
  );
  // Left on 1 July: not cared for on any day of July, so on nobody's July roll.
  ids.leftOnFirst = await addResident(
    { fullName: 'Bùi Văn Khải', birthDate: '1950-01-01', group: 'k1_elderly' },
    [
      {
        facility: 'TN-BTXH',
        admittedOn: '2021-01-01',
        dischargedOn: '2024-07-01',
        dischargeReason: 'returned_to_family',
      },
    ],
  );
});

const outcome = (result: { outcomes: { ruleCode: string }[] }, code: string) => {
  const found = result.outcomes.find((o) => o.ruleCode === code);
  if (!found) throw new Error(`no outcome for ${code}`);
  return found as Awaited<ReturnType<Caller['entitlements']['forResident']>>['outcomes'][number];
};

describe('entitlements.forResident', () => {
  it('a k1 child under 4 in July 2024: 5.0 × 500,000, explained in Vietnamese and English', async () => {
    const result = await planner.entitlements.forResident({
      residentId: ids.child as string,
      month: '2024-07',
    });
    const nurturing = outcome(result, NURTURING);
    expect(nurturing).toMatchObject({
      qualifies: true,
      amountVnd: 2_500_000,
      monthlyAmountVnd: 2_500_000,
      daysEligible: 31,
      daysInMonth: 31,
      status: 'in_force',
      kind: 'monthly',
      title: { vi: 'Trợ cấp nuôi dưỡng hàng tháng', en: 'Monthly nurturing allowance' },
    });
    expect(nurturing.explanation.vi).toContain('hệ số 5,0');
    expect(nurturing.explanation.vi).toContain('500.000 đ');
    expect(nurturing.explanation.en).toContain('coefficient 5.0');
    expect(nurturing.legalBasis).toContain('Điều 25');
    // Every rule in force is reported, the in-kind ones too; the total adds the medicines ceiling.
    expect(result.outcomes.map((o) => o.ruleCode)).toEqual(
      expect.arrayContaining([
        NURTURING,
        'HEALTH_INSURANCE_CARD',
        MEDICINES,
        BURIAL,
        'NO_COMMUNITY_ALLOWANCE',
      ]),
    );
    expect(result.outcomes.some((o) => o.status === 'proposed')).toBe(false);
    expect(outcome(result, MEDICINES)).toMatchObject({ amountVnd: 100_000, isCeiling: true });
    expect(result.totalVnd).toBe(2_600_000);
  });

  it('June 2024 uses the old base level: 360,000 × 5 = 1,800,000', async () => {
    const result = await planner.entitlements.forResident({
      residentId: ids.child as string,
      month: '2024-06',
    });
    expect(outcome(result, NURTURING).amountVnd).toBe(1_800_000);
    expect(outcome(result, NURTURING).explanation.vi).toContain('360.000 đ');
  });

  it('a voluntary (k5) resident gets nothing from the state, and is told why', async () => {
    const result = await planner.entitlements.forResident({
      residentId: ids.voluntary as string,
      month: '2024-07',
    });
    const nurturing = outcome(result, NURTURING);
    expect(nurturing).toMatchObject({ qualifies: false, amountVnd: 0 });
    expect(nurturing.explanation.vi).toContain('không thuộc diện');
    expect(outcome(result, 'VOLUNTARY_NO_STATE_ALLOWANCE').qualifies).toBe(true);
    expect(result.totalVnd).toBe(0);
  });

  it('reports what is missing when a fact prevents a decision', async () => {
    const result = await planner.entitlements.forResident({
      residentId: ids.yearOnly as string,
      month: '2024-07',
    });
    const nurturing = outcome(result, NURTURING);
    expect(nurturing.qualifies).toBe('unknown');
    expect(nurturing.missingFacts).toContain('birthDate');
    expect(nurturing.explanation.vi).toContain('2008');
  });

  it('staff of TN-BTXH read their own resident but not one who only ever stayed elsewhere', async () => {
    const own = await staff.entitlements.forResident({ residentId: ids.child as string, month: '2024-07' });
    expect(own.totalVnd).toBe(2_600_000);
    await expectTRPCError(
      staff.entitlements.forResident({ residentId: ids.elsewhere as string, month: '2024-07' }),
      'FORBIDDEN',
      'FORBIDDEN',
    );
    const operator = await h.callerFor('operator');
    await expectTRPCError(
      operator.entitlements.forResident({ residentId: ids.child as string, month: '2024-07' }),
      'FORBIDDEN',
    );
    await expectTRPCError(
      planner.entitlements.forResident({ residentId: randomUUID(), month: '2024-07' }),
      'NOT_FOUND',
      'RESIDENT_NOT_FOUND',
    );
  });

  it('a centre sees its own claim; the department sees the whole person', async () => {
    const input = { residentId: ids.transferred as string, month: '2024-07' };
    const whole = outcome(await planner.entitlements.forResident(input), NURTURING);
    expect(whole).toMatchObject({ daysEligible: 31, amountVnd: 2_500_000 });
    const claim = outcome(await staff.entitlements.forResident(input), NURTURING);
    expect(claim.daysEligible).toBe(16);
    expect(claim.amountVnd).toBe(Math.round((2_500_000 * 16) / 31));
    // June: the person was at the children's centre, so TN-BTXH has nothing to claim.
    const june = outcome(await staff.entitlements.forResident({ ...input, month: '2024-06' }), NURTURING);
    expect(june.amountVnd).toBe(0);
  });

  it('refuses a malformed month', async () => {
    await expectTRPCError(
      planner.entitlements.forResident({ residentId: ids.child as string, month: '2024-13' }),
      'BAD_REQUEST',
    );
  });
});

describe('entitlements.history', () => {
  it('gives month-by-month totals and amounts per rule', async () => {
    const history = await planner.entitlements.history({
      residentId: ids.child as string,
      from: '2024-05',
      to: '2024-08',
    });
    expect(history.map((m) => m.month)).toEqual(['2024-05', '2024-06', '2024-07', '2024-08']);
    expect(history.map((m) => m.amounts[NURTURING])).toEqual([1_800_000, 1_800_000, 2_500_000, 2_500_000]);
    expect(history.map((m) => m.totalVnd)).toEqual([1_900_000, 1_900_000, 2_600_000, 2_600_000]);
    expect(history[0]?.amounts).not.toHaveProperty('HEALTH_INSURANCE_CARD');
    expect(history.every((m) => m.unknownRules.length === 0)).toBe(true);
  });

  it('lists the rules it could not decide', async () => {
    const [july] = await planner.entitlements.history({
      residentId: ids.yearOnly as string,
      from: '2024-07',
      to: '2024-07',
    });
    expect(july?.unknownRules).toEqual(expect.arrayContaining([NURTURING, MEDICINES]));
  });

  it('accepts 36 months and refuses 37 or a reversed range', async () => {
    const residentId = ids.child as string;
    expect(await planner.entitlements.history({ residentId, from: '2022-01', to: '2024-12' })).toHaveLength(
      36,
    );
    const error = await expectTRPCError(
      planner.entitlements.history({ residentId, from: '2022-01', to: '2025-01' }),
      'BAD_REQUEST',
    );
    expect(fieldErrorsOf(error).to).toBeDefined();
    await expectTRPCError(
      planner.entitlements.history({ residentId, from: '2024-05', to: '2024-04' }),
      'BAD_REQUEST',
    );
  });

  it('is scoped like forResident', async () => {
    await expectTRPCError(
      staff.entitlements.history({ residentId: ids.elsewhere as string, from: '2024-01', to: '2024-02' }),
      'FORBIDDEN',
    );
  });
});

describe('entitlements.roll', () => {
  it('is never stale: a write to residents, stays or a facility is seen by the next roll', async () => {
    const month = '2024-08';
    const before = await planner.entitlements.roll({ month, page: 1, pageSize: 100 });
    const again = await planner.entitlements.roll({ month, page: 1, pageSize: 100 });
    expect(again.grandTotalVnd).toBe(before.grandTotalVnd);
    const id = await addResident(
      { fullName: 'Đỗ Văn Mới', birthDate: '2023-03-03', group: 'k1_child_no_support' },
      [{ facility: 'TN-BTXH', admittedOn: '2024-08-01' }],
    );
    const after = await planner.entitlements.roll({ month, page: 1, pageSize: 100 });
    expect(after.total).toBe(before.total + 1);
    expect(after.grandTotalVnd).toBeGreaterThan(before.grandTotalVnd);
    await h.db.update(residents).set({ group: 'k5_voluntary' }).where(eq(residents.id, id));
    const changed = await planner.entitlements.roll({ month, page: 1, pageSize: 100 });
    expect(changed.grandTotalVnd).toBe(before.grandTotalVnd);
    await h.db.delete(stays).where(eq(stays.residentId, id));
    await h.db.delete(residents).where(eq(residents.id, id));
  });

  it("lists a facility's claim: money rules only, totals over every page", async () => {
    const btxh = await h.facilityId('TN-BTXH');
    const first = await planner.entitlements.roll({
      month: '2024-07',
      facilityId: btxh,
      page: 1,
      pageSize: 2,
    });
    expect(first.rules.map((r) => r.code)).toEqual([NURTURING, MEDICINES, BURIAL]);
    expect(first.rules.every((r) => r.kind === 'monthly' || r.kind === 'one_off')).toBe(true);
    expect(first.total).toBe(7);
    expect(first.items).toHaveLength(2);

    const rows = [...first.items];
    for (let page = 2; rows.length < first.total; page++) {
      const next = await planner.entitlements.roll({ month: '2024-07', facilityId: btxh, page, pageSize: 2 });
      expect(next.totals).toEqual(first.totals);
      expect(next.grandTotalVnd).toBe(first.grandTotalVnd);
      rows.push(...next.items);
    }
    expect(rows.map((r) => r.fullName)).toEqual([
      'Hoàng Văn Em',
      'Lê Văn Cường',
      'Ma Thị "Mận", Bé',
      'Nguyễn Văn An',
      'Phạm Thị Dung',
      'Trần Thị Bình',
      'Vũ Thị Giang',
    ]);
    for (const rule of first.rules) {
      expect(first.totals[rule.code]).toBe(rows.reduce((sum, r) => sum + (r.amounts[rule.code] ?? 0), 0));
    }
    for (const row of rows) {
      expect(row.totalVnd).toBe(Object.values(row.amounts).reduce((a, b) => a + b, 0));
    }
    expect(first.grandTotalVnd).toBe(rows.reduce((sum, r) => sum + r.totalVnd, 0));
    expect(first.grandTotalVnd).toBe(Object.values(first.totals).reduce((a, b) => a + b, 0));

    const byName = new Map(rows.map((r) => [r.fullName, r]));
    expect(byName.get('Nguyễn Văn An')?.amounts).toEqual({
      [NURTURING]: 2_500_000,
      [MEDICINES]: 100_000,
      [BURIAL]: 0,
    });
    // Died on 10 July: the day of death counts (10 of 31 days), burial support is 50 × 500,000.
    expect(byName.get('Lê Văn Cường')?.amounts).toEqual({
      [NURTURING]: Math.round((2_000_000 * 10) / 31),
      [MEDICINES]: Math.round((100_000 * 10) / 31),
      [BURIAL]: 25_000_000,
    });
    // The centre's own claim for the person transferred in on 16 July: 16 of 31 days.
    expect(byName.get('Hoàng Văn Em')?.amounts[NURTURING]).toBe(Math.round((2_500_000 * 16) / 31));
    expect(byName.get('Vũ Thị Giang')?.totalVnd).toBe(0);
    // Emergency stay since 10 April (transferred in on 1 June): paid 1–9 July, 4.0 × 500,000 prorated.
    expect(byName.get('Ma Thị "Mận", Bé')?.amounts[NURTURING]).toBe(Math.round((2_000_000 * 9) / 31));
    expect(byName.get('Phạm Thị Dung')?.unknownRules).toEqual(expect.arrayContaining([NURTURING, MEDICINES]));
    expect(first.residentsWithUnknown).toBe(1);
    expect(byName.has('Bùi Văn Khải')).toBe(false);
  });

  it('the two centres of a transfer split the month exactly', async () => {
    const month = '2024-07';
    const btxh = await planner.entitlements.roll({
      month,
      facilityId: await h.facilityId('TN-BTXH'),
      page: 1,
      pageSize: 100,
    });
    const treem = await planner.entitlements.roll({
      month,
      facilityId: await h.facilityId('TN-TREEM'),
      page: 1,
      pageSize: 100,
    });
    const amount = (roll: typeof btxh) =>
      roll.items.find((r) => r.fullName === 'Hoàng Văn Em')?.amounts[NURTURING] ?? 0;
    expect(amount(treem)).toBe(Math.round((2_500_000 * 15) / 31));
    expect(amount(btxh) + amount(treem)).toBe(2_500_000);
  });

  it('the province roll evaluates whole persons, sorted by facility then name', async () => {
    const roll = await planner.entitlements.roll({ month: '2024-07', page: 1, pageSize: 100 });
    expect(roll.total).toBe(8);
    const facilities = roll.items.map((r) => r.facilityName);
    expect([...facilities].sort()).toEqual(facilities);
    const transferred = roll.items.find((r) => r.fullName === 'Hoàng Văn Em');
    expect(transferred?.amounts[NURTURING]).toBe(2_500_000);
    expect(transferred?.facilityName).toContain('Bảo trợ');
  });

  it('staff get their own facility by default and are refused any other', async () => {
    const own = await staff.entitlements.roll({ month: '2024-07', page: 1, pageSize: 100 });
    expect(own.total).toBe(7);
    expect(new Set(own.items.map((r) => r.facilityName)).size).toBe(1);
    await expectTRPCError(
      staff.entitlements.roll({
        month: '2024-07',
        facilityId: await h.facilityId('TN-TREEM'),
        page: 1,
        pageSize: 20,
      }),
      'FORBIDDEN',
      'FORBIDDEN',
    );
    const operator = await h.callerFor('operator');
    const empty = await operator.entitlements.roll({ month: '2024-07', page: 1, pageSize: 20 });
    expect(empty).toMatchObject({ total: 0, items: [], grandTotalVnd: 0, rules: [] });
  });

  it('an unknown facility is not found for the department', async () => {
    await expectTRPCError(
      planner.entitlements.roll({ month: '2024-07', facilityId: randomUUID(), page: 1, pageSize: 20 }),
      'NOT_FOUND',
      'FACILITY_NOT_FOUND',
    );
  });
});

describe('entitlements.rollExport', () => {
  it("is laid out the way a centre's accountant files it", async () => {
    const btxh = await h.facilityId('TN-BTXH');
    const roll = await staff.entitlements.roll({ month: '2024-07', page: 1, pageSize: 100 });
    const file = await staff.entitlements.rollExport({ month: '2024-07', facilityId: btxh });
    expect(file.filename).toBe('danh-sach-chi-tro-cap-2024-07-TN-BTXH.xlsx');
    const workbook = await readWorkbook(file.base64);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');

    const texts: { row: number; text: string }[] = [];
    sheet.eachRow((row, rowNumber) => {
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') texts.push({ row: rowNumber, text: cell.value });
      });
    });
    const rowOf = (needle: string) => texts.find((t) => t.text.includes(needle))?.row ?? -1;

    const titleRow = rowOf('DANH SÁCH CHI TRỢ CẤP NUÔI DƯỠNG');
    expect(sheet.getCell(titleRow, 1).value).toBe('DANH SÁCH CHI TRỢ CẤP NUÔI DƯỠNG THÁNG 07/2024');
    expect(sheet.getCell(titleRow, 1).isMerged).toBe(true);
    expect(rowOf('Trung tâm Bảo trợ và Công tác xã hội tỉnh Thái Nguyên')).toBeGreaterThan(0);

    const headerRow = rowOf('Họ và tên');
    const headers = (sheet.getRow(headerRow).values as unknown[]).filter((v) => typeof v === 'string');
    expect(headers).toEqual([
      'STT',
      'Họ và tên',
      'Ngày sinh',
      'Nhóm đối tượng',
      ...roll.rules.map((r) => r.title.vi),
      'Tổng cộng',
      'Ghi chú',
    ]);

    // Numbered rows, then the totals row, then the signatures.
    const numbered: number[] = [];
    sheet.eachRow((row, rowNumber) => {
      if (rowNumber > headerRow && typeof row.getCell(1).value === 'number') numbered.push(rowNumber);
    });
    expect(numbered.map((r) => sheet.getCell(r, 1).value)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const totalRow = texts.find((t) => t.text === 'Tổng cộng' && t.row > headerRow)?.row ?? -1;
    expect(totalRow).toBe((numbered.at(-1) ?? 0) + 1);
    const totalColumn = 4 + roll.rules.length + 1;
    expect(sheet.getCell(totalRow, totalColumn).value).toBe(roll.grandTotalVnd);
    expect(sheet.getCell(totalRow, 5).value).toBe(roll.totals[NURTURING]);
    expect(sheet.getCell(totalRow, 5).numFmt).toBe('#,##0');
    const firstData = numbered[0] as number;
    expect(sheet.getCell(firstData, 2).value).toBe('Hoàng Văn Em');
    expect(sheet.getCell(firstData, 3).value).toBe('01/12/2021');
    expect(sheet.getCell(firstData, 4).value).toBe('Trẻ em không có nguồn nuôi dưỡng (k1)');
    const yearOnly = numbered.find((r) => sheet.getCell(r, 2).value === 'Phạm Thị Dung') as number;
    expect(sheet.getCell(yearOnly, 3).value).toBe('2008');
    expect(String(sheet.getCell(yearOnly, totalColumn + 1).value)).toContain('Chưa xác định');

    const signatures = rowOf('Người lập biểu');
    expect(signatures).toBeGreaterThan(totalRow);
    expect(rowOf('Giám đốc')).toBe(signatures);
    expect(rowOf('(Ký, ghi rõ họ tên)')).toBe(signatures + 1);
    expect(texts.some((t) => t.row > totalRow && t.row < signatures && t.text.includes('bằng chữ'))).toBe(
      true,
    );
    for (let r = totalRow + 1; r <= sheet.rowCount; r++) {
      expect(typeof sheet.getCell(r, totalColumn).value).not.toBe('number');
    }

    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.paperSize).toBe(9);
    expect(sheet.pageSetup.fitToPage).toBe(true);
    expect(sheet.pageSetup.fitToWidth).toBe(1);
  });

  it('the province list names the department and has a facility column', async () => {
    const file = await planner.entitlements.rollExport({ month: '2024-07' });
    expect(file.filename).toBe('danh-sach-chi-tro-cap-2024-07-toan-tinh.xlsx');
    const sheet = (await readWorkbook(file.base64)).worksheets[0];
    const strings: string[] = [];
    sheet?.eachRow((row) => {
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') strings.push(cell.value);
      });
    });
    expect(strings).toContain(`Toàn tỉnh - ${h.config.departmentName}`);
    expect(strings).toContain('Cơ sở');
  });

  it('refuses a facility outside the caller’s scope', async () => {
    await expectTRPCError(
      staff.entitlements.rollExport({ month: '2024-07', facilityId: await h.facilityId('TN-TREEM') }),
      'FORBIDDEN',
    );
  });
});

/**
 * The plain, row-by-row way to read a month, kept here as the oracle the fast text-encoded loader is
 * checked against.
 */
interface MonthSubject {
  resident: ResidentRow;
  facts: ResidentFacts;
  /** The facility of the person's last stay in the month: where their costs are reported. */
  facilityId: string;
  facilityName: string;
}

/**
 * Everyone cared for on at least one day of the month (optionally only in some facilities or only
 * some people), with the stays that touch the month. Two queries, whatever the number of people.
 */
async function subjectsForMonth(
  db: Queryable,
  month: string,
  filter: { facilityIds?: readonly string[]; residentIds?: readonly string[] } = {},
): Promise<MonthSubject[]> {
  const { first, last } = monthBounds(month);
  const touchesMonth = and(
    lte(stays.admittedOn, last),
    or(isNull(stays.dischargedOn), gte(stays.dischargedOn, first)),
  );
  const conditions: (SQL | undefined)[] = [touchesMonth];
  if (filter.facilityIds) conditions.push(inArray(stays.facilityId, [...filter.facilityIds]));
  if (filter.residentIds) conditions.push(inArray(stays.residentId, [...filter.residentIds]));
  if (filter.facilityIds?.length === 0 || filter.residentIds?.length === 0) return [];

  const stayRows = await db
    .select({
      residentId: stays.residentId,
      facilityId: stays.facilityId,
      admittedOn: stays.admittedOn,
      dischargedOn: stays.dischargedOn,
      dischargeReason: stays.dischargeReason,
      facilityName: facilities.name,
      careCostVnd: facilities.careCostVnd,
    })
    .from(stays)
    .innerJoin(facilities, eq(facilities.id, stays.facilityId))
    .where(and(...conditions))
    .orderBy(asc(stays.residentId), ...stayOrder);
  if (stayRows.length === 0) return [];

  const byResident = new Map<string, typeof stayRows>();
  for (const row of stayRows) {
    const list = byResident.get(row.residentId);
    if (list) list.push(row);
    else byResident.set(row.residentId, [row]);
  }
  const people = await db
    .select()
    .from(residents)
    .where(inArray(residents.id, [...byResident.keys()]));

  return people.map((resident) => {
    const own = byResident.get(resident.id) ?? [];
    const latest = own[own.length - 1];
    return {
      resident,
      facts: toFacts(resident, own, latest?.careCostVnd ?? null),
      facilityId: latest?.facilityId ?? '',
      facilityName: latest?.facilityName ?? '',
    };
  });
}

describe('the bulk loader of a month', () => {
  it('gives the same facts as the shared loader, with the earlier stays of an episode', async () => {
    const month = '2024-07';
    const { first, last } = monthBounds(month);
    const touches = (s: { admittedOn: string; dischargedOn?: string | null }) =>
      s.admittedOn <= last && (s.dischargedOn == null || s.dischargedOn >= first);
    const [{ people }, shared] = await Promise.all([
      loadMonthPopulation(h.db, month, { withNames: true }),
      subjectsForMonth(h.db, month),
    ]);
    const byId = new Map(shared.map((s) => [s.resident.id, s]));
    expect(people.map((p) => p.id).sort()).toEqual(
      Object.values(ids)
        .filter((id) => id !== ids.leftOnFirst)
        .sort(),
    );
    for (const person of people) {
      const other = byId.get(person.id);
      expect(other, person.fullName).toBeDefined();
      const { stays: ownStays, ...facts } = person.facts;
      const { stays: otherStays, ...otherFacts } = other?.facts ?? {};
      expect(facts, person.fullName).toEqual(otherFacts);
      expect(ownStays?.filter(touches)).toEqual(otherStays);
      expect(person.facilityId).toBe(other?.facilityId);
      expect(person.fullName).toBe(other?.resident.fullName);
      expect(person.sortName).toBe(other?.resident.nameFold);
    }
    const emergency = people.find((p) => p.id === ids.emergency);
    expect(emergency?.facts.stays).toHaveLength(2);
  });
});

describe('amount in words', () => {
  it.each([
    [0, 'Không đồng'],
    [5, 'Năm đồng'],
    [15, 'Mười lăm đồng'],
    [21, 'Hai mươi mốt đồng'],
    [105, 'Một trăm linh năm đồng'],
    [2_600_000, 'Hai triệu sáu trăm nghìn đồng'],
    [25_645_161, 'Hai mươi lăm triệu sáu trăm bốn mươi lăm nghìn một trăm sáu mươi mốt đồng'],
    [1_000_005, 'Một triệu không trăm linh năm đồng'],
    [3_024_000_000, 'Ba tỷ không trăm hai mươi tư triệu đồng'],
  ])('%d → %s', (amount, words) => {
    expect(vndInWords(amount)).toBe(words);
  });
});
