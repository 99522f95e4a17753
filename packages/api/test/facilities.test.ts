import type { Db } from '@ansinh/db/client';
import { foldDiacritics } from '@ansinh/domain/text';
import { type Facility, type FacilityFormValues, facilitySortFields } from '@ansinh/schemas/facility';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { type SQL, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.ts';
import { appRouter } from '../src/router.ts';
import {
  type Caller,
  domainParamsOf,
  expectTRPCError,
  fieldErrorsOf,
  formOf,
  newFacility,
  OWN_ORIGIN,
  readWorkbook,
  type TestSession,
  useApiHarness,
} from './harness.ts';

const h = useApiHarness();

let planner: Caller;
let plannerSession: TestSession;

beforeAll(async () => {
  plannerSession = await h.sessionFor('planner');
  planner = plannerSession.caller;
});

const codesOf = (items: { code: string }[]) => items.map((f) => f.code).sort();

async function allFacilities(): Promise<Facility[]> {
  const page = await planner.facilities.list({ pageSize: 100, sort: { field: 'code', direction: 'asc' } });
  expect(page.total).toBe(page.items.length);
  return page.items;
}

async function searchCodes(search: string): Promise<string[]> {
  return codesOf((await planner.facilities.list({ search, pageSize: 100 })).items);
}

describe('search (seed data only)', () => {
  it.each([
    ['trung tam bao tro', ['TN-BTXH']],
    ['TRUNG TÂM BẢO TRỢ', ['TN-BTXH']],
    ['DONG HY', ['NCL-HUONGDUONG']],
    ['đồng hỷ', ['NCL-HUONGDUONG']],
    ['  huong duong ', ['NCL-HUONGDUONG']],
    ['huong   duong', ['NCL-HUONGDUONG']],
    ['hoi tu thien', ['NCL-HUONGDUONG']],
    ['ncl-an', ['NCL-ANBINH', 'NCL-ANHDUONG']],
    ['thai nguyen', ['TN-BTXH', 'TN-TAMTHAN', 'TN-TREEM']],
    ['không có cơ sở này', []],
  ])('%j finds %j', async (search, expected) => {
    expect(await searchCodes(search)).toEqual(expected);
  });

  it('matches what the domain fold of code, name, address and operator says', async () => {
    const all = await allFacilities();
    for (const query of ['bao tro', 'Phường', 'xa', 'duong', 'TN']) {
      const needle = foldDiacritics(query);
      const expected = all
        .filter((f) =>
          foldDiacritics([f.code, f.name, f.address ?? '', f.operatorOrganisation ?? ''].join(' ')).includes(
            needle,
          ),
        )
        .map((f) => f.code)
        .sort();
      expect(await searchCodes(query), query).toEqual(expected);
    }
  });

  it('accepts a query typed in decomposed Unicode (NFD)', async () => {
    expect(await searchCodes('Trung tâm Bảo trợ'.normalize('NFD'))).toEqual(['TN-BTXH']);
    expect(await searchCodes('Đồng Hỷ'.normalize('NFD'))).toEqual(['NCL-HUONGDUONG']);
  });
});

describe('create', () => {
  it('returns the full record with commune and province names', async () => {
    const input: FacilityFormValues = {
      code: ' ncl-binhminh ',
      name: 'Cơ sở chăm sóc người cao tuổi Bình Minh',
      type: 'elderly',
      ownership: 'non_public',
      communeCode: '05692',
      address: 'Xóm Đông, xã Đồng Hỷ',
      phone: ' 0912 111 222 ',
      licensedCapacity: 45,
      landAreaM2: 1234.5,
      bedroomAreaM2: 210.25,
      status: 'operating',
      decisionNumber: '40/GP-SYT',
      decisionDate: '2025-07-01',
      operatorOrganisation: 'Công ty TNHH Bình Minh',
      careCostVnd: 4_500_000,
    };
    const created = await planner.facilities.create(input);
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      code: 'NCL-BINHMINH',
      name: 'Cơ sở chăm sóc người cao tuổi Bình Minh',
      type: 'elderly',
      ownership: 'non_public',
      communeCode: '05692',
      communeName: 'Xã Đồng Hỷ',
      provinceCode: '19',
      provinceName: 'Tỉnh Thái Nguyên',
      address: 'Xóm Đông, xã Đồng Hỷ',
      phone: '0912 111 222',
      licensedCapacity: 45,
      landAreaM2: 1234.5,
      bedroomAreaM2: 210.25,
      status: 'operating',
      decisionNumber: '40/GP-SYT',
      decisionDate: '2025-07-01',
      operatorOrganisation: 'Công ty TNHH Bình Minh',
      careCostVnd: 4_500_000,
      version: 1,
      createdAt: expect.any(Date),
      updatedAt: expect.any(Date),
    });
    expect(await planner.facilities.byId({ id: created.id })).toEqual(created);
  });

  it('stores Vietnamese text given in NFD as NFC, with whitespace collapsed', async () => {
    const name = 'Trung tâm Bảo trợ xã hội Đồng Hỷ';
    const created = await planner.facilities.create(
      newFacility('NFD-1', {
        name: `  ${name.normalize('NFD')}  `,
        address: 'Tổ 1,   phường   Tích Lương'.normalize('NFD'),
        decisionNumber: '12/QĐ-UBND'.normalize('NFD'),
      }),
    );
    expect(name.normalize('NFD')).not.toBe(name);
    expect(created.name).toBe(name);
    expect(created.address).toBe('Tổ 1, phường Tích Lương');
    expect(created.decisionNumber).toBe('12/QĐ-UBND');

    const [row] = await h.rows<{ name: string; nfc: boolean; bytes: number }>(
      sql`select name, name is nfc normalized as nfc, octet_length(name) as bytes from facilities where id = ${created.id}`,
    );
    expect(row).toEqual({ name, nfc: true, bytes: Buffer.byteLength(name, 'utf8') });
    expect(await searchCodes('trung tam bao tro xa hoi dong hy')).toEqual(['NFD-1']);
  });

  it.each<[string, Partial<FacilityFormValues>, string]>([
    ['a code with a space', { code: 'AB CD' }, 'code'],
    ['a one-character code', { code: 'A' }, 'code'],
    ['a code starting with a dash', { code: '-AB' }, 'code'],
    ['a name too short', { name: 'ab' }, 'name'],
    ['a name of spaces only', { name: '     ' }, 'name'],
    ['a negative capacity', { licensedCapacity: -1 }, 'licensedCapacity'],
    ['a fractional capacity', { licensedCapacity: 10.5 }, 'licensedCapacity'],
    ['a negative land area', { landAreaM2: -5 }, 'landAreaM2'],
    ['communeCode "123"', { communeCode: '123' }, 'communeCode'],
    ['a phone with letters', { phone: 'call me' }, 'phone'],
    ['an impossible decision date', { decisionDate: '2025-02-30' }, 'decisionDate'],
    ['non_public without operatorOrganisation', { ownership: 'non_public' }, 'operatorOrganisation'],
    [
      'non_public with a blank operatorOrganisation',
      { ownership: 'non_public', operatorOrganisation: '   ' },
      'operatorOrganisation',
    ],
    ['public with operatorOrganisation', { operatorOrganisation: 'Công ty X' }, 'operatorOrganisation'],
  ])('refuses %s → BAD_REQUEST fieldErrors.%s', async (_case, overrides, field) => {
    const code = typeof overrides.code === 'string' ? overrides.code : 'VAL-1';
    const error = await expectTRPCError(
      planner.facilities.create(newFacility(code, overrides)),
      'BAD_REQUEST',
    );
    const fieldErrors = fieldErrorsOf(error);
    expect(Object.keys(fieldErrors)).toEqual([field]);
    expect(await h.rows(sql`select 1 from facilities where code = ${'VAL-1'}`)).toEqual([]);
  });

  it.each(['TN-BTXH', 'tn-btxh', ' TN-BTXH '])(
    'refuses the taken code %j → CONFLICT FACILITY_CODE_TAKEN',
    async (code) => {
      const error = await expectTRPCError(
        planner.facilities.create(newFacility(code)),
        'CONFLICT',
        'FACILITY_CODE_TAKEN',
      );
      expect(domainParamsOf(error)).toEqual({ field: 'code' });
    },
  );

  it('refuses an unknown commune → NOT_FOUND COMMUNE_NOT_FOUND, and writes nothing', async () => {
    const error = await expectTRPCError(
      planner.facilities.create(newFacility('NOCOMMUNE', { communeCode: '99999' })),
      'NOT_FOUND',
      'COMMUNE_NOT_FOUND',
    );
    expect(domainParamsOf(error)).toEqual({ field: 'communeCode' });
    expect(await h.rows(sql`select 1 from facilities where code = 'NOCOMMUNE'`)).toEqual([]);
    expect(await h.rows(sql`select 1 from audit_log where after->>'code' = 'NOCOMMUNE'`)).toEqual([]);
  });
});

