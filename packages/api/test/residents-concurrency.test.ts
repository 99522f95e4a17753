/**
 * "A person may have only one open stay across the whole network. The database enforces this."
 * Raw inserts prove the constraints themselves; parallel API calls prove the services under a race.
 * On PGlite the calls are serialised by the engine; with TEST_DATABASE_URL they truly race on PostgreSQL.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, useApiHarness } from './harness.ts';
import {
  ALL_FACILITY_CODES,
  admit,
  BTXH,
  DB_KIND,
  facilityIds,
  HUONGDUONG,
  idNumberFor,
  importRow,
  importWorkbook,
  isConflict,
  openStaysOf,
  outcomeOf,
  PLAIN_HEADERS,
  TREEM,
  uniqueName,
  violationOf,
} from './residents-fixtures.ts';

const h = useApiHarness();

let admin: Caller;
let manager: Caller;
let ids: Record<string, string>;

beforeAll(async () => {
  admin = await h.callerFor('admin');
  manager = await h.callerFor('manager');
  ids = await facilityIds(h);
});

const fid = (code: string) => ids[code] as string;
const PARALLEL = 10;

/** A bare resident row, inserted without the API. */
async function rawResident(): Promise<string> {
  const [row] = await h.rows<{ id: string }>(
    sql`insert into residents (full_name, birth_date, sex, "group")
        values (${uniqueName()}, '1950-01-01', 'male', 'k1_elderly') returning id`,
  );
  if (!row) throw new Error('no resident');
  return row.id;
}

function insertStay(residentId: string, facilityId: string, admittedOn: string, dischargedOn: string | null) {
  return sql`insert into stays (resident_id, facility_id, admitted_on, discharged_on, discharge_reason)
    values (${residentId}, ${facilityId}, ${admittedOn}, ${dischargedOn}, ${dischargedOn ? 'other' : null})`;
}

