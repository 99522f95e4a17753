/**
 * The waitlist at province scale: 10,000 open applications. The first page in the configured order
 * ranks every one of them exactly as the domain does, and the metrics and a centre's scoped list add up.
 * Response times are measured by apps/api/bench/capacity.ts, not here.
 */
import { defaultWaitlistPriority, orderWaitlist } from '@ansinh/domain/capacity/waitlist';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, useApiHarness } from './harness.ts';
import { DB_KIND } from './residents-fixtures.ts';

const h = useApiHarness();
const COUNT = 10_000;

let planner: Caller;
let manager: Caller;

/** Synthetic applications spread over the demo facilities, the province's communes, urgencies and dates. */
async function insertApplications(count: number): Promise<void> {
  await h.db.execute(sql`
    with f as (select array_agg(id order by code) as ids from facilities),
         c as (select array_agg(code order by code) as codes from communes where province_code = '19')
    insert into waitlist_applications (full_name, birth_date, sex, home_commune_code, "group", urgency,
      vulnerability, requested_facility_id, requested_facility_type, applied_on)
    select 'Người chờ số ' || g,
      case when g % 9 = 0 then null else date '1930-01-01' + (g * 37 % 30000) end,
      case when g % 2 = 0 then 'male' else 'female' end,
      c.codes[1 + g % array_length(c.codes, 1)],
      (array['k1_elderly', 'k1_disability', 'k1_child_no_support', 'k2_emergency'])[1 + g % 4],
      (array['emergency', 'high', 'normal', 'normal', 'normal', 'normal'])[1 + g % 6],
      jsonb_strip_nulls(jsonb_build_object(
        'lonelyElderly', case when g % 3 = 0 then true end,
        'orphanOrAbandoned', case when g % 11 = 0 then true end,
        'disabilityLevel', (array['especially_severe', 'severe', 'mild', null, null])[1 + g % 5])),
      case when g % 2 = 0 then f.ids[1 + g % array_length(f.ids, 1)] end,
      case when g % 2 = 1 then (array['elderly', 'children', 'disability', 'general', 'mental_health'])[1 + g % 5] end,
      date '2025-09-01' - (g * 13 % 1500)
    from generate_series(1, ${count}) g, f, c`);
  await h.db.execute(sql`analyze waitlist_applications`);
}

beforeAll(async () => {
  planner = await h.callerFor('planner');
  manager = await h.callerFor('manager');
  await insertApplications(COUNT);
}, 120_000);

describe(`${COUNT} open applications (${DB_KIND})`, () => {
  it('lists the first page in the configured order, ranked like the domain does', async () => {
    const result = await planner.waitlist.list({});
    expect(result.total).toBe(COUNT);
    expect(result.items.map((i) => i.rank)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));

    // The same order, computed independently from the stored rows.
    const rows = await h.rows<{
      id: string;
      applied_on: string;
      urgency: 'emergency' | 'high' | 'normal';
      birth_date: string | null;
      vulnerability: Record<string, unknown>;
    }>(sql`select id, applied_on::text as applied_on, urgency, birth_date::text as birth_date, vulnerability
           from waitlist_applications where status in ('waiting', 'offered')`);
    const expected = orderWaitlist(
      rows.map((r) => ({
        id: r.id,
        appliedOn: r.applied_on,
        urgency: r.urgency,
        birthDate: r.birth_date,
        flags: {
          disabilityLevel: (r.vulnerability.disabilityLevel as 'severe' | undefined) ?? null,
          lonelyElderly: r.vulnerability.lonelyElderly === true,
          orphanOrAbandoned: r.vulnerability.orphanOrAbandoned === true,
        },
      })),
      defaultWaitlistPriority,
      '2025-09-01',
    );
    expect(result.items.map((i) => i.id)).toEqual(expected.slice(0, 20).map((e) => e.applicationId));
    const page3 = await planner.waitlist.list({ page: 3, pageSize: 50 });
    expect(page3.items.map((i) => i.id)).toEqual(expected.slice(100, 150).map((e) => e.applicationId));
  });

  it('counts every open application in the metrics', async () => {
    const result = await planner.waitlist.metrics();
    expect(result.waiting).toBe(COUNT);
    expect(result.byFacilityType.reduce((n, t) => n + t.count, 0)).toBe(COUNT);
    expect(result.byCommune.reduce((n, c) => n + c.count, 0)).toBe(COUNT);
    expect(result.longestWaitingDays).toBeLessThan(1500);
  });

  it("lists a centre's scoped queue, a filtered one and one sorted by name", async () => {
    const scoped = await manager.waitlist.list({});
    expect(scoped.total).toBeGreaterThan(0);
    expect(scoped.total).toBeLessThan(COUNT);
    const filtered = await planner.waitlist.list({ urgency: 'emergency', search: 'số 1' });
    expect(filtered.items.length).toBeGreaterThan(0);
    expect(filtered.items.every((i) => i.urgency === 'emergency' && i.fullName.includes('số 1'))).toBe(true);
    const byName = await planner.waitlist.list({ sort: { field: 'fullName', direction: 'asc' } });
    const names = byName.items.map((i) => i.fullName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'vi')));
  });
});
