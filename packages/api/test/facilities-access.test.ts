import type { Facility, FacilityFormValues } from '@ansinh/schemas/facility';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Caller,
  type DemoUser,
  demoUsers,
  domainErrorOf,
  domainParamsOf,
  expectTRPCError,
  fieldErrorsOf,
  formOf,
  newFacility,
  readWorkbook,
  type TestSession,
  useApiHarness,
} from './harness.ts';

const h = useApiHarness();

const ALL_CODES = [
  'NCL-ANBINH',
  'NCL-ANHDUONG',
  'NCL-HOASEN',
  'NCL-HUONGDUONG',
  'TN-BTXH',
  'TN-CTXH-BK',
  'TN-TAMTHAN',
  'TN-TREEM',
];

/**
 * The facility each demo account belongs to. Department roles belong to none; they get a facility of their
 * own here so that their edits do not change the records the centre roles work on.
 */
const ownCode: Record<DemoUser, string> = {
  admin: 'TN-CTXH-BK',
  planner: 'TN-CTXH-BK',
  manager: 'TN-BTXH',
  staff: 'TN-BTXH',
  operator: 'NCL-HUONGDUONG',
};
const OTHER_CODE = 'TN-TREEM';

const sessions = {} as Record<DemoUser, TestSession>;
let reader: Caller;

beforeAll(async () => {
  for (const role of demoUsers) sessions[role] = await h.sessionFor(role);
  reader = await h.callerFor('planner');
});

const codesOf = (items: { code: string }[]) => items.map((f) => f.code).sort();

async function sheetRows(base64: string): Promise<(string | number | Date | null)[][]> {
  const workbook = await readWorkbook(base64);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  const rows: (string | number | Date | null)[][] = [];
  sheet.eachRow((row) => {
    const cells: (string | number | Date | null)[] = [];
    for (let c = 1; c <= sheet.columnCount; c += 1) {
      const value = row.getCell(c).value;
      cells.push(
        value === null || typeof value === 'string' || typeof value === 'number' || value instanceof Date
          ? value
          : String(value),
      );
    }
    rows.push(cells);
  });
  return rows;
}

describe('facility scope', () => {
  it.each([
    ['admin', ALL_CODES],
    ['planner', ALL_CODES],
    ['manager', ['TN-BTXH']],
    ['staff', ['TN-BTXH']],
    ['operator', ['NCL-HUONGDUONG']],
  ] as const)('%s lists exactly %j', async (role, expected) => {
    const page = await sessions[role].caller.facilities.list({ pageSize: 100 });
    expect(codesOf(page.items)).toEqual([...expected]);
    expect(page.total).toBe(expected.length);
  });

  it.each(['manager', 'staff', 'operator'] as const)(
    '%s cannot widen the scope with filters or search',
    async (role) => {
      const { caller } = sessions[role];
      expect((await caller.facilities.list({ search: 'Trung tâm Nuôi dưỡng' })).total).toBe(0);
      expect((await caller.facilities.list({ type: 'children' })).items).toEqual([]);
      expect((await caller.facilities.list({ provinceCode: '19', pageSize: 100 })).total).toBe(1);
    },
  );

  it.each([
    ['staff', ['TN-BTXH']],
    ['manager', ['TN-BTXH']],
    ['operator', ['NCL-HUONGDUONG']],
    ['planner', ALL_CODES],
  ] as const)('export for %s contains only %j', async (role, expected) => {
    const file = await sessions[role].caller.facilities.export({});
    expect(file.filename).toBe('co-so-tro-giup-xa-hoi-2025-09-01.xlsx');
    const rows = await sheetRows(file.base64);
    expect(rows[0]?.[0]).toBe('Mã cơ sở');
    const codes = rows.slice(1).map((r) => String(r[0]));
    expect(codes.sort()).toEqual([...expected]);
  });

  it('export rows carry the facility values', async () => {
    const rows = await sheetRows((await sessions.staff.caller.facilities.export({})).base64);
    expect(rows).toHaveLength(2);
    const [header, row] = rows;
    const value = (title: string) => row?.[header?.indexOf(title) ?? -1];
    expect(value('Tên cơ sở')).toBe('Trung tâm Bảo trợ và Công tác xã hội tỉnh Thái Nguyên');
    expect(value('Xã/phường')).toBe('Phường Tích Lương');
    expect(value('Tỉnh/thành phố')).toBe('Tỉnh Thái Nguyên');
    expect(value('Công suất (giường)')).toBe(150);
    expect(value('Ngày quyết định/giấy phép')).toEqual(new Date('2009-06-15T00:00:00Z'));
  });

  it.each(['manager', 'staff', 'operator'] as const)(
    '%s gets FORBIDDEN for another facility, and for an id that does not exist',
    async (role) => {
      const { caller } = sessions[role];
      await expectTRPCError(
        caller.facilities.byId({ id: await h.facilityId(OTHER_CODE) }),
        'FORBIDDEN',
        'FORBIDDEN',
      );
      // Same answer as for an existing facility, so the scope does not reveal what exists.
      await expectTRPCError(
        caller.facilities.byId({ id: '00000000-0000-4000-8000-000000000000' }),
        'FORBIDDEN',
        'FORBIDDEN',
      );
    },
  );
});

