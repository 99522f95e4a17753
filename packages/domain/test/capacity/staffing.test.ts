import { describe, expect, it } from 'vitest';
import {
  indirectCheck,
  type RoleRequirement,
  roleRequirement,
  type StaffingNorms,
  type StaffingResident,
  type StaffingResult,
  staffingNormsSchema,
  staffingRequirement,
  statutoryStaffingNorms,
} from '../../src/capacity/staffing.ts';
import {
  addMonthsToDayNumber,
  completedMonths,
  fromDayNumber,
  parseIsoDate,
  toDayNumber,
} from '../../src/entitlements/dates.ts';

const norms = statutoryStaffingNorms;
const ON = '2026-03-15';

let seq = 0;
const person = (birthDate: string | null, overrides: Partial<StaffingResident> = {}): StaffingResident => ({
  id: `p${++seq}`,
  birthDate,
  disabled: false,
  mentalIllnessSeverity: null,
  hivPositive: false,
  selfCare: true,
  foundHomeless: false,
  studying: false,
  ...overrides,
});

const adult = (overrides: Partial<StaffingResident> = {}) => person('1980-01-01', overrides);
const elder = (overrides: Partial<StaffingResident> = {}) => person('1950-01-01', overrides);

function role(result: StaffingResult, name: RoleRequirement['role']): RoleRequirement {
  const found = roleRequirement(result, name);
  if (!found) throw new Error(`No requirement for ${name}`);
  return found;
}

/** The direct-care rule a single resident falls under on ON (undefined: none). */
function ruleOf(resident: StaffingResident, set: StaffingNorms = norms): string | undefined {
  const result = staffingRequirement([resident], {}, set, ON);
  return role(result, 'carer').drivers[0]?.ruleId;
}

describe('the statutory norms', () => {
  it('are valid against their schema', () => {
    expect(staffingNormsSchema.parse(norms)).toEqual(norms);
  });

  it('reject duplicate rule ids and a norm with neither ratio nor minimum', () => {
    const dup = structuredClone(norms);
    dup.directCare.push({ ...(dup.directCare[0] as StaffingNorms['directCare'][number]) });
    expect(staffingNormsSchema.safeParse(dup).success).toBe(false);
    const empty = structuredClone(norms);
    empty.ratios.push({ role: 'medical', residentsPerStaff: null, minimumIfAny: 0 });
    expect(staffingNormsSchema.safeParse(empty).success).toBe(false);
  });

  it('reject an age range whose lower bound is not below the upper one', () => {
    const bad = structuredClone(norms);
    bad.directCare[0] = { id: 'x', match: { minAgeMonths: 18, maxAgeMonths: 18 }, residentsPerStaff: 1 };
    expect(staffingNormsSchema.safeParse(bad).success).toBe(false);
  });
});