describe('search with LIKE wildcards', () => {
  beforeAll(async () => {
    for (const [code, name] of [
      ['LIT-PCT', 'Nhà dưỡng lão 100% tình thương'],
      ['LIT-US', 'Cơ sở thử a_b'],
      ['LIT-X', 'Cơ sở thử axb'],
      ['LIT-BS', 'Cơ sở thử dấu \\ ngược'],
    ] as const) {
      await planner.facilities.create(newFacility(code, { name }));
    }
  });

  it.each([
    ['%', ['LIT-PCT']],
    ['100%', ['LIT-PCT']],
    ['0%', ['LIT-PCT']],
    ['_', ['LIT-US']],
    ['a_b', ['LIT-US']],
    ['a%b', []],
    ['\\', ['LIT-BS']],
  ])('%j is literal and finds %j', async (search, expected) => {
    expect(await searchCodes(search)).toEqual(expected);
  });
});

describe('filters', () => {
  beforeAll(async () => {
    // One facility outside the home province, so the province filter has something to exclude.
    await planner.facilities.create(
      newFacility('HN-BADINH', { name: 'Trung tâm thử Ba Đình', communeCode: '00004', type: 'children' }),
    );
  });

  it.each<[string, Record<string, string>, (f: Facility) => boolean]>([
    ['type', { type: 'children' }, (f) => f.type === 'children'],
    ['ownership', { ownership: 'non_public' }, (f) => f.ownership === 'non_public'],
    ['status', { status: 'planned' }, (f) => f.status === 'planned'],
    ['communeCode', { communeCode: '05692' }, (f) => f.communeCode === '05692'],
    ['provinceCode 19', { provinceCode: '19' }, (f) => f.provinceCode === '19'],
    ['provinceCode 01', { provinceCode: '01' }, (f) => f.provinceCode === '01'],
    [
      'type + ownership',
      { type: 'children', ownership: 'public' },
      (f) => f.type === 'children' && f.ownership === 'public',
    ],
  ])('by %s', async (_name, filter, matches) => {
    const all = await allFacilities();
    const expected = all.filter(matches).map((f) => f.code);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    const page = await planner.facilities.list({ ...filter, pageSize: 100 });
    expect(codesOf(page.items)).toEqual(expected.sort());
    expect(page.total).toBe(expected.length);
  });

  it('export applies the same filter', async () => {
    const file = await planner.facilities.export({ type: 'children', provinceCode: '01' });
    const workbook = await readWorkbook(file.base64);
    const sheet = workbook.worksheets[0];
    expect(sheet?.rowCount).toBe(2);
    expect(sheet?.getRow(2).getCell(1).value).toBe('HN-BADINH');
  });
});