describe('operator registering a facility', () => {
  let created: Facility;

  it('is forced to planned (and non_public), and linked to the operator', async () => {
    created = await sessions.operator.caller.facilities.create(
      newFacility('NCL-BINHAN', {
        name: 'Cơ sở chăm sóc người cao tuổi Bình An',
        ownership: 'non_public',
        status: 'operating',
        communeCode: '05692',
        operatorOrganisation: 'Công ty TNHH Bình An',
      }),
    );
    expect(created).toMatchObject({ ownership: 'non_public', status: 'planned', code: 'NCL-BINHAN' });
    const [link] = await h.rows<{ n: number }>(
      sql`select count(*)::int as n from operator_facilities where facility_id = ${created.id} and user_id = ${sessions.operator.user?.id ?? null}`,
    );
    expect(link?.n).toBe(1);
  });

  it('asking for a public facility is turned into non_public, which then needs the founding organisation', async () => {
    // A public facility names no operator, so the forced non_public record lacks one: the form must add it.
    const error = await expectTRPCError(
      sessions.operator.caller.facilities.create(newFacility('NCL-CONG', { ownership: 'public' })),
      'BAD_REQUEST',
    );
    expect(fieldErrorsOf(error)).toHaveProperty('operatorOrganisation');
    expect(await h.rows(sql`select 1 from facilities where code = 'NCL-CONG'`)).toEqual([]);
  });

  it('appears in the operator’s scope on the next request, without signing in again', async () => {
    const token = sessions.operator.token;
    if (!token) throw new Error('no token');
    // The context of a request is fixed when the request starts; the next request re-reads the scope.
    const next = await h.resume(token);
    expect(next.user?.facilityIds).toContain(created.id);
    const page = await next.caller.facilities.list({ pageSize: 100 });
    expect(codesOf(page.items)).toEqual(['NCL-BINHAN', 'NCL-HUONGDUONG']);
    expect((await next.caller.facilities.byId({ id: created.id })).code).toBe('NCL-BINHAN');
    // ... and it stays invisible to the other centres.
    await expectTRPCError(sessions.staff.caller.facilities.byId({ id: created.id }), 'FORBIDDEN');
  });

  it('cannot give itself a licence number or date when registering', async () => {
    const outcome = await sessions.operator.caller.facilities
      .create(
        newFacility('NCL-TUCAP', {
          ownership: 'non_public',
          operatorOrganisation: 'Công ty TNHH Tự Cấp',
          decisionNumber: '99/GP-TỰCẤP',
          decisionDate: '2025-01-01',
        }),
      )
      .then(
        (f) => ({ decisionNumber: f.decisionNumber, decisionDate: f.decisionDate }),
        (error: unknown) => domainErrorOf(error)?.code ?? String(error),
      );
    // Either the licence fields are dropped or the request is refused; a self-issued licence is neither.
    expect([{ decisionNumber: null, decisionDate: null }, 'DEPARTMENT_ONLY_FIELD']).toContainEqual(outcome);
  });
});