describe('Art. 5(7)(a) children: age boundaries on the day (completed months)', () => {
  it.each<[string, string, string]>([
    ['17 months', '2024-09-16', 'child_under_18_months'],
    ['exactly 18 months', '2024-09-15', 'child_18_months_to_6'],
    ['one day short of 6 years', '2020-03-16', 'child_18_months_to_6'],
    ['exactly 6 years', '2020-03-15', 'child_6_to_16'],
    ['one day short of 16 years', '2010-03-16', 'child_6_to_16'],
  ])('%s → %s', (_case, birthDate, rule) => {
    expect(ruleOf(person(birthDate))).toBe(rule);
  });

  it('exactly 16 years: no longer a child; no norm applies unless another group does', () => {
    const sixteen = person('2010-03-15');
    expect(ruleOf(sixteen)).toBeUndefined();
    const result = staffingRequirement([sixteen], {}, norms, ON);
    expect(result.noNormApplies).toEqual({ count: 1, residentIds: [sixteen.id] });
    expect(role(result, 'carer').required).toBe(0);
    expect(ruleOf(person('2010-03-15', { disabled: true, selfCare: false }))).toBe('disabled_no_self_care');
  });

  it.each<[string, Partial<StaffingResident>]>([
    ['disabled', { disabled: true }],
    ['mentally ill', { mentalIllnessSeverity: 'stabilised' }],
    ['HIV-positive', { hivPositive: true }],
  ])('a %s child: 1:4 from 18 months to 6, 1:5 from 6 to 16, still 1:1 under 18 months', (_c, facts) => {
    expect(ruleOf(person('2024-09-15', facts))).toBe('child_18_months_to_6_special');
    expect(ruleOf(person('2020-03-15', facts))).toBe('child_6_to_16_special');
    expect(ruleOf(person('2025-01-01', facts))).toBe('child_under_18_months');
  });

  it('a child found homeless is counted as a child', () => {
    expect(ruleOf(person('2018-01-01', { foundHomeless: true }))).toBe('child_6_to_16');
  });

  it('ratios 1, 6, 4, 10, 5', () => {
    const perStaff = Object.fromEntries(norms.directCare.map((r) => [r.id, r.residentsPerStaff]));
    expect(perStaff).toMatchObject({
      child_under_18_months: 1,
      child_18_months_to_6: 6,
      child_18_months_to_6_special: 4,
      child_6_to_16: 10,
      child_6_to_16_special: 5,
    });
  });
});

describe('ages are completed months with the Civil Code month-end clamp', () => {
  /** The child rule for an age in completed months, as Art. 5(7)(a) states it. */
  const childRule = (months: number): string | undefined =>
    months < 18
      ? 'child_under_18_months'
      : months < 72
        ? 'child_18_months_to_6'
        : months < 192
          ? 'child_6_to_16'
          : undefined;

  it.each(['2024-02-29', '2025-02-28', '2026-03-31', '2026-04-30', '2026-01-31', '2026-03-01'])(
    'on %s, every birth date near a boundary falls under the rule its age says',
    (on) => {
      const onDay = toDayNumber(on);
      const residents: StaffingResident[] = [];
      for (const months of [18, 72, 192, 720]) {
        const near = addMonthsToDayNumber(onDay, -months);
        for (let d = near - 4; d <= near + 4; d++) residents.push(person(fromDayNumber(d)));
      }
      const result = staffingRequirement(residents, {}, norms, on);
      const ruleById = new Map<string, string>();
      for (const driver of role(result, 'carer').drivers) {
        for (const id of driver.residentIds) ruleById.set(id, driver.ruleId);
      }
      for (const resident of residents) {
        const months = completedMonths(parseIsoDate(resident.birthDate as string), parseIsoDate(on));
        const expected = childRule(months) ?? (months >= 720 ? 'elderly_self_care' : undefined);
        expect([resident.birthDate, ruleById.get(resident.id)]).toEqual([resident.birthDate, expected]);
      }
    },
  );
});

