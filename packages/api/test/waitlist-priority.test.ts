/**
 * The order places are offered in, as the department configured it (a `waitlist_priority` setting
 * version in force today), its explanation per row, and the planner's metrics on a hand-made set.
 * This file's database holds only the applications made here, so the numbers are exact.
 */
import { defaultWaitlistPriority, type WaitlistPriority } from '@ansinh/domain/capacity/waitlist';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, type DemoUser, demoUsers, useApiHarness } from './harness.ts';
import { BTXH, facilityIds, moveClockTo, TREEM, uniqueName } from './residents-fixtures.ts';
import { application, bedsIn } from './waitlist-fixtures.ts';

const h = useApiHarness();

const callers = {} as Record<DemoUser, Caller>;
let ids: Record<string, string>;

beforeAll(async () => {
  for (const user of demoUsers) callers[user] = await h.callerFor(user);
  ids = await facilityIds(h);
});

const fid = (code: string) => ids[code] as string;

async function insertPriority(validFrom: string, document: WaitlistPriority) {
  await h.db.execute(sql`insert into setting_versions (kind, valid_from, document)
    values ('waitlist_priority', ${validFrom}, ${JSON.stringify(document)}::jsonb)`);
}

describe('metrics (a hand-made set, today 2025-09-01)', () => {
  it('counts, median and longest wait, by type and by commune, for what each caller may see', async () => {
    const make = (overrides: Parameters<typeof application>[0]) =>
      callers.planner.waitlist.create(application({ fullName: uniqueName('Tạ'), ...overrides }));
    // Waiting 10, 30, 90 (offered), 200 and 0 days; one withdrawn that no longer counts.
    await make({ appliedOn: '2025-08-22', requestedFacilityType: 'elderly', homeCommuneCode: '05500' });
    await make({
      appliedOn: '2025-08-02',
      requestedFacilityType: null,
      requestedFacilityId: fid(TREEM),
      group: 'k1_child_no_support',
      homeCommuneCode: '05500',
    });
    const c = await make({
      appliedOn: '2025-06-03',
      requestedFacilityType: 'general',
      homeCommuneCode: '05710',
    });
    const d = await make({
      appliedOn: '2025-02-13',
      requestedFacilityType: 'general',
      homeCommuneCode: '05467',
    });
    await make({
      appliedOn: '2025-09-01',
      requestedFacilityType: null,
      requestedFacilityId: fid(BTXH),
      homeCommuneCode: '05500',
    });
    const e = await make({ appliedOn: '2024-01-01', requestedFacilityType: 'general' });
    await callers.planner.waitlist.withdraw({ id: e.id, version: 1, reason: 'Đã có nơi khác' });
    const [bed] = await bedsIn(callers.manager, fid(BTXH));
    await callers.manager.waitlist.offer({ applicationId: c.id, bedId: bed as string });

    expect(await callers.planner.waitlist.metrics()).toEqual({
      onDate: '2025-09-01',
      waiting: 5,
      offered: 1,
      medianWaitingDays: 30,
      longestWaitingDays: 200,
      longestApplicationId: d.id,
      byFacilityType: [
        { facilityType: 'general', count: 3 },
        { facilityType: 'children', count: 1 },
        { facilityType: 'elderly', count: 1 },
      ],
      byCommune: [
        { communeCode: '05500', communeName: expect.any(String), provinceCode: '19', count: 3 },
        { communeCode: '05467', communeName: expect.any(String), provinceCode: '19', count: 1 },
        { communeCode: '05710', communeName: expect.any(String), provinceCode: '19', count: 1 },
      ],
    });
    // TN-BTXH (general): the two general applications and the one naming it.
    expect(await callers.manager.waitlist.metrics()).toMatchObject({
      waiting: 3,
      offered: 1,
      medianWaitingDays: 90,
      longestWaitingDays: 200,
      byFacilityType: [{ facilityType: 'general', count: 3 }],
    });
    // Hướng Dương (general too), but the one naming TN-BTXH is not theirs: an even count takes the mean.
    expect(await callers.operator.waitlist.metrics()).toMatchObject({
      waiting: 2,
      offered: 1,
      medianWaitingDays: 145,
      longestWaitingDays: 200,
    });
  });
});

