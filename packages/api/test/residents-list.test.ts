/**
 * The resident list: by facility, search without diacritics, filters (group, age band at its
 * boundaries on the harness clock, disability level, entitlement status, discharged), sort by given
 * name, stable paging and the Excel export of exactly the filtered rows.
 * Each block admits its people into a facility of its own, so counts are exact.
 */
import type { ResidentFormValues } from '@ansinh/schemas/resident';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, expectTRPCError, newFacility, useApiHarness } from './harness.ts';
import {
  addDays,
  admit,
  facilityIds,
  idNumberFor,
  sheetRows,
  todayOf,
  yearsBefore,
} from './residents-fixtures.ts';

const h = useApiHarness();

let admin: Caller;
let ids: Record<string, string>;

beforeAll(async () => {
  admin = await h.callerFor('admin');
  ids = await facilityIds(h);
});

let facilityCounter = 0;
/** A new facility for one block of tests, so its list holds only that block's people. */
async function freshFacility(): Promise<string> {
  facilityCounter += 1;
  const created = await admin.facilities.create(
    newFacility(`TEST-RL-${facilityCounter}`, { type: 'general' }),
  );
  return created.id;
}

async function listIds(facilityId: string, filter: Record<string, unknown> = {}): Promise<string[]> {
  const page = await admin.residents.list({ facilityId, pageSize: 100, ...filter });
  expect(page.total).toBe(page.items.length);
  return page.items.map((i) => i.id);
}

async function admitAll(facilityId: string, people: Partial<ResidentFormValues>[]) {
  const out: string[] = [];
  // Names repeat across blocks on purpose; the duplicate warning is tested elsewhere.
  for (const p of people) {
    out.push((await admit(admin, facilityId, p, { admittedOn: '2025-08-01', confirmDuplicate: true })).id);
  }
  return out;
}

describe('listed by facility', () => {
  it('lists the people in care in a facility, and only them', async () => {
    const a = await freshFacility();
    const b = await freshFacility();
    const inA = await admitAll(a, [{}, {}, {}]);
    const inB = await admitAll(b, [{}]);
    expect((await listIds(a)).sort()).toEqual([...inA].sort());
    expect(await listIds(b)).toEqual(inB);
    const all = await admin.residents.list({ pageSize: 100 });
    expect(all.items.map((i) => i.id)).toEqual(expect.arrayContaining([...inA, ...inB]));
    const item = (await admin.residents.list({ facilityId: b })).items[0];
    expect(item).toMatchObject({
      facilityId: b,
      facilityName: 'Cơ sở thử nghiệm TEST-RL-2',
      admittedOn: '2025-08-01',
    });
  });

  it('follows a person to the facility of their latest stay', async () => {
    const a = await freshFacility();
    const b = await freshFacility();
    const [id] = await admitAll(a, [{}]);
    await admin.residents.transfer({
      residentId: id as string,
      toFacilityId: b,
      transferredOn: '2025-08-10',
    });
    expect(await listIds(a)).toEqual([]);
    expect(await listIds(a, { careStatus: 'discharged' })).toEqual([]);
    expect(await listIds(b)).toEqual([id]);
  });

  it('shows the new facility after a transfer on the admission day', async () => {
    const a = await freshFacility();
    const b = await freshFacility();
    const [id] = await admitAll(a, [{}]);
    await admin.residents.transfer({
      residentId: id as string,
      toFacilityId: b,
      transferredOn: '2025-08-01',
    });
    expect(await listIds(b)).toEqual([id]);
    expect(await listIds(a)).toEqual([]);
  });

  it('lists a person discharged on the day of a same-day transfer under the last facility only', async () => {
    const a = await freshFacility();
    const b = await freshFacility();
    const [id] = await admitAll(a, [{}]);
    await admin.residents.transfer({
      residentId: id as string,
      toFacilityId: b,
      transferredOn: '2025-08-01',
    });
    await admin.residents.discharge({
      residentId: id as string,
      dischargedOn: '2025-08-01',
      reason: 'other',
    });
    expect(await listIds(b, { careStatus: 'discharged' })).toEqual([id]);
    expect(await listIds(a, { careStatus: 'discharged' })).toEqual([]);
  });
});

