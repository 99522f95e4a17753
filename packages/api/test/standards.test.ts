import { statutoryCareStandards } from '@ansinh/domain/capacity/standards';
import { defaultWaitlistPriority } from '@ansinh/domain/capacity/waitlist';
import type { FacilityReport } from '@ansinh/schemas/standards';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Caller,
  type DemoUser,
  demoUsers,
  domainParamsOf,
  expectTRPCError,
  fieldErrorsOf,
  useApiHarness,
} from './harness.ts';
import { addResident, addRoom, assignBed, auditOf, makeFacility } from './standards-fixtures.ts';

const h = useApiHarness();
/** The harness clock: 2025-09-01 in Hà Nội. */
const TODAY = '2025-09-01';

const callers = {} as Record<DemoUser, Caller>;
beforeAll(async () => {
  for (const user of demoUsers) callers[user] = await h.callerFor(user);
});

/** The statutory document with a different label and, optionally, other bedroom standards. */
function careStandards(version: string, ordinary = 6, intensive = 8) {
  return {
    ...statutoryCareStandards,
    id: 'province',
    version,
    space: {
      ...statutoryCareStandards.space,
      bedroomM2PerResident: { ordinary, intensive_24h: intensive },
    },
  };
}

describe('settings: versions and the one in force', () => {
  it('starts with the statutory standards from 12 February 2018 and the default waitlist priority', async () => {
    const care = await callers.manager.standards.current({ kind: 'care_standards' });
    expect(care).toMatchObject({
      kind: 'care_standards',
      validFrom: '2018-02-12',
      inForce: true,
      document: { ...statutoryCareStandards, effectiveFrom: '2018-02-12' },
    });
    const priority = await callers.staff.standards.current({ kind: 'waitlist_priority' });
    expect(priority).toMatchObject({
      kind: 'waitlist_priority',
      document: defaultWaitlistPriority,
      inForce: true,
    });
    // Nothing was in force before Circular 33 took effect.
    expect(
      await callers.planner.standards.current({ kind: 'care_standards', onDate: '2018-02-11' }),
    ).toBeNull();
  });

  it('the version in force on a date is the latest whose valid_from is on or before it', async () => {
    await callers.planner.standards.save({
      kind: 'care_standards',
      validFrom: '2025-01-01',
      document: careStandards('2025'),
      note: 'Tỉnh ban hành 2025',
    });
    await callers.admin.standards.save({
      kind: 'care_standards',
      validFrom: '2026-01-01',
      document: careStandards('2026'),
      note: null,
    });
    const versionOn = async (onDate: string) =>
      (await callers.planner.standards.current({ kind: 'care_standards', onDate }))?.document.version;
    expect(await versionOn('2018-02-12')).toBe('2018-02-12');
    expect(await versionOn('2024-12-31')).toBe('2018-02-12');
    expect(await versionOn('2025-01-01')).toBe('2025');
    expect(await versionOn(TODAY)).toBe('2025');
    expect(await versionOn('2025-12-31')).toBe('2025');
    expect(await versionOn('2026-01-01')).toBe('2026');
    expect(await versionOn('2040-06-30')).toBe('2026');

    // Today's version is marked in force whatever day was asked for.
    const future = await callers.planner.standards.current({ kind: 'care_standards', onDate: '2026-02-01' });
    expect(future?.inForce).toBe(false);
    const history = await callers.staff.standards.versions({ kind: 'care_standards' });
    expect(history.map((v) => [v.validFrom, v.inForce, v.createdByName])).toEqual([
      ['2026-01-01', false, 'Quản trị hệ thống'],
      ['2025-01-01', true, 'Nguyễn Thị Hoa'],
      ['2018-02-12', false, null],
    ]);
    expect(history[1]).toMatchObject({
      note: 'Tỉnh ban hành 2025',
      document: { effectiveFrom: '2025-01-01' },
    });
    // The other kind keeps its own history.
    expect(await callers.staff.standards.versions({ kind: 'waitlist_priority' })).toHaveLength(1);
  });

  it('writes an audit record with the version it takes over from', async () => {
    const saved = await callers.planner.standards.save({
      kind: 'waitlist_priority',
      validFrom: '2025-06-01',
      document: { ...defaultWaitlistPriority, version: '2' },
      note: null,
    });
    const audit = await auditOf(h, saved.id);
    expect(audit).toMatchObject([
      {
        action: 'standards.save',
        actor: 'planner',
        before: { kind: 'waitlist_priority', validFrom: '2000-01-01' },
        after: { kind: 'waitlist_priority', validFrom: '2025-06-01', document: { version: '2' } },
      },
    ]);
  });

  it('refuses a document its kind does not accept, with the field that is wrong', async () => {
    const negative = await expectTRPCError(
      callers.planner.standards.save({
        kind: 'care_standards',
        validFrom: '2027-01-01',
        document: careStandards('bad', -6),
        note: null,
      }),
      'BAD_REQUEST',
    );
    expect(fieldErrorsOf(negative)).toHaveProperty(['document']);
    const issues = (negative.cause as unknown as { issues: { path: (string | number)[] }[] }).issues;
    expect(issues.map((i) => i.path.join('.'))).toContain('document.space.bedroomM2PerResident.ordinary');

    await expectTRPCError(
      callers.planner.standards.save({
        kind: 'care_standards',
        validFrom: '2027-01-01',
        document: { ...careStandards('extra'), unknownField: 1 } as never,
        note: null,
      }),
      'BAD_REQUEST',
    );
    // A waitlist document is not a care-standards document, and a criterion may not appear twice.
    await expectTRPCError(
      callers.planner.standards.save({
        kind: 'care_standards',
        validFrom: '2027-01-01',
        document: defaultWaitlistPriority as never,
        note: null,
      }),
      'BAD_REQUEST',
    );
    await expectTRPCError(
      callers.planner.standards.save({
        kind: 'waitlist_priority',
        validFrom: '2027-01-01',
        document: { id: 'x', version: '1', criteria: [{ kind: 'waiting_time' }, { kind: 'waiting_time' }] },
        note: null,
      }),
      'BAD_REQUEST',
    );
    const [row] = await h.rows<{ n: number }>(
      sql`select count(*)::int as n from setting_versions where valid_from = '2027-01-01'`,
    );
    expect(row?.n).toBe(0);
  });

  it('refuses a second version from the same day (SETTINGS_INVALID on validFrom)', async () => {
    const error = await expectTRPCError(
      callers.planner.standards.save({
        kind: 'care_standards',
        validFrom: '2025-01-01',
        document: careStandards('again'),
        note: null,
      }),
      'PRECONDITION_FAILED',
      'SETTINGS_INVALID',
    );
    expect(domainParamsOf(error)).toMatchObject({ field: 'validFrom' });
  });

  it.each(['manager', 'staff', 'operator'] as const)('%s cannot save settings', async (user) => {
    await expectTRPCError(
      callers[user].standards.save({
        kind: 'care_standards',
        validFrom: '2030-01-01',
        document: careStandards('x'),
        note: null,
      }),
      'FORBIDDEN',
      'FORBIDDEN',
    );
  });

  it('signed-out callers read nothing', async () => {
    const anonymous = await h.callerFor(null);
    await expectTRPCError(anonymous.standards.current({ kind: 'care_standards' }), 'UNAUTHORIZED');
    await expectTRPCError(anonymous.standards.provinceOverview(), 'UNAUTHORIZED');
  });
});

