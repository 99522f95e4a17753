import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/client.ts';
import { DEMO_PASSWORD, demoUsernames, seedDemo } from '../src/seed/demo.ts';
import { seedScale } from '../src/seed/scale.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';

/**
 * The db package must not depend on the api package (dependencies point one way), so the demo seed
 * gets a stand-in hash function; real argon2 hashing is exercised by the api and server tests.
 */
const hashCalls: string[] = [];
const fakeHash = async (password: string) => {
  hashCalls.push(password);
  return `hashed:${password}`;
};

/** The demo data lives in `main`; the scale comparison needs a second database that nobody else touched. */
let main: TestDatabase;
let other: TestDatabase;

beforeAll(async () => {
  [main, other] = await Promise.all([createTestDatabase(), createTestDatabase()]);
});
afterAll(async () => {
  await Promise.all([main?.destroy(), other?.destroy()]);
});

async function rows<T extends Record<string, unknown>>(db: Db, query: ReturnType<typeof sql>) {
  return (await db.execute<T>(query)).rows;
}

const SCALE_COUNT = 450;
const SCALE_SEED = 7;

async function scaleRows(db: Db) {
  return rows(
    db,
    sql`select code, name, type, ownership, commune_code, licensed_capacity, status, operator_organisation
        from facilities where code like 'SCALE-%' order by code`,
  );
}

describe('seedDemo', () => {
  it('seeds an empty database once: true, then false without duplicating anything', async () => {
    expect(await seedDemo(main.db, fakeHash)).toBe(true);
    const counts = async () =>
      rows<{ facilities: number; users: number; links: number }>(
        main.db,
        sql`select (select count(*)::int from facilities) as facilities,
                   (select count(*)::int from users) as users,
                   (select count(*)::int from operator_facilities) as links`,
      );
    const first = await counts();
    expect(first).toEqual([{ facilities: 8, users: 5, links: 1 }]);

    expect(await seedDemo(main.db, fakeHash)).toBe(false);
    expect(await counts()).toEqual(first);
  });

  it('hashes the shared demo password once and stores only the hash', async () => {
    expect(hashCalls).toEqual([DEMO_PASSWORD]);
    const hashes = await rows<{ password_hash: string }>(
      main.db,
      sql`select distinct password_hash from users`,
    );
    expect(hashes).toEqual([{ password_hash: `hashed:${DEMO_PASSWORD}` }]);
  });

  it('creates one account per role with the right facility scope', async () => {
    const users = await rows<{ username: string; role: string; facility: string | null; active: boolean }>(
      main.db,
      sql`select u.username, u.role, f.code as facility, u.is_active as active
          from users u left join facilities f on f.id = u.facility_id order by u.username`,
    );
    expect(users).toEqual([
      { username: 'admin', role: 'admin', facility: null, active: true },
      { username: 'manager', role: 'facility_manager', facility: 'TN-BTXH', active: true },
      { username: 'operator', role: 'operator', facility: null, active: true },
      { username: 'planner', role: 'planner', facility: null, active: true },
      { username: 'staff', role: 'facility_staff', facility: 'TN-BTXH', active: true },
    ]);
    expect([...demoUsernames].sort()).toEqual(users.map((u) => u.username));
  });

  it('links the operator to NCL-HUONGDUONG through operator_facilities', async () => {
    const links = await rows<{ username: string; code: string; ownership: string }>(
      main.db,
      sql`select u.username, f.code, f.ownership from operator_facilities o
          join users u on u.id = o.user_id join facilities f on f.id = o.facility_id`,
    );
    expect(links).toEqual([{ username: 'operator', code: 'NCL-HUONGDUONG', ownership: 'non_public' }]);
  });

  it('places every facility in a real Thái Nguyên commune: 4 public, 4 non-public', async () => {
    const facilities = await rows<{ code: string; ownership: string; province: string | null }>(
      main.db,
      sql`select f.code, f.ownership, c.province_code as province
          from facilities f left join communes c on c.code = f.commune_code order by f.code`,
    );
    expect(facilities).toHaveLength(8);
    expect(facilities.filter((f) => f.province !== '19')).toEqual([]);
    expect(facilities.filter((f) => f.ownership === 'public')).toHaveLength(4);
    expect(facilities.filter((f) => f.ownership === 'non_public')).toHaveLength(4);
  });

  it('makes the demo facilities findable without diacritics', async () => {
    const found = await rows<{ code: string }>(
      main.db,
      sql`select code from facilities where search_text like '%' || search_fold('huong duong') || '%' order by code`,
    );
    expect(found).toEqual([{ code: 'NCL-HUONGDUONG' }]);
  });
});