describe('search', () => {
  let facility: string;
  let huong: string | undefined;
  let duc: string | undefined;
  const idNumber = idNumberFor('2012-02-02', 'female');

  beforeAll(async () => {
    facility = await freshFacility();
    [huong, duc] = await admitAll(facility, [
      { fullName: 'Đặng Thị Hương', birthDate: '2012-02-02', sex: 'female', idNumber },
      { fullName: 'Phạm Văn Đức' },
      { fullName: 'Nguyễn Văn Hưng' },
    ]);
  });

  it.each([
    ['dang thi huong', 'without diacritics'],
    ['ĐẶNG THỊ HƯƠNG', 'in capitals'],
    ['Đặng Thị Hương'.normalize('NFD'), 'typed in NFD'],
    ['huong', 'by the given name'],
    ['  thi   huong ', 'with extra spaces'],
  ])('finds "%s" (%s)', async (search) => {
    expect(await listIds(facility, { search })).toEqual([huong]);
  });

  it('finds đ by d', async () => {
    expect(await listIds(facility, { search: 'duc' })).toEqual([duc]);
  });

  it('finds a person by their ID number', async () => {
    expect(await listIds(facility, { search: idNumber })).toEqual([huong]);
  });

  it('takes % and _ literally', async () => {
    expect(await listIds(facility, { search: '%' })).toEqual([]);
    expect(await listIds(facility, { search: 'h_ong' })).toEqual([]);
  });
});

describe('filters', () => {
  it('by group and disability level', async () => {
    const facility = await freshFacility();
    const [elderly, disabledSevere, disabledMild, child] = await admitAll(facility, [
      { group: 'k1_elderly', birthDate: '1945-01-01' },
      {
        group: 'k1_disability',
        birthDate: '1990-01-01',
        disabilityType: 'mobility',
        disabilityLevel: 'severe',
      },
      { group: 'k1_disability', birthDate: '1991-01-01', disabilityType: 'vision', disabilityLevel: 'mild' },
      { group: 'k1_child_no_support', disabilityLevel: 'severe' },
    ]);
    expect(await listIds(facility, { group: 'k1_elderly' })).toEqual([elderly]);
    expect((await listIds(facility, { group: 'k1_disability' })).sort()).toEqual(
      [disabledSevere, disabledMild].sort(),
    );
    expect((await listIds(facility, { disabilityLevel: 'severe' })).sort()).toEqual(
      [disabledSevere, child].sort(),
    );
    expect(await listIds(facility, { group: 'k1_disability', disabilityLevel: 'mild' })).toEqual([
      disabledMild,
    ]);
    expect(await listIds(facility, { disabilityLevel: 'especially_severe' })).toEqual([]);
  });

  it('by age band, with birthdays today on the boundaries', async () => {
    const today = todayOf(h);
    expect(today).toBe('2025-09-01');
    const facility = await freshFacility();
    const bornYearsAgo = (years: number, days = 0) => addDays(yearsBefore(today, years), days);
    const people = {
      three: bornYearsAgo(4, 1), // turns 4 tomorrow
      fourToday: bornYearsAgo(4),
      fifteen: bornYearsAgo(16, 1),
      sixteenToday: bornYearsAgo(16),
      twentyOne: bornYearsAgo(22, 1),
      twentyTwoToday: bornYearsAgo(22),
      fiftyNine: bornYearsAgo(60, 1),
      sixtyToday: bornYearsAgo(60),
      newborn: today,
    };
    const idOf: Record<string, string> = {};
    for (const [key, birthDate] of Object.entries(people)) {
      idOf[key] = (await admit(admin, facility, { birthDate }, { admittedOn: '2025-08-01' })).id;
    }
    const band = async (ageBand: string) =>
      (await listIds(facility, { ageBand }))
        .map((id) => Object.keys(idOf).find((k) => idOf[k] === id))
        .sort();
    expect(await band('under_4')).toEqual(['newborn', 'three']);
    expect(await band('4_to_15')).toEqual(['fifteen', 'fourToday']);
    expect(await band('16_to_21')).toEqual(['sixteenToday', 'twentyOne']);
    expect(await band('22_to_59')).toEqual(['fiftyNine', 'twentyTwoToday']);
    expect(await band('60_plus')).toEqual(['sixtyToday']);
  });

  it('by age band on 29 February', async () => {
    const leapDay = await h.callerFor('admin', {
      config: { now: () => new Date('2028-02-29T03:00:00.000Z') },
    });
    const facility = await freshFacility();
    const born = await admit(admin, facility, { birthDate: '2024-02-29' }, { admittedOn: '2025-08-01' });
    const adult = await admit(
      admin,
      facility,
      { birthDate: '2000-01-01', group: 'k1_disability' },
      {
        admittedOn: '2025-08-01',
      },
    );
    const band = async (ageBand: string) =>
      (await leapDay.residents.list({ facilityId: facility, ageBand: ageBand as never })).items.map(
        (i) => i.id,
      );
    // Born on 29 February 2024: exactly 4 on 29 February 2028.
    expect(await band('4_to_15')).toEqual([born.id]);
    expect(await band('under_4')).toEqual([]);
    expect(await band('22_to_59')).toEqual([adult.id]);
    expect(await band('16_to_21')).toEqual([]);
  });

  it('by entitlement status: entitled, not entitled (k5), incomplete (year-only birth near 16)', async () => {
    const facility = await freshFacility();
    const [entitled, voluntary, nearSixteen] = await admitAll(facility, [
      { group: 'k1_child_no_support', birthDate: '2020-05-05' },
      { group: 'k5_voluntary', birthDate: '1948-03-03' },
      // Turns 16 some day in 2025: on 1 September 2025 support may or may not have ended.
      { group: 'k1_child_no_support', birthDate: '2009-01-01', birthDatePrecision: 'year' },
    ]);
    const page = await admin.residents.list({ facilityId: facility, pageSize: 100 });
    const status = Object.fromEntries(
      page.items.map((i) => [i.id, [i.entitlementStatus, i.monthlyAllowanceVnd]]),
    );
    expect(status).toEqual({
      [entitled as string]: ['entitled', 2_100_000],
      [voluntary as string]: ['not_entitled', 0],
      [nearSixteen as string]: ['incomplete', 0],
    });
    expect(await listIds(facility, { entitlementStatus: 'entitled' })).toEqual([entitled]);
    expect(await listIds(facility, { entitlementStatus: 'not_entitled' })).toEqual([voluntary]);
    expect(await listIds(facility, { entitlementStatus: 'incomplete' })).toEqual([nearSixteen]);
  });

  it('pages the entitlement-status filter', async () => {
    const facility = await freshFacility();
    const all = await admitAll(
      facility,
      Array.from({ length: 7 }, () => ({ group: 'k5_voluntary' as const, birthDate: '1950-01-01' })),
    );
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const result = await admin.residents.list({
        facilityId: facility,
        entitlementStatus: 'not_entitled',
        page,
        pageSize: 3,
      });
      expect(result.total).toBe(7);
      seen.push(...result.items.map((i) => i.id));
    }
    expect(seen.sort()).toEqual([...all].sort());
  });

  it('discharged people appear only under careStatus discharged', async () => {
    const facility = await freshFacility();
    const [stays, leaves] = await admitAll(facility, [{}, {}]);
    await admin.residents.discharge({
      residentId: leaves as string,
      dischargedOn: '2025-08-20',
      reason: 'adopted',
    });
    expect(await listIds(facility)).toEqual([stays]);
    const discharged = await admin.residents.list({ facilityId: facility, careStatus: 'discharged' });
    expect(discharged.items.map((i) => [i.id, i.dischargedOn])).toEqual([[leaves, '2025-08-20']]);
    // Re-admitted elsewhere: no longer discharged here.
    const elsewhere = await freshFacility();
    await admin.residents.readmit({
      residentId: leaves as string,
      facilityId: elsewhere,
      admittedOn: '2025-08-25',
    });
    expect(await listIds(facility, { careStatus: 'discharged' })).toEqual([]);
    expect(await listIds(elsewhere)).toEqual([leaves]);
  });
});