describe('sorting and paging', () => {
  const orderColumn: Record<(typeof facilitySortFields)[number], SQL> = {
    code: sql`f.code`,
    name: sql`f.name`,
    type: sql`f.type`,
    status: sql`f.status`,
    licensedCapacity: sql`f.licensed_capacity`,
    communeName: sql`c.name`,
    updatedAt: sql`f.updated_at`,
  };

  it.each(
    facilitySortFields.flatMap((field) =>
      (['asc', 'desc'] as const).map((direction) => [field, direction] as const),
    ),
  )('sorts by %s %s, ties by id', async (field, direction) => {
    const page = await planner.facilities.list({ sort: { field, direction }, pageSize: 100 });
    const expected = await h.rows<{ id: string }>(
      sql`select f.id from facilities f join communes c on c.code = f.commune_code
          order by ${orderColumn[field]} ${sql.raw(direction)}, f.id asc`,
    );
    expect(page.items.map((f) => f.id)).toEqual(expected.map((r) => r.id));
  });

  it.each(['asc', 'desc'] as const)('licensedCapacity %s is numerically ordered', async (direction) => {
    const page = await planner.facilities.list({
      sort: { field: 'licensedCapacity', direction },
      pageSize: 100,
    });
    const values = page.items.map((f) => f.licensedCapacity);
    const sorted = [...values].sort((a, b) => (direction === 'asc' ? a - b : b - a));
    expect(values).toEqual(sorted);
    expect(new Set(values).size).toBeGreaterThan(3);
  });

  it('defaults to name ascending', async () => {
    const byDefault = await planner.facilities.list({ pageSize: 100 });
    const byName = await planner.facilities.list({
      pageSize: 100,
      sort: { field: 'name', direction: 'asc' },
    });
    expect(byDefault.items.map((f) => f.id)).toEqual(byName.items.map((f) => f.id));
  });

  it.each(['status', 'type', 'updatedAt'] as const)(
    'pages of 3 sorted by %s neither repeat nor skip rows',
    async (field) => {
      const sort = { field, direction: 'asc' } as const;
      const full = await planner.facilities.list({ sort, pageSize: 100 });
      const seen: string[] = [];
      for (let page = 1; page <= Math.ceil(full.total / 3) + 1; page += 1) {
        const result = await planner.facilities.list({ sort, page, pageSize: 3 });
        expect(result.total).toBe(full.total);
        seen.push(...result.items.map((f) => f.id));
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(full.items.map((f) => f.id));
    },
  );

  it.each([
    ['pageSize 101', { pageSize: 101 }],
    ['pageSize 0', { pageSize: 0 }],
    ['page 0', { page: 0 }],
    ['a fractional page', { page: 1.5 }],
    ['a 101-character search', { search: 'x'.repeat(101) }],
    ['provinceCode "1"', { provinceCode: '1' }],
  ])('refuses %s → BAD_REQUEST', async (_case, input) => {
    await expectTRPCError(planner.facilities.list(input), 'BAD_REQUEST');
  });
});

describe('update', () => {
  async function fresh(code: string): Promise<Facility> {
    return planner.facilities.byId({ id: await h.facilityId(code) });
  }

  it('increments the version and moves updatedAt', async () => {
    const before = await fresh('TN-TREEM');
    const after = await planner.facilities.update({
      id: before.id,
      version: before.version,
      name: 'Trung tâm Nuôi dưỡng trẻ em tỉnh Thái Nguyên',
    });
    expect(after.version).toBe(before.version + 1);
    expect(after.name).toBe('Trung tâm Nuôi dưỡng trẻ em tỉnh Thái Nguyên');
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    expect(after.createdAt).toEqual(before.createdAt);
  });

  it('changes only the fields sent', async () => {
    const before = await fresh('TN-BTXH');
    const after = await planner.facilities.update({
      id: before.id,
      version: before.version,
      phone: '0208 3846 999',
    });
    expect(after).toEqual({
      ...before,
      phone: '0208 3846 999',
      version: before.version + 1,
      updatedAt: after.updatedAt,
    });
  });

  it('clears an optional field sent empty', async () => {
    const before = await fresh('TN-CTXH-BK');
    const after = await planner.facilities.update({ id: before.id, version: before.version, address: '' });
    expect(after.address).toBeNull();
  });

  it('two editors: the second save with the old version → CONFLICT STALE_VERSION, first change kept', async () => {
    const loadedByA = await fresh('TN-TAMTHAN');
    const loadedByB = await fresh('TN-TAMTHAN');
    const savedByA = await planner.facilities.update({
      ...formOf(loadedByA),
      name: 'Trung tâm Chăm sóc người tâm thần Thái Nguyên',
    });
    expect(savedByA.version).toBe(loadedByA.version + 1);

    const editorB = await h.callerFor('admin');
    const error = await expectTRPCError(
      editorB.facilities.update({ ...formOf(loadedByB), phone: '0208 0000 000' }),
      'CONFLICT',
      'STALE_VERSION',
    );
    expect(domainParamsOf(error)).toEqual({ currentVersion: savedByA.version });
    expect(await fresh('TN-TAMTHAN')).toEqual(savedByA);
  });

  it('re-validates the merged record → BAD_REQUEST with the field, nothing saved', async () => {
    const before = await fresh('TN-TREEM');
    const error = await expectTRPCError(
      planner.facilities.update({ id: before.id, version: before.version, ownership: 'non_public' }),
      'BAD_REQUEST',
    );
    expect(fieldErrorsOf(error)).toHaveProperty('operatorOrganisation');
    expect(await fresh('TN-TREEM')).toEqual(before);
  });

  it('refuses a code taken by another facility → CONFLICT FACILITY_CODE_TAKEN', async () => {
    const before = await fresh('TN-TREEM');
    await expectTRPCError(
      planner.facilities.update({ id: before.id, version: before.version, code: 'TN-BTXH' }),
      'CONFLICT',
      'FACILITY_CODE_TAKEN',
    );
    expect(await fresh('TN-TREEM')).toEqual(before);
  });

  it.each([
    ['byId', (c: Caller, id: string) => c.facilities.byId({ id })],
    ['update', (c: Caller, id: string) => c.facilities.update({ id, version: 1, phone: '0208 1234 567' })],
  ] as const)('%s of an unknown id → NOT_FOUND FACILITY_NOT_FOUND (as planner)', async (_name, call) => {
    await expectTRPCError(
      call(planner, '00000000-0000-4000-8000-000000000001'),
      'NOT_FOUND',
      'FACILITY_NOT_FOUND',
    );
  });

  it('byId with a malformed id → BAD_REQUEST', async () => {
    await expectTRPCError(planner.facilities.byId({ id: 'not-a-uuid' }), 'BAD_REQUEST');
  });
});

describe('errors as clients receive them (HTTP, errorFormatter)', () => {
  interface ErrorBody {
    error: { json: { message: string; code: number; data: Record<string, unknown> } };
  }

  async function http(ctx: Context, path: string, input: unknown, method: 'GET' | 'POST') {
    const body = JSON.stringify({ json: input });
    const url = `${OWN_ORIGIN}/trpc/${path}${method === 'GET' ? `?input=${encodeURIComponent(body)}` : ''}`;
    const response = await fetchRequestHandler({
      endpoint: '/trpc',
      router: appRouter,
      req: new Request(url, {
        method,
        headers: { 'content-type': 'application/json', origin: OWN_ORIGIN },
        ...(method === 'POST' ? { body } : {}),
      }),
      createContext: () => ctx,
    });
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text) as ErrorBody };
  }

  it('a domain error carries domainCode, params and the request id, and no stack', async () => {
    const ctx = plannerSession.ctx;
    const { status, text, body } = await http(
      ctx,
      'facilities.byId',
      { id: '00000000-0000-4000-8000-000000000002' },
      'GET',
    );
    expect(status).toBe(404);
    expect(body.error.json.data).toMatchObject({
      code: 'NOT_FOUND',
      domainCode: 'FACILITY_NOT_FOUND',
      domainParams: {},
      zodError: null,
      requestId: ctx.meta.requestId,
    });
    expect(text).not.toMatch(/stack|\.ts:\d+/);
  });

  it('an input error carries the flattened zod error', async () => {
    const { status, text, body } = await http(
      plannerSession.ctx,
      'facilities.create',
      newFacility('HTTP-1', { name: 'ab', licensedCapacity: -3 }),
      'POST',
    );
    expect(status).toBe(400);
    expect(body.error.json.message).toBe('Invalid input');
    expect(body.error.json.data).toMatchObject({
      domainCode: null,
      zodError: { fieldErrors: { name: [expect.any(String)], licensedCapacity: [expect.any(String)] } },
    });
    expect(text).not.toMatch(/stack/);
  });

  it('an unexpected failure shows a generic message and the request id, never its text or stack', async () => {
    const broken = new Proxy(h.db, {
      get() {
        throw new Error('relation "secret_table" does not exist at /srv/ansinh/db.ts:12');
      },
    }) satisfies Db;
    const ctx: Context = { ...h.publicSession().ctx, db: broken };
    const { status, text, body } = await http(ctx, 'meta.config', undefined, 'GET');
    expect(status).toBe(500);
    expect(body.error.json.message).toBe('Internal server error');
    expect(body.error.json.data).toMatchObject({
      code: 'INTERNAL_SERVER_ERROR',
      requestId: ctx.meta.requestId,
    });
    expect(text).not.toMatch(/secret_table|srv|stack/);
  });
});