describe('the configured order', () => {
  /** Five applicants whose default order is P5, P3, P2, P4, P1 (see each line). */
  async function applicants(family: string) {
    const make = (overrides: Parameters<typeof application>[0]) =>
      callers.planner.waitlist.create(application({ fullName: uniqueName(family), ...overrides }));
    return {
      // 85 years old: 2 age points.
      p1: await make({ urgency: 'normal', birthDate: '1940-02-02', appliedOn: '2025-08-01' }),
      // 65 and lonely: 1 + 2 = 3 need points.
      p2: await make({
        urgency: 'normal',
        birthDate: '1960-02-02',
        vulnerability: { lonelyElderly: true },
        appliedOn: '2025-08-15',
      }),
      p3: await make({ urgency: 'high', birthDate: '1970-02-02', appliedOn: '2025-08-30' }),
      // As P1, but waiting since January.
      p4: await make({ urgency: 'normal', birthDate: '1940-02-02', appliedOn: '2025-01-01' }),
      // An emergency, birth date unknown.
      p5: await make({ urgency: 'emergency', birthDate: null, appliedOn: '2025-08-31' }),
    };
  }

  const order = async (family: string) =>
    (await callers.planner.waitlist.list({ search: family })).items.map((i) => ({
      name: i.fullName,
      rank: i.rank,
      decidedBy: i.explanation?.decidedBy,
    }));

  it('ranks by urgency, then need (age and circumstances together), then waiting time, and says why', async () => {
    const p = await applicants('Mạc');
    const list = await order('Mạc');
    expect(list).toEqual([
      { name: p.p5.fullName, rank: 1, decidedBy: null },
      { name: p.p3.fullName, rank: 2, decidedBy: 'urgency' },
      { name: p.p2.fullName, rank: 3, decidedBy: 'urgency' },
      { name: p.p4.fullName, rank: 4, decidedBy: 'need' },
      { name: p.p1.fullName, rank: 5, decidedBy: 'waiting_time' },
    ]);
    const detail = await callers.planner.waitlist.byId({ id: p.p2.id });
    expect(detail.explanation?.scores).toEqual([
      { kind: 'urgency', score: 0, urgency: 'normal' },
      {
        kind: 'need',
        score: 3,
        flags: [{ flag: 'lonely_elderly', points: 2 }],
        age: { ageYears: 65, band: { fromYears: 60, points: 1 }, points: 1 },
      },
      { kind: 'waiting_time', score: 17, appliedOn: '2025-08-15', waitingDays: 17 },
    ]);
    const unknownAge = await callers.planner.waitlist.byId({ id: p.p5.id });
    expect(unknownAge.explanation?.scores[1]).toMatchObject({
      kind: 'need',
      age: { ageYears: null, points: 0 },
    });
  });

  it('reads the priority from the settings: a new version in force today changes the order', async () => {
    const p = await applicants('Vi');
    const current = await callers.staff.waitlist.priority();
    expect(current).toMatchObject({
      validFrom: '2000-01-01',
      document: defaultWaitlistPriority,
      criteria: [
        { kind: 'urgency', key: 'waitlist.criterion.urgency', text: expect.stringContaining('khẩn cấp') },
        { kind: 'need', key: 'waitlist.criterion.need' },
        { kind: 'waiting_time', key: 'waitlist.criterion.waiting_time' },
      ],
      tieBreaks: [{ kind: 'applied_on' }, { kind: 'id' }],
    });
    const before = await order('Vi');

    // Waiting time alone, from next month: today's order does not change yet.
    const fifo: WaitlistPriority = { id: 'fifo', version: '1', criteria: [{ kind: 'waiting_time' }] };
    await insertPriority('2025-10-01', fifo);
    expect(await order('Vi')).toEqual(before);

    // Need first, then urgency, from today: the lonely 65-year-old now leads.
    const [urgency, need] = defaultWaitlistPriority.criteria;
    if (!urgency || !need) throw new Error('the default priority changed shape');
    await insertPriority('2025-09-01', { id: 'need-first', version: '2', criteria: [need, urgency] });
    expect((await callers.staff.waitlist.priority()).document.id).toBe('need-first');
    // P4 and P1 tie on need and urgency: the earlier application (P4, January) comes first.
    expect(await order('Vi')).toEqual(
      [
        [p.p2, null],
        [p.p4, 'need'],
        [p.p1, 'applied_on'],
        [p.p5, 'need'],
        [p.p3, 'urgency'],
      ].map(([x, decidedBy], i) => ({ name: (x as { fullName: string }).fullName, rank: i + 1, decidedBy })),
    );

    moveClockTo(h, '2025-10-01');
    expect((await order('Vi')).map((r) => r.name)).toEqual(
      [p.p4, p.p1, p.p2, p.p3, p.p5].map((x) => x.fullName),
    );
    expect((await order('Vi')).map((r) => r.decidedBy)).toEqual([
      null,
      'waiting_time',
      'waiting_time',
      'waiting_time',
      'waiting_time',
    ]);
  });

  it('falls back to the built-in default when no version is stored at all', async () => {
    await h.db.execute(sql`delete from setting_versions where kind = 'waitlist_priority'`);
    const view = await callers.planner.waitlist.priority();
    expect(view).toMatchObject({ versionId: null, validFrom: null, document: defaultWaitlistPriority });
    expect((await order('Mạc')).map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
  });
});