describe('capacity against the space standards', () => {
  let facilityId: string;

  beforeAll(async () => {
    // Licensed for 6, 100 m² of land, in a ward (urban, assumed since no area type is recorded).
    facilityId = await makeFacility(h, 'STD-SPACE', { licensedCapacity: 6, landAreaM2: 100 });
    // 12 m² ordinary: 2 residents; 16 m² 24-hour care: 2 residents.
    const p1 = await addRoom(h, facilityId, 'P1', 12, 'ordinary', ['P1-1', 'P1-2', '-P1-3']);
    const p2 = await addRoom(h, facilityId, 'P2', 16, 'intensive_24h', ['P2-1', 'P2-2', 'P2-3']);
    const [a, b, c, d] = [
      await addResident(h, facilityId, { birthDate: '1950-01-01', selfCare: true }),
      await addResident(h, facilityId, { birthDate: '1950-01-01', selfCare: true }),
      await addResident(h, facilityId, { birthDate: '1950-01-01', selfCare: true }),
      await addResident(h, facilityId, { birthDate: '1950-01-01', selfCare: true }),
    ];
    if (!a || !b || !c || !d) throw new Error('fixtures');
    await assignBed(h, facilityId, p1[0] as string, a, '2024-02-01');
    // Leaves at the end of the year: still in the bed today.
    await assignBed(h, facilityId, p2[0] as string, b, '2024-02-01', '2025-12-31');
    // Left the bed this morning: the bed is free today.
    await assignBed(h, facilityId, p2[1] as string, c, '2024-02-01', TODAY);
    // Moves in tomorrow: not yet occupied.
    await assignBed(h, facilityId, p2[2] as string, d, '2025-09-02');
  });

  it('counts beds from their status and the assignments, and the rooms give a ceiling of 2 + 2', async () => {
    const report = await callers.planner.standards.facilityReport({ facilityId });
    expect(report.onDate).toBe(TODAY);
    expect(report.beds).toEqual({ total: 6, operational: 5, occupied: 2 });
    expect(report.areaType).toBe('urban');
    expect(report.areaTypeAssumed).toBe(true);
    const { capacity } = report;
    expect(capacity.bedroom).toMatchObject({ source: 'rooms', areaM2: 28, ceiling: 4 });
    expect(capacity.bedroom?.rooms.map((r) => [r.name, r.m2PerResident, r.ceiling, r.beds, r.over])).toEqual([
      ['P1', 6, 2, 2, 0],
      ['P2', 8, 2, 3, 1],
    ]);
    expect(capacity.overcrowdedRooms.map((r) => r.name)).toEqual(['P2']);
    // Land: 100 m² ÷ 10 m² (urban) = 10.
    expect(capacity.land).toMatchObject({ ceiling: 10, m2PerResident: 10, areaTypeAssumed: true });
    expect(capacity.checks.map((c) => [c.ceilingKind, c.figure, c.value, c.ceiling, c.over])).toEqual([
      ['bedroom', 'licensed_capacity', 6, 4, 2],
      ['bedroom', 'operational_beds', 5, 4, 1],
      ['bedroom', 'occupied_beds', 2, 4, 0],
      ['land', 'licensed_capacity', 6, 10, 0],
      ['land', 'operational_beds', 5, 10, 0],
      ['land', 'occupied_beds', 2, 10, 0],
    ]);
    expect(capacity.overBy).toBe(2);
    expect(capacity.worstCheck).toMatchObject({ ceilingKind: 'bedroom', figure: 'licensed_capacity' });
  });

  it('uses the area type recorded on the facility (rural land: 30 m² per resident)', async () => {
    await h.rows(sql`update facilities set area_type = 'rural' where id = ${facilityId}`);
    const report = await callers.planner.standards.facilityReport({ facilityId });
    expect(report.areaType).toBe('rural');
    expect(report.areaTypeAssumed).toBe(false);
    expect(report.capacity.land).toMatchObject({ ceiling: 3, m2PerResident: 30 });
    expect(report.capacity.overBy).toBe(3);
    expect(report.capacity.worstCheck).toMatchObject({ ceilingKind: 'land', figure: 'licensed_capacity' });
    await h.rows(sql`update facilities set area_type = null where id = ${facilityId}`);
  });

  it('reads a commune (not a ward) as rural when nothing is recorded', async () => {
    const rural = await makeFacility(h, 'STD-XA', {
      communeCode: '05692',
      landAreaM2: 300,
      bedroomAreaM2: 61,
    });
    const report = await callers.planner.standards.facilityReport({ facilityId: rural });
    expect(report.areaType).toBe('rural');
    expect(report.areaTypeAssumed).toBe(true);
    expect(report.capacity.land?.ceiling).toBe(10);
    // No room recorded: the facility's bedroom area at the ordinary standard, flagged as assumed.
    expect(report.capacity.bedroom).toMatchObject({
      source: 'facility',
      ceiling: 10,
      careLevelAssumed: true,
    });
    expect(report.beds).toEqual({ total: 0, operational: 0, occupied: 0 });
  });

  it('a centre sees its own facility only', async () => {
    await expectTRPCError(callers.manager.standards.facilityReport({ facilityId }), 'FORBIDDEN', 'FORBIDDEN');
    await expectTRPCError(
      callers.operator.standards.facilityReport({ facilityId }),
      'FORBIDDEN',
      'FORBIDDEN',
    );
    const own = await callers.staff.standards.facilityReport({ facilityId: await h.facilityId('TN-BTXH') });
    expect(own.facility.code).toBe('TN-BTXH');
  });
});