function tally(results: PromiseSettledResult<unknown>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) {
    const key = outcomeOf(r);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** No two stays of the person overlap, checked independently of the constraint. */
async function overlappingPairs(residentId: string): Promise<number> {
  const [row] = await h.rows<{ n: number }>(
    sql`select count(*)::int as n from stays a join stays b
          on a.resident_id = b.resident_id and a.id < b.id
         and daterange(a.admitted_on, a.discharged_on, '[)') && daterange(b.admitted_on, b.discharged_on, '[)')
        where a.resident_id = ${residentId}`,
  );
  return row?.n ?? -1;
}

describe('the database enforces one open stay and no overlaps', () => {
  it('refuses a second open stay for the same person (stays_one_open_per_resident), in any facility', async () => {
    const residentId = await rawResident();
    await h.db.execute(insertStay(residentId, fid(BTXH), '2025-01-01', null));
    const violation = await violationOf(h, insertStay(residentId, fid(HUONGDUONG), '2026-01-01', null));
    expect(violation).toEqual({ sqlState: '23505', constraint: 'stays_one_open_per_resident' });
  });

  it('refuses to reopen a closed stay while another is open', async () => {
    const residentId = await rawResident();
    await h.db.execute(insertStay(residentId, fid(BTXH), '2024-01-01', '2024-06-01'));
    await h.db.execute(insertStay(residentId, fid(TREEM), '2025-01-01', null));
    const violation = await violationOf(
      h,
      sql`update stays set discharged_on = null, discharge_reason = null
          where resident_id = ${residentId} and admitted_on = '2024-01-01'`,
    );
    expect(violation.sqlState).toBe('23505');
    expect(violation.constraint).toBe('stays_one_open_per_resident');
  });

  it.each([
    ['closed stays that overlap', ['2025-01-01', '2025-03-01'], ['2025-02-01', '2025-04-01']],
    ['a closed stay inside another', ['2025-01-01', '2025-12-01'], ['2025-05-01', '2025-06-01']],
    ['an open stay starting inside a closed one', ['2025-01-01', '2025-03-01'], ['2025-02-15', null]],
    [
      'a closed stay starting before an open one and ending after its start',
      ['2025-05-01', null],
      ['2025-04-01', '2025-05-02'],
    ],
  ] as const)('refuses %s (stays_no_overlap), across facilities', async (_label, first, second) => {
    const residentId = await rawResident();
    await h.db.execute(insertStay(residentId, fid(BTXH), first[0], first[1]));
    const violation = await violationOf(h, insertStay(residentId, fid(TREEM), second[0], second[1]));
    expect(violation).toEqual({ sqlState: '23P01', constraint: 'stays_no_overlap' });
  });

  it('allows back-to-back stays: one ends on the day the next begins', async () => {
    const residentId = await rawResident();
    await h.db.execute(insertStay(residentId, fid(BTXH), '2025-01-01', '2025-03-01'));
    await h.db.execute(insertStay(residentId, fid(TREEM), '2025-03-01', '2025-04-01'));
    await h.db.execute(insertStay(residentId, fid(HUONGDUONG), '2025-04-01', null));
    expect(await openStaysOf(h, residentId)).toHaveLength(1);
  });

  it('lets other people overlap freely', async () => {
    const a = await rawResident();
    const b = await rawResident();
    await h.db.execute(insertStay(a, fid(BTXH), '2025-01-01', null));
    await h.db.execute(insertStay(b, fid(BTXH), '2025-01-01', null));
    expect(await openStaysOf(h, b)).toHaveLength(1);
  });

  it('keeps one open stay when raw inserts race', async () => {
    const residentId = await rawResident();
    const results = await Promise.allSettled(
      ALL_FACILITY_CODES.map((code) => h.db.execute(insertStay(residentId, fid(code), '2025-02-01', null))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await openStaysOf(h, residentId)).toHaveLength(1);
  });

  it('declares the exclusion constraint and the partial unique index the services rely on', async () => {
    const rows = await h.rows<{ conname: string; contype: string }>(
      sql`select conname, contype from pg_constraint where conrelid = 'stays'::regclass and conname = 'stays_no_overlap'`,
    );
    expect(rows).toEqual([{ conname: 'stays_no_overlap', contype: 'x' }]);
    const indexes = await h.rows<{ indexdef: string }>(
      sql`select indexdef from pg_indexes where indexname = 'stays_one_open_per_resident'`,
    );
    expect(indexes[0]?.indexdef).toMatch(/UNIQUE INDEX .* \(resident_id\) WHERE \(discharged_on IS NULL\)/);
  });
});

describe(`parallel API calls for one resident (${DB_KIND})`, () => {
  it(`${PARALLEL} parallel re-admissions of one discharged person into different facilities: exactly one wins`, async () => {
    const created = await admit(admin, fid(BTXH), {}, { admittedOn: '2025-01-10' });
    await admin.residents.discharge({ residentId: created.id, dischargedOn: '2025-03-01', reason: 'other' });

    const targets = Array.from({ length: PARALLEL }, (_, i) =>
      fid(ALL_FACILITY_CODES[i % ALL_FACILITY_CODES.length] as string),
    );
    const results = await Promise.allSettled(
      targets.map((facilityId, i) =>
        admin.residents.readmit({
          residentId: created.id,
          facilityId,
          admittedOn: `2025-08-${String(i + 10).padStart(2, '0')}`,
        }),
      ),
    );
    const outcomes = results.map(outcomeOf);
    expect(tally(results).ok).toBe(1);
    for (const o of outcomes.filter((x) => x !== 'ok')) {
      expect(isConflict(o, ['ALREADY_IN_CARE', 'STAY_OVERLAP']), o).toBe(true);
    }
    const open = await openStaysOf(h, created.id);
    expect(open).toHaveLength(1);
    const winner = results.findIndex((r) => r.status === 'fulfilled');
    expect(open[0]?.facility_id).toBe(targets[winner]);
    expect(await overlappingPairs(created.id)).toBe(0);
    const audits = await h.rows(
      sql`select id from audit_log where entity_id = ${created.id} and action = 'resident.readmit'`,
    );
    expect(audits).toHaveLength(1);
  });

  it('parallel re-admissions on the same day by different centres: exactly one wins', async () => {
    const created = await admit(admin, fid(TREEM), {}, { admittedOn: '2025-01-10' });
    await admin.residents.discharge({ residentId: created.id, dischargedOn: '2025-03-01', reason: 'other' });
    const operator = await h.callerFor('operator');
    const staff = await h.callerFor('staff');
    const calls = [
      manager.residents.readmit({ residentId: created.id, facilityId: fid(BTXH), admittedOn: '2025-08-01' }),
      staff.residents.readmit({ residentId: created.id, facilityId: fid(BTXH), admittedOn: '2025-08-01' }),
      operator.residents.readmit({
        residentId: created.id,
        facilityId: fid(HUONGDUONG),
        admittedOn: '2025-08-01',
      }),
      admin.residents.readmit({ residentId: created.id, facilityId: fid(TREEM), admittedOn: '2025-08-01' }),
      ...Array.from({ length: 6 }, () =>
        admin.residents.readmit({ residentId: created.id, facilityId: fid(TREEM), admittedOn: '2025-08-01' }),
      ),
    ];
    const results = await Promise.allSettled(calls);
    expect(tally(results).ok).toBe(1);
    for (const o of results.map(outcomeOf).filter((x) => x !== 'ok')) {
      expect(isConflict(o, ['ALREADY_IN_CARE', 'STAY_OVERLAP']), o).toBe(true);
    }
    expect(await openStaysOf(h, created.id)).toHaveLength(1);
  });

  it('parallel transfers, re-admissions and discharges never leave two open or overlapping stays', async () => {
    const created = await admit(admin, fid(BTXH), {}, { admittedOn: '2025-02-01' });
    const others = ALL_FACILITY_CODES.filter((c) => c !== BTXH).map(fid);
    const calls = [
      ...others.map((toFacilityId) =>
        admin.residents.transfer({ residentId: created.id, toFacilityId, transferredOn: '2025-08-01' }),
      ),
      ...others.map((facilityId) =>
        admin.residents.readmit({ residentId: created.id, facilityId, admittedOn: '2025-08-05' }),
      ),
      admin.residents.discharge({ residentId: created.id, dischargedOn: '2025-08-03', reason: 'other' }),
    ];
    const results = await Promise.allSettled(calls);
    const outcomes = results.map(outcomeOf);
    for (const o of outcomes.filter((x) => x !== 'ok')) {
      expect(
        isConflict(o, ['ALREADY_IN_CARE', 'STAY_OVERLAP']) ||
          o === 'PRECONDITION_FAILED/NOT_IN_CARE' ||
          o === 'PRECONDITION_FAILED/DATE_BEFORE_ADMISSION',
        o,
      ).toBe(true);
    }
    expect((await openStaysOf(h, created.id)).length).toBeLessThanOrEqual(1);
    expect(await overlappingPairs(created.id)).toBe(0);
    const [audits] = await h.rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where entity_id = ${created.id} and action <> 'resident.admit'`,
    );
    expect(audits?.n).toBe(outcomes.filter((o) => o === 'ok').length);
  });

  it(`${PARALLEL} parallel admissions with one ID number: exactly one person is created`, async () => {
    const idNumber = idNumberFor('2016-06-16', 'female');
    const results = await Promise.allSettled(
      Array.from({ length: PARALLEL }, (_, i) =>
        (i % 2 === 0 ? manager : admin).residents.create({
          resident: {
            fullName: uniqueName(),
            birthDate: '2016-06-16',
            sex: 'female',
            group: 'k1_child_no_support',
            idNumber,
          },
          admission: { facilityId: i % 2 === 0 ? fid(BTXH) : fid(TREEM), admittedOn: '2025-08-01' },
        }),
      ),
    );
    expect(tally(results).ok).toBe(1);
    for (const o of results.map(outcomeOf).filter((x) => x !== 'ok')) {
      expect(isConflict(o, ['ID_NUMBER_IN_CARE', 'ID_NUMBER_EXISTS']), o).toBe(true);
    }
    const holders = await h.rows(sql`select id from residents where id_number = ${idNumber}`);
    expect(holders).toHaveLength(1);
  });

  it('parallel edits of one version: one wins, the others are STALE_VERSION', async () => {
    const created = await admit(manager, fid(BTXH));
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        manager.residents.update({ id: created.id, version: created.version, notes: `bản ${i}` }),
      ),
    );
    expect(tally(results)).toEqual({ ok: 1, 'CONFLICT/STALE_VERSION': 5 });
    const after = await manager.residents.byId({ id: created.id });
    expect(after.version).toBe(created.version + 1);
  });

  it('committing one import batch twice in parallel imports it once', async () => {
    const names = Array.from({ length: 5 }, () => uniqueName('Sầm'));
    const file = await importWorkbook(
      PLAIN_HEADERS,
      names.map((n) => importRow({ 'Họ và tên': n })),
    );
    const { batchId } = await manager.residentImport.upload({ facilityId: fid(BTXH), fileBase64: file });
    await manager.residentImport.validate({ batchId, fromRow: 0, count: 500 });
    const results = await Promise.allSettled([
      manager.residentImport.commit({ batchId }),
      manager.residentImport.commit({ batchId }),
      manager.residentImport.commit({ batchId }),
    ]);
    const rows = await h.rows<{ full_name: string }>(
      sql`select full_name from residents where full_name in (${sql.join(
        names.map((n) => sql`${n}`),
        sql`, `,
      )})`,
    );
    expect(rows).toHaveLength(names.length);
    expect(tally(results)).toEqual({ ok: 1, 'NOT_FOUND/IMPORT_NOT_FOUND': 2 });
  });
});