describe('role matrix', () => {
  const procedures = [
    'list',
    'byId own',
    'byId other',
    'export',
    'create',
    'update own',
    'update other',
  ] as const;
  type Procedure = (typeof procedures)[number];
  type Outcome = 'allowed' | 'FORBIDDEN';

  const A = 'allowed';
  const F = 'FORBIDDEN';
  // biome-ignore format: the matrix reads best as a table
  const expected: Record<DemoUser, Record<Procedure, Outcome>> = {
    admin: { list: A, 'byId own': A, 'byId other': A, export: A, create: A, 'update own': A, 'update other': A },
    planner: { list: A, 'byId own': A, 'byId other': A, export: A, create: A, 'update own': A, 'update other': A },
    manager: { list: A, 'byId own': A, 'byId other': F, export: A, create: F, 'update own': A, 'update other': F },
    staff: { list: A, 'byId own': A, 'byId other': F, export: A, create: F, 'update own': A, 'update other': F },
    operator: { list: A, 'byId own': A, 'byId other': F, export: A, create: A, 'update own': A, 'update other': F },
  };

  let phoneCounter = 0;
  const nextPhone = () => {
    phoneCounter += 1;
    return `0208 ${String(3_000_000 + phoneCounter)}`;
  };

  async function update(caller: Caller, code: string): Promise<() => Promise<void>> {
    const id = await h.facilityId(code);
    const before = await reader.facilities.byId({ id });
    const phone = nextPhone();
    // The whole form, as the edit screen sends it; partial updates are covered in facilities.test.ts.
    return async () => {
      const after = await caller.facilities.update({ ...formOf(before), phone });
      expect(after.phone).toBe(phone);
      expect(after.version).toBe(before.version + 1);
    };
  }

  /** Prepares the call for one cell; the returned function performs it and checks a success. */
  async function prepare(role: DemoUser, procedure: Procedure): Promise<() => Promise<void>> {
    const { caller } = sessions[role];
    const own = await h.facilityId(ownCode[role]);
    const other = await h.facilityId(OTHER_CODE);
    switch (procedure) {
      case 'list':
        return async () => {
          expect((await caller.facilities.list({})).total).toBeGreaterThan(0);
        };
      case 'byId own':
        return async () => {
          expect((await caller.facilities.byId({ id: own })).id).toBe(own);
        };
      case 'byId other':
        return async () => {
          expect((await caller.facilities.byId({ id: other })).id).toBe(other);
        };
      case 'export':
        return async () => {
          expect((await caller.facilities.export({})).base64.length).toBeGreaterThan(100);
        };
      case 'create': {
        const code = `MX-${role.toUpperCase()}`;
        const input: FacilityFormValues =
          role === 'operator'
            ? newFacility(code, { ownership: 'non_public', operatorOrganisation: 'Công ty TNHH Thử' })
            : newFacility(code);
        return async () => {
          expect((await caller.facilities.create(input)).code).toBe(code);
        };
      }
      case 'update own':
        return update(caller, ownCode[role]);
      case 'update other':
        return update(caller, OTHER_CODE);
    }
  }

  const cells = demoUsers.flatMap((role) =>
    procedures.map((procedure) => [role, procedure, expected[role][procedure]] as const),
  );

  it.each(cells)('%s × %s → %s', async (role, procedure, outcome) => {
    const call = await prepare(role, procedure);
    if (outcome === 'allowed') {
      await call();
    } else {
      await expectTRPCError(call(), 'FORBIDDEN', 'FORBIDDEN');
    }
  });

  it('a refused update leaves the facility untouched', async () => {
    const id = await h.facilityId(OTHER_CODE);
    const before = await reader.facilities.byId({ id });
    await expectTRPCError(
      sessions.staff.caller.facilities.update({ id, version: before.version, phone: '0208 1111 111' }),
      'FORBIDDEN',
    );
    expect(await reader.facilities.byId({ id })).toEqual(before);
  });
});

describe('signed out', () => {
  const anyId = '00000000-0000-4000-8000-000000000000';
  it.each([
    ['list', (c: Caller) => c.facilities.list({})],
    ['byId', (c: Caller) => c.facilities.byId({ id: anyId })],
    ['export', (c: Caller) => c.facilities.export({})],
    ['create', (c: Caller) => c.facilities.create(newFacility('ANON-1'))],
    ['update', (c: Caller) => c.facilities.update({ id: anyId, version: 1, phone: '0208 1234 567' })],
  ] as const)('facilities.%s → UNAUTHORIZED NOT_SIGNED_IN', async (_name, call) => {
    await expectTRPCError(call(h.publicSession().caller), 'UNAUTHORIZED', 'NOT_SIGNED_IN');
  });
});