describe('seedScale', () => {
  it('is deterministic: the same seed gives identical rows in two fresh databases', async () => {
    expect(await seedScale(other.db, { facilities: SCALE_COUNT, seed: SCALE_SEED })).toEqual({
      facilities: SCALE_COUNT,
      residents: 0,
    });
    // `main` already holds the demo data, which scale seeding must leave alone.
    expect(await seedScale(main.db, { facilities: SCALE_COUNT, seed: SCALE_SEED })).toEqual({
      facilities: SCALE_COUNT,
      residents: 0,
    });
    const a = await scaleRows(main.db);
    const b = await scaleRows(other.db);
    expect(a).toHaveLength(SCALE_COUNT);
    expect(a[0]?.code).toBe('SCALE-00001');
    expect(a.at(-1)?.code).toBe('SCALE-00450');
    expect(b).toEqual(a);
  });

  it('leaves the demo data untouched', async () => {
    const demo = await rows<{ n: number }>(
      main.db,
      sql`select count(*)::int as n from facilities where code not like 'SCALE-%'`,
    );
    expect(demo).toEqual([{ n: 8 }]);
  });

  it('does not add rows when re-run: the same codes are replaced in place', async () => {
    const before = await scaleRows(other.db);
    await seedScale(other.db, { facilities: SCALE_COUNT, seed: SCALE_SEED });
    const after = await scaleRows(other.db);
    expect(after).toHaveLength(SCALE_COUNT);
    expect(after).toEqual(before);
  });

  it('spreads facilities over many provinces and keeps every row valid', async () => {
    const spread = await rows<{ provinces: number; public: number; non_public: number }>(
      other.db,
      sql`select count(distinct c.province_code)::int as provinces,
                 count(*) filter (where f.ownership = 'public')::int as public,
                 count(*) filter (where f.ownership = 'non_public')::int as non_public
          from facilities f join communes c on c.code = f.commune_code where f.code like 'SCALE-%'`,
    );
    expect(spread[0]?.provinces).toBeGreaterThanOrEqual(30);
    expect(spread[0]?.public).toBeGreaterThan(0);
    expect(spread[0]?.non_public).toBeGreaterThan(0);
    expect((spread[0]?.public ?? 0) + (spread[0]?.non_public ?? 0)).toBe(SCALE_COUNT);
  });

  it('gives a different network for a different seed, still without adding rows', async () => {
    const before = await scaleRows(other.db);
    await seedScale(other.db, { facilities: SCALE_COUNT, seed: SCALE_SEED + 1 });
    const after = await scaleRows(other.db);
    expect(after).toHaveLength(SCALE_COUNT);
    expect(after).not.toEqual(before);
  });

  it('adds residents with valid stay histories, the same ones for the same seed, and none on a re-run', async () => {
    const options = { facilities: SCALE_COUNT, residents: 300, seed: SCALE_SEED, today: '2026-06-30' };
    await seedScale(other.db, options);
    await seedScale(main.db, options);
    const people = (db: typeof main.db) =>
      rows<{ id: string; full_name: string; birth_date: string; stays: number }>(
        db,
        sql`select r.id, r.full_name, r.birth_date::text, count(s.id)::int as stays
            from residents r join stays s on s.resident_id = r.id group by r.id order by r.id`,
      );
    const a = await people(main.db);
    expect(a).toHaveLength(300);
    expect(await people(other.db)).toEqual(a);
    await seedScale(other.db, options);
    expect(await people(other.db)).toEqual(a);
    const open = await rows<{ n: number }>(
      other.db,
      sql`select count(*)::int as n from stays where discharged_on is null`,
    );
    expect(open[0]?.n).toBeGreaterThan(200);
  });
});