describe('sort and paging', () => {
  it('sorts by given name (the last word) first: "Trần Văn An" before "Lê Thị Bình"', async () => {
    const facility = await freshFacility();
    await admitAll(facility, [
      { fullName: 'Lê Thị Bình' },
      { fullName: 'Trần Văn An' },
      { fullName: 'Hoàng Văn Cường' },
      { fullName: 'Nguyễn Thị Ánh' },
      { fullName: 'Phạm Văn Đức' },
      { fullName: 'Bế Văn An' },
    ]);
    const names = async (direction: 'asc' | 'desc') =>
      (
        await admin.residents.list({ facilityId: facility, sort: { field: 'fullName', direction } })
      ).items.map((i) => i.fullName);
    const expected = [
      'Bế Văn An',
      'Trần Văn An',
      'Nguyễn Thị Ánh',
      'Lê Thị Bình',
      'Hoàng Văn Cường',
      'Phạm Văn Đức',
    ];
    expect(await names('asc')).toEqual(expected);
    expect(await names('desc')).toEqual([...expected].reverse());
  });

  it('sorts by birth date', async () => {
    const facility = await freshFacility();
    await admitAll(facility, [
      { birthDate: '2012-01-01' },
      { birthDate: '2010-01-01' },
      { birthDate: '2011-01-01' },
    ]);
    const page = await admin.residents.list({
      facilityId: facility,
      sort: { field: 'birthDate', direction: 'asc' },
    });
    expect(page.items.map((i) => i.birthDate)).toEqual(['2010-01-01', '2011-01-01', '2012-01-01']);
  });

  it('pages are stable: every person exactly once, even with identical names', async () => {
    const facility = await freshFacility();
    const all: string[] = [];
    for (let i = 0; i < 23; i++) {
      const created = await admit(
        admin,
        facility,
        { fullName: 'Nguyễn Văn Nam', birthDate: '2011-11-11', homeCommuneCode: null },
        { confirmDuplicate: true },
      );
      all.push(created.id);
    }
    const pages: string[][] = [];
    for (let page = 1; page <= 5; page++) {
      const result = await admin.residents.list({ facilityId: facility, page, pageSize: 5 });
      expect(result.total).toBe(23);
      pages.push(result.items.map((i) => i.id));
    }
    expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5, 3]);
    expect(pages.flat().sort()).toEqual([...all].sort());
    const again = await admin.residents.list({ facilityId: facility, page: 3, pageSize: 5 });
    expect(again.items.map((i) => i.id)).toEqual(pages[2]);
  });

  it('refuses a page size over 100', async () => {
    await expectTRPCError(admin.residents.list({ pageSize: 101 }), 'BAD_REQUEST');
  });
});