describe('Art. 5(7)(b)–(đ) adults', () => {
  it.each<[string, StaffingResident, string | undefined, number | undefined]>([
    [
      'mental illness especially severe',
      adult({ mentalIllnessSeverity: 'especially_severe' }),
      'mental_illness_especially_severe',
      2,
    ],
    ['mental illness severe', adult({ mentalIllnessSeverity: 'severe' }), 'mental_illness_severe', 4],
    [
      'mental illness stabilised',
      adult({ mentalIllnessSeverity: 'stabilised' }),
      'mental_illness_stabilised',
      10,
    ],
    ['disabled, self-care', adult({ disabled: true, selfCare: true }), 'disabled_self_care', 10],
    ['disabled, no self-care', adult({ disabled: true, selfCare: false }), 'disabled_no_self_care', 4],
    ['elderly, self-care', elder({ selfCare: true }), 'elderly_self_care', 10],
    ['elderly, no self-care', elder({ selfCare: false }), 'elderly_no_self_care', 4],
    ['found homeless', adult({ foundHomeless: true }), 'found_homeless', 12],
    ['an adult under 60 in no group', adult(), undefined, undefined],
  ])('%s', (_case, resident, rule, perStaff) => {
    const result = staffingRequirement([resident], {}, norms, ON);
    const driver = role(result, 'carer').drivers[0];
    expect(driver?.ruleId).toBe(rule);
    expect(driver?.residentsPerStaff).toBe(perStaff);
  });

  it('the elderly age is 60 completed years, and is data', () => {
    expect(ruleOf(person('1966-03-15'))).toBe('elderly_self_care');
    expect(ruleOf(person('1966-03-16'))).toBeUndefined();
    const later = { ...norms, elderlyFromAgeYears: 65 };
    expect(ruleOf(person('1966-03-15'), later)).toBeUndefined();
  });

  it('the most demanding group decides: severe mental illness and homeless → 1:4', () => {
    expect(ruleOf(adult({ foundHomeless: true, mentalIllnessSeverity: 'severe' }))).toBe(
      'mental_illness_severe',
    );
    expect(ruleOf(elder({ foundHomeless: true, selfCare: false }))).toBe('elderly_no_self_care');
    expect(ruleOf(adult({ disabled: true, selfCare: false, mentalIllnessSeverity: 'stabilised' }))).toBe(
      'disabled_no_self_care',
    );
  });

  it('first match wins: reordering the rules changes the outcome', () => {
    const resident = adult({ foundHomeless: true, mentalIllnessSeverity: 'stabilised' });
    expect(ruleOf(resident)).toBe('mental_illness_stabilised');
    const homelessFirst = structuredClone(norms);
    const homeless = homelessFirst.directCare.findIndex((r) => r.id === 'found_homeless');
    const [rule] = homelessFirst.directCare.splice(homeless, 1);
    homelessFirst.directCare.unshift(rule as StaffingNorms['directCare'][number]);
    expect(ruleOf(resident, homelessFirst)).toBe('found_homeless');
  });
});

describe('carers: ceil per rule, summed', () => {
  it('7 children aged 3 → ceil(7/6) = 2; 1 more group of 1 under 18 months → 3', () => {
    const kids = Array.from({ length: 7 }, () => person('2023-01-01'));
    const baby = person('2025-12-01');
    const result = staffingRequirement([...kids, baby], { carer: 2 }, norms, ON);
    const carer = role(result, 'carer');
    expect(carer.drivers).toEqual([
      {
        ruleId: 'child_under_18_months',
        count: 1,
        residentsPerStaff: 1,
        minimum: 0,
        required: 1,
        residentIds: [baby.id],
        legalBasis: expect.stringContaining('khoản 7 điểm a'),
      },
      {
        ruleId: 'child_18_months_to_6',
        count: 7,
        residentsPerStaff: 6,
        minimum: 0,
        required: 2,
        residentIds: kids.map((k) => k.id),
        legalBasis: expect.stringContaining('khoản 7 điểm a'),
      },
    ]);
    expect(carer).toMatchObject({ required: 3, recorded: 2, gap: 1, notRecorded: false });
  });

  it('groups are not pooled: 3 + 3 residents at 1:6 and 1:10 need 2 carers, not 1', () => {
    const result = staffingRequirement(
      [...Array.from({ length: 3 }, () => person('2023-01-01')), ...Array.from({ length: 3 }, () => elder())],
      {},
      norms,
      ON,
    );
    expect(role(result, 'carer').required).toBe(2);
  });

  it('exactly a multiple needs no extra carer: 12 homeless → 1, 13 → 2', () => {
    const homeless = (n: number) => Array.from({ length: n }, () => adult({ foundHomeless: true }));
    expect(role(staffingRequirement(homeless(12), {}, norms, ON), 'carer').required).toBe(1);
    expect(role(staffingRequirement(homeless(13), {}, norms, ON), 'carer').required).toBe(2);
  });

  it('a surplus is a negative gap; an unrecorded role counts as 0 and says so', () => {
    const result = staffingRequirement([elder()], { carer: 3 }, norms, ON);
    expect(role(result, 'carer')).toMatchObject({ required: 1, recorded: 3, gap: -2 });
    expect(role(result, 'medical')).toMatchObject({ required: 1, recorded: 0, gap: 1, notRecorded: true });
  });
});