describe('staffing against the norms', () => {
  let facilityId: string;
  const names: Record<string, string> = {};

  beforeAll(async () => {
    facilityId = await makeFacility(h, 'STD-STAFF', { type: 'general', licensedCapacity: 40 });
    const add = async (label: string, facts: Parameters<typeof addResident>[2]) => {
      const r = await addResident(h, facilityId, { fullName: `Người ${label}`, ...facts });
      names[label] = r.residentId;
    };
    // Two babies (15 months): 1:1.
    await add('bé 1', { birthDate: '2024-06-01', group: 'k1_child_no_support' });
    await add('bé 2', { birthDate: '2024-06-01', group: 'k1_child_no_support' });
    // Three children of 3: 1:6; one of 4 with a disability: 1:4.
    for (const n of [1, 2, 3])
      await add(`trẻ ${n}`, { birthDate: '2022-05-01', group: 'k1_child_no_support' });
    await add('trẻ khuyết tật', {
      birthDate: '2021-05-01',
      group: 'k1_child_no_support',
      disabilityLevel: 'severe',
    });
    // A child of 10 living with HIV: 1:5; and at school age, taught.
    await add('trẻ HIV', { birthDate: '2015-02-01', group: 'k1_poor_child_hiv' });
    // Five elderly people who cannot look after themselves, one not assessed: 1:4 (the strictest).
    for (const n of [1, 2, 3, 4, 5]) await add(`cụ ${n}`, { birthDate: '1940-01-01', selfCare: false });
    await add('cụ chưa đánh giá', { birthDate: '1940-01-01', selfCare: null });
    // Three who can: 1:10.
    for (const n of [1, 2, 3]) await add(`cụ tự phục vụ ${n}`, { birthDate: '1945-01-01', selfCare: true });
    // Severe mental illness: 1:4; found homeless (and studying): 1:12.
    await add('tâm thần', { birthDate: '1985-01-01', group: 'k5_voluntary', severity: 'severe' });
    await add('lang thang', {
      birthDate: '1995-01-01',
      group: 'k2_emergency',
      foundHomeless: true,
      studyingUntil: '2026-06-30',
    });
    // An adult no norm covers.
    await add('không định mức', { birthDate: '1990-01-01', group: 'k5_voluntary' });
    // Left last month: not counted.
    await add('đã ra', { birthDate: '1940-01-01', selfCare: false, dischargedOn: '2025-08-15' });
  });

  it('computes each role from the residents in care, with the residents behind each rule', async () => {
    const report = await callers.planner.standards.facilityReport({ facilityId });
    const { staffing } = report;
    expect(staffing.residentCount).toBe(19);
    const carer = staffing.roles.find((r) => r.role === 'carer');
    expect(carer?.drivers.map((d) => [d.ruleId, d.count, d.residentsPerStaff, d.required])).toEqual([
      ['child_under_18_months', 2, 1, 2],
      ['child_18_months_to_6_special', 1, 4, 1],
      ['child_18_months_to_6', 3, 6, 1],
      ['child_6_to_16_special', 1, 5, 1],
      ['mental_illness_severe', 1, 4, 1],
      ['elderly_no_self_care', 6, 4, 2],
      ['elderly_self_care', 3, 10, 1],
      ['found_homeless', 1, 12, 1],
    ]);
    expect(carer?.required).toBe(10);
    const noSelfCare = carer?.drivers.find((d) => d.ruleId === 'elderly_no_self_care');
    expect(noSelfCare?.residents.map((r) => r.fullName).sort()).toEqual(
      ['cụ 1', 'cụ 2', 'cụ 3', 'cụ 4', 'cụ 5', 'cụ chưa đánh giá'].map((n) => `Người ${n}`).sort(),
    );
    expect(Object.fromEntries(staffing.roles.map((r) => [r.role, r.required]))).toEqual({
      carer: 10,
      social_worker: 1,
      psychologist: 1,
      medical: 1,
      nutrition: 1,
      rehabilitation: 1,
      teacher: 1,
    });
    const teacher = staffing.roles.find((r) => r.role === 'teacher');
    expect(teacher?.drivers[0]?.residents.map((r) => r.fullName).sort()).toEqual(
      ['Người lang thang', 'Người trẻ HIV'].sort(),
    );
    expect(staffing.noNormApplies).toEqual({
      count: 1,
      residents: [{ id: names['không định mức'], fullName: 'Người không định mức' }],
    });
    expect(staffing.missingFacts).toEqual([
      { resident: { id: names['cụ chưa đánh giá'], fullName: 'Người cụ chưa đánh giá' }, fact: 'selfCare' },
    ]);
    // Nothing recorded yet: every requirement is a gap.
    expect(staffing.roles.every((r) => r.notRecorded && r.gap === r.required)).toBe(true);
    expect(report.staff).toEqual({ counts: {}, updatedAt: null });
  });

  it('records staff counts (audited with before and after) and the gaps follow', async () => {
    const admin = await h.callerFor('admin');
    const first = await admin.standards.setStaff({
      facilityId,
      counts: { carer: 7, medical: 1, indirect: 5 },
    });
    expect(first.counts).toEqual({ carer: 7, medical: 1, indirect: 5 });
    const report = await callers.planner.standards.facilityReport({ facilityId });
    const gaps = Object.fromEntries(
      report.staffing.roles.map((r) => [r.role, [r.recorded, r.gap, r.notRecorded]]),
    );
    expect(gaps.carer).toEqual([7, 3, false]);
    expect(gaps.medical).toEqual([1, 0, false]);
    expect(gaps.social_worker).toEqual([0, 1, true]);
    // 8 other staff allow at most 2 indirect (20% of 10).
    expect(report.staffing.indirect).toMatchObject({ otherStaff: 8, max: 2, recorded: 5, over: 3 });

    // A role sent as null is cleared, one left out is kept.
    const second = await admin.standards.setStaff({ facilityId, counts: { carer: 10, indirect: null } });
    expect(second.counts).toEqual({ carer: 10, medical: 1 });
    const audit = await auditOf(h, facilityId);
    expect(audit.filter((a) => a.action === 'staffing.set')).toMatchObject([
      { actor: 'admin', before: {}, after: { carer: 7, medical: 1, indirect: 5 } },
      { actor: 'admin', before: { carer: 7, medical: 1, indirect: 5 }, after: { carer: 10, medical: 1 } },
    ]);
  });

  it('staff counts: the centre manager for their own facility only; not staff, not planners', async () => {
    const own = await h.facilityId('TN-BTXH');
    expect(
      (await callers.manager.standards.setStaff({ facilityId: own, counts: { carer: 12 } })).counts,
    ).toEqual({
      carer: 12,
    });
    await expectTRPCError(
      callers.manager.standards.setStaff({ facilityId, counts: { carer: 1 } }),
      'FORBIDDEN',
      'FORBIDDEN',
    );
    await expectTRPCError(
      callers.staff.standards.setStaff({ facilityId: own, counts: { carer: 1 } }),
      'FORBIDDEN',
      'FORBIDDEN',
    );
    await expectTRPCError(
      callers.planner.standards.setStaff({ facilityId: own, counts: { carer: 1 } }),
      'FORBIDDEN',
      'FORBIDDEN',
    );
    await expectTRPCError(
      callers.manager.standards.setStaff({ facilityId: own, counts: { carer: -1 } }),
      'BAD_REQUEST',
    );
    const [row] = await h.rows<{ headcount: number }>(
      sql`select headcount from facility_staff where facility_id = ${own} and role = 'carer'`,
    );
    expect(row?.headcount).toBe(12);
  });
});