describe('export', () => {
  it('exports exactly the filtered rows to Excel', async () => {
    const facility = await freshFacility();
    const [elderly1, elderly2] = await admitAll(facility, [
      { fullName: 'Lường Văn Ánh', group: 'k1_elderly', birthDate: '1944-01-01', birthDatePrecision: 'year' },
      { fullName: 'Hà Thị Bông', group: 'k1_elderly', birthDate: '1950-07-15', sex: 'female' },
      { fullName: 'Vũ Văn Chung', group: 'k5_voluntary', birthDate: '1952-02-02' },
    ]);
    const filter = { facilityId: facility, group: 'k1_elderly' as const };
    const listed = await admin.residents.list({ ...filter, pageSize: 100 });
    expect(listed.items.map((i) => i.id)).toEqual([elderly1, elderly2]);

    const file = await admin.residents.export(filter);
    expect(file.filename).toBe(`doi-tuong-${todayOf(h)}.xlsx`);
    const rows = await sheetRows(file.base64);
    const [header, ...body] = rows;
    expect(header).toEqual([
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Nhóm đối tượng',
      'Cơ sở',
      'Ngày tiếp nhận',
      'Ngày ra khỏi cơ sở',
      'Chế độ tháng này',
      'Số tiền tháng này (đồng)',
    ]);
    expect(body.map((r) => r[0])).toEqual(listed.items.map((i) => i.fullName));
    const [first, second] = body;
    expect(first?.slice(0, 5)).toEqual([
      'Lường Văn Ánh',
      '1944',
      'Nam',
      'Người cao tuổi (k1)',
      listed.items[0]?.facilityName,
    ]);
    expect(second?.[1]).toEqual(new Date('1950-07-15T00:00:00.000Z'));
    expect(second?.[2]).toBe('Nữ');
    expect(second?.[5]).toEqual(new Date('2025-08-01T00:00:00.000Z'));
    expect(second?.[7]).toBe('Đang hưởng');
    expect(second?.[8]).toBe(listed.items[1]?.monthlyAllowanceVnd);
  });

  it('exports discharged people under careStatus discharged, with their discharge date', async () => {
    const facility = await freshFacility();
    const [gone] = await admitAll(facility, [{ fullName: 'Đinh Văn Khải' }, {}]);
    await admin.residents.discharge({
      residentId: gone as string,
      dischargedOn: '2025-08-21',
      reason: 'aged_out',
    });
    const rows = await sheetRows(
      (await admin.residents.export({ facilityId: facility, careStatus: 'discharged' })).base64,
    );
    expect(rows.slice(1).map((r) => [r[0], r[6]])).toEqual([
      ['Đinh Văn Khải', new Date('2025-08-21T00:00:00.000Z')],
    ]);
  });

  it('exports every facility for the department', async () => {
    const rows = await sheetRows((await admin.residents.export({})).base64);
    const total = (await admin.residents.list({ pageSize: 1 })).total;
    expect(rows.length - 1).toBe(total);
    expect(ids['TN-BTXH']).toBeTruthy();
  });
});