describe('missing facts never understate the gap', () => {
  it('self-care unknown: counted at the stricter ratio and listed', () => {
    const unknownElder = elder({ selfCare: null });
    const unknownDisabled = adult({ disabled: true, selfCare: null });
    const result = staffingRequirement([unknownElder, unknownDisabled], {}, norms, ON);
    expect(role(result, 'carer').drivers.map((d) => [d.ruleId, d.residentIds])).toEqual([
      ['disabled_no_self_care', [unknownDisabled.id]],
      ['elderly_no_self_care', [unknownElder.id]],
    ]);
    expect(result.missingFacts).toEqual([
      { residentId: unknownElder.id, fact: 'selfCare' },
      { residentId: unknownDisabled.id, fact: 'selfCare' },
    ]);
  });

  it('stricter even when the norms list the lenient rule first', () => {
    const lenientFirst = structuredClone(norms);
    lenientFirst.directCare = lenientFirst.directCare.filter((r) => r.id.startsWith('elderly'));
    lenientFirst.directCare.reverse();
    expect(lenientFirst.directCare[0]?.id).toBe('elderly_self_care');
    expect(ruleOf(elder({ selfCare: null }), lenientFirst)).toBe('elderly_no_self_care');
  });

  it('self-care unknown does not matter for a child or for a mentally ill adult', () => {
    const result = staffingRequirement(
      [person('2018-01-01', { selfCare: null }), adult({ selfCare: null, mentalIllnessSeverity: 'severe' })],
      {},
      norms,
      ON,
    );
    expect(result.missingFacts).toEqual([]);
  });

  it('an adult under 60 with self-care unknown and no group is not a missing fact', () => {
    const result = staffingRequirement([adult({ selfCare: null })], {}, norms, ON);
    expect(result.missingFacts).toEqual([]);
    expect(result.noNormApplies.count).toBe(1);
  });

  it('a birth date later than the day, or missing, is unknown: strictest possible rule, listed', () => {
    const unborn = person('2027-01-01');
    const garbled = person(null);
    const result = staffingRequirement([unborn, garbled], {}, norms, ON);
    expect(role(result, 'carer').drivers).toMatchObject([
      { ruleId: 'child_under_18_months', count: 2, required: 2 },
    ]);
    expect(result.missingFacts).toEqual([
      { residentId: unborn.id, fact: 'birthDate' },
      { residentId: garbled.id, fact: 'birthDate' },
    ]);
    // Counted as possibly school-age for teachers too.
    expect(role(result, 'teacher').required).toBe(1);
  });
});