describe('province overview', () => {
  it('one row per facility in scope (closed ones left out), agreeing with the facility report', async () => {
    await makeFacility(h, 'STD-CLOSED', { status: 'closed' });
    const overview = await callers.planner.standards.provinceOverview();
    const [facilityCount] = await h.rows<{ n: number }>(
      sql`select count(*)::int as n from facilities where status <> 'closed'`,
    );
    expect(overview.rows).toHaveLength(facilityCount?.n ?? -1);
    expect(overview.rows.map((r) => r.code)).not.toContain('STD-CLOSED');
    expect(overview.standards.version).toBe('2025');

    const space = overview.rows.find((r) => r.code === 'STD-SPACE');
    expect(space).toMatchObject({
      areaType: 'urban',
      areaTypeAssumed: true,
      licensedCapacity: 6,
      operationalBeds: 5,
      occupiedBeds: 2,
      residents: 4,
      bedroomCeiling: 4,
      landCeiling: 10,
      overBy: 2,
      overcrowdedRooms: 1,
      worstCheck: { ceilingKind: 'bedroom', figure: 'licensed_capacity', over: 2 },
    });

    const staffed = overview.rows.find((r) => r.code === 'STD-STAFF');
    const report: FacilityReport = await callers.planner.standards.facilityReport({
      facilityId: staffed?.facilityId ?? '',
    });
    expect(staffed?.staffing.roles).toEqual(
      report.staffing.roles.map(({ role, required, recorded, notRecorded, gap }) => ({
        role,
        required,
        recorded,
        notRecorded,
        gap,
      })),
    );
    // 10 carers recorded of 10; social worker, psychologist, nutrition, rehabilitation, teacher missing.
    expect(staffed?.staffing).toMatchObject({
      missingStaff: 5,
      indirectOver: 0,
      missingFacts: 1,
      noNormApplies: 1,
    });
    expect(staffed?.residents).toBe(19);
  });

  it('is never answered from a kept result after a change to what it reads', async () => {
    const facilityId = await makeFacility(h, 'STD-FRESH', { licensedCapacity: 3 });
    const row = async () =>
      (await callers.planner.standards.provinceOverview()).rows.find((r) => r.facilityId === facilityId);
    expect(await row()).toMatchObject({ bedroomCeiling: null, operationalBeds: 0, residents: 0 });
    // A room (no revision covers rooms).
    const [bed] = await addRoom(h, facilityId, 'R1', 18, 'ordinary', ['R1-1']);
    expect(await row()).toMatchObject({ bedroomCeiling: 3, operationalBeds: 1 });
    await h.rows(sql`update rooms set floor_area_m2 = 12 where facility_id = ${facilityId}`);
    expect((await row())?.bedroomCeiling).toBe(2);
    // A resident in care, then in a bed.
    const resident = await addResident(h, facilityId, { birthDate: '1940-01-01', selfCare: false });
    expect((await row())?.residents).toBe(1);
    await assignBed(h, facilityId, bed as string, resident, '2025-08-01');
    expect((await row())?.occupiedBeds).toBe(1);
    // Staff recorded (no revision covers them either), and the facility's own figures.
    await callers.admin.standards.setStaff({ facilityId, counts: { carer: 1 } });
    expect((await row())?.staffing.roles.find((r) => r.role === 'carer')).toMatchObject({
      recorded: 1,
      gap: 0,
    });
    await h.rows(sql`update facilities set licensed_capacity = 9 where id = ${facilityId}`);
    expect(await row()).toMatchObject({ licensedCapacity: 9, overBy: 7 });
  });

  it('centre roles get their own facilities only', async () => {
    expect((await callers.manager.standards.provinceOverview()).rows.map((r) => r.code)).toEqual(['TN-BTXH']);
    expect((await callers.operator.standards.provinceOverview()).rows.map((r) => r.code)).toEqual([
      'NCL-HUONGDUONG',
    ]);
  });
});

describe('reports follow the standards in force', () => {
  it('a version in force from today with 4 m² per resident raises the bedroom ceilings', async () => {
    const facilityId = await h.facilityId('STD-SPACE');
    const before = await callers.planner.standards.facilityReport({ facilityId });
    expect(before.standards.version).toBe('2025');
    await callers.planner.standards.save({
      kind: 'care_standards',
      validFrom: TODAY,
      document: careStandards('today', 4, 8),
      note: null,
    });
    const after = await callers.planner.standards.facilityReport({ facilityId });
    expect(after.standards).toMatchObject({ version: 'today', validFrom: TODAY });
    // 12 m² ÷ 4 = 3, 16 m² ÷ 8 = 2.
    expect(after.capacity.bedroom?.ceiling).toBe(5);
    const row = (await callers.planner.standards.provinceOverview()).rows.find((r) => r.code === 'STD-SPACE');
    expect(row?.bedroomCeiling).toBe(5);
  });
});