describe('department-only fields', () => {
  type Change = (f: Facility) => Partial<FacilityFormValues>;
  const changes: Record<
    'ownership' | 'status' | 'licensedCapacity' | 'decisionNumber' | 'decisionDate',
    Change
  > = {
    ownership: (f) =>
      f.ownership === 'public'
        ? { ownership: 'non_public', operatorOrganisation: 'Tổ chức tư nhân X' }
        : { ownership: 'public', operatorOrganisation: null },
    status: () => ({ status: 'suspended' }),
    licensedCapacity: (f) => ({ licensedCapacity: f.licensedCapacity + 10 }),
    decisionNumber: () => ({ decisionNumber: '999/QĐ-TỰCẤP' }),
    decisionDate: () => ({ decisionDate: '2024-01-01' }),
  };
  const fields = Object.keys(changes) as (keyof typeof changes)[];
  const centreRoles = ['manager', 'staff', 'operator'] as const;

  it.each(centreRoles.flatMap((role) => fields.map((field) => [role, field] as const)))(
    '%s changing %s → FORBIDDEN DEPARTMENT_ONLY_FIELD, nothing saved',
    async (role, field) => {
      const id = await h.facilityId(ownCode[role]);
      const before = await reader.facilities.byId({ id });
      const error = await expectTRPCError(
        sessions[role].caller.facilities.update({ id, version: before.version, ...changes[field](before) }),
        'FORBIDDEN',
        'DEPARTMENT_ONLY_FIELD',
      );
      expect(domainParamsOf(error)).toEqual({ field });
      expect(await reader.facilities.byId({ id })).toEqual(before);
    },
  );

  it('staff sending only a new ownership is refused as DEPARTMENT_ONLY_FIELD, not asked for an operator', async () => {
    const id = await h.facilityId('TN-BTXH');
    const before = await reader.facilities.byId({ id });
    await expectTRPCError(
      sessions.staff.caller.facilities.update({ id, version: before.version, ownership: 'non_public' }),
      'FORBIDDEN',
      'DEPARTMENT_ONLY_FIELD',
    );
  });

  it.each(centreRoles)('%s may send just a new phone number', async (role) => {
    const id = await h.facilityId(ownCode[role]);
    const before = await reader.facilities.byId({ id });
    const after = await sessions[role].caller.facilities.update({
      id,
      version: before.version,
      phone: '0912 000 111',
    });
    expect(after).toMatchObject({ phone: '0912 000 111', version: before.version + 1 });
  });

  it.each(centreRoles)('%s may save the whole form with unchanged department fields', async (role) => {
    const id = await h.facilityId(ownCode[role]);
    const before = await reader.facilities.byId({ id });
    const after = await sessions[role].caller.facilities.update({
      ...formOf(before),
      phone: '0912 222 333',
      address: 'Số 2, đường Cũ',
    });
    expect(after).toMatchObject({
      phone: '0912 222 333',
      address: 'Số 2, đường Cũ',
      version: before.version + 1,
    });
    expect(after.decisionDate).toBe(before.decisionDate);
  });

  it('planner may change every department-only field', async () => {
    const id = await h.facilityId('TN-TAMTHAN');
    const before = await reader.facilities.byId({ id });
    const change = {
      ownership: 'non_public',
      operatorOrganisation: 'Công ty Cổ phần Linh Sơn',
      status: 'suspended',
      licensedCapacity: 130,
      decisionNumber: '3000/QĐ-UBND',
      decisionDate: '2025-08-01',
    } as const;
    const after = await (await h.callerFor('planner')).facilities.update({
      id,
      version: before.version,
      ...change,
    });
    expect(after).toMatchObject({ ...change, version: before.version + 1 });
  });
});

describe('facilities.directory', () => {
  it('names every operating facility to any signed-in role, and nothing more about them', async () => {
    const staff = await h.callerFor('staff');
    const all = await staff.facilities.directory({});
    const operating = await h.rows<{ code: string }>(
      sql`select code from facilities where status = 'operating' order by name, id limit 20`,
    );
    // Other centres are named too, but only operating ones: a centre being established or closed is not
    // a place a resident can be sent.
    expect(all.map((f) => f.code)).toEqual(operating.map((f) => f.code));
    expect(all.map((f) => f.code)).toContain('NCL-ANBINH');
    expect(Object.keys(all[0] ?? {}).sort()).toEqual(['code', 'communeName', 'id', 'name', 'provinceName']);
    expect((await staff.facilities.directory({ search: 'an binh' })).map((f) => f.code)).toEqual([
      'NCL-ANBINH',
    ]);
  });

  it('is closed to people who are not signed in', async () => {
    const anonymous = await h.callerFor(null);
    await expectTRPCError(anonymous.facilities.directory({}), 'UNAUTHORIZED', 'NOT_SIGNED_IN');
  });
});