describe('other roles (Art. 5(5), (6), (8)–(11))', () => {
  const many = (n: number) => Array.from({ length: n }, () => elder());

  it.each<[number, number, number, number]>([
    // residents, social workers (≤100 each), medical (1:50), nutrition (1:20)
    [1, 1, 1, 1],
    [20, 1, 1, 1],
    [21, 1, 1, 2],
    [50, 1, 1, 3],
    [51, 1, 2, 3],
    [100, 1, 2, 5],
    [101, 2, 3, 6],
  ])('%i residents → %i social worker(s), %i medical, %i nutrition', (n, social, medical, nutrition) => {
    const result = staffingRequirement(many(n), {}, norms, ON);
    expect(role(result, 'social_worker').required).toBe(social);
    expect(role(result, 'medical').required).toBe(medical);
    expect(role(result, 'nutrition').required).toBe(nutrition);
  });

  it('psychologist: at least 1 with one resident, 0 with none', () => {
    expect(role(staffingRequirement(many(1), {}, norms, ON), 'psychologist')).toMatchObject({
      required: 1,
      drivers: [{ ruleId: 'psychologist', count: 1, residentsPerStaff: null, minimum: 1, required: 1 }],
    });
    expect(role(staffingRequirement(many(500), {}, norms, ON), 'psychologist').required).toBe(1);
    const none = staffingRequirement([], {}, norms, ON);
    expect(none.roles.map((r) => [r.role, r.required])).toEqual([
      ['carer', 0],
      ['social_worker', 0],
      ['psychologist', 0],
      ['medical', 0],
      ['nutrition', 0],
      ['rehabilitation', 0],
      ['teacher', 0],
    ]);
  });

  it('rehabilitation 1:5 of residents with a disability or a mental illness', () => {
    const needing = [
      ...Array.from({ length: 5 }, () => adult({ disabled: true })),
      adult({ mentalIllnessSeverity: 'stabilised' }),
    ];
    const result = staffingRequirement([...needing, elder(), elder()], {}, norms, ON);
    expect(role(result, 'rehabilitation')).toMatchObject({
      required: 2,
      drivers: [{ count: 6, residentsPerStaff: 5, residentIds: needing.map((r) => r.id) }],
    });
  });

  it('teachers 1:9 of children 6–16 and anyone studying', () => {
    const pupils = Array.from({ length: 9 }, () => person('2015-01-01'));
    const student = adult({ studying: true });
    const result = staffingRequirement(
      [...pupils, person('2022-01-01'), person('2010-03-15')],
      {},
      norms,
      ON,
    );
    expect(role(result, 'teacher').required).toBe(1);
    const more = staffingRequirement([...pupils, student], {}, norms, ON);
    expect(role(more, 'teacher')).toMatchObject({ required: 2, drivers: [{ count: 10 }] });
  });

  it('who needs rehabilitation is data', () => {
    const edited = structuredClone(norms);
    const rehab = edited.ratios.find((r) => r.role === 'rehabilitation');
    if (rehab) rehab.who = [{ elderly: true }];
    const result = staffingRequirement([elder(), adult({ disabled: true })], {}, edited, ON);
    expect(role(result, 'rehabilitation').drivers[0]?.count).toBe(1);
  });
});

describe('Art. 5(12) indirect staff at most 20% of all staff', () => {
  it.each<[number, number, number, number]>([
    // other staff, indirect, max, over
    [8, 2, 2, 0], // 2 of 10 = 20%: allowed
    [8, 3, 2, 1], // 3 of 11 = 27%
    [7, 2, 1, 1], // 2 of 9 = 22%
    [4, 1, 1, 0], // 1 of 5 = 20%
    [3, 1, 0, 1], // 1 of 4 = 25%
    [0, 0, 0, 0],
  ])('%i others + %i indirect: max %i, over %i', (others, indirect, max, over) => {
    const check = indirectCheck({ carer: others, indirect }, 20);
    expect(check).toMatchObject({ otherStaff: others, max, recorded: indirect, over });
  });

  it('is part of the requirement, counting every recorded role', () => {
    const result = staffingRequirement(
      [elder()],
      { carer: 4, medical: 2, psychologist: 2, indirect: 3 },
      norms,
      ON,
    );
    expect(result.indirect).toMatchObject({ maxPercent: 20, otherStaff: 8, max: 2, recorded: 3, over: 1 });
    expect(result.roles.some((r) => (r.role as string) === 'indirect')).toBe(false);
  });
});

// Response times are measured by packages/domain/bench/capacity.ts, not asserted here.
describe('at scale', () => {
  it('50,000 residents: every one counted', () => {
    const kinds: Partial<StaffingResident>[] = [
      {},
      { disabled: true, selfCare: false },
      { mentalIllnessSeverity: 'severe' },
      { selfCare: null },
      { foundHomeless: true },
      { hivPositive: true },
      { studying: true },
    ];
    const births = ['2025-06-01', '2022-01-01', '2014-05-05', '1990-02-02', '1950-07-07', '1938-12-31'];
    const residents = Array.from({ length: 50_000 }, (_, i) =>
      person(births[i % births.length] as string, kinds[i % kinds.length]),
    );
    const result = staffingRequirement(residents, {}, norms, ON);
    expect(result.residentCount).toBe(50_000);
  });
});
