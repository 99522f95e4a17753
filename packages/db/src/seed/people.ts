import type { residentGroupValues, residents, stays } from '../schema/residents.ts';

/** Deterministic synthetic people for demos and benchmarks: plausible names, ages and histories. */

const familyNames = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hà',
  'Lương',
  'Nông',
  'Ma',
  'Triệu',
  'Lò',
];
const middleNames = {
  male: ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu'],
  female: ['Thị', 'Ngọc', 'Thu', 'Hồng', 'Kim'],
};
const givenNames = {
  male: [
    'An',
    'Bình',
    'Cường',
    'Dũng',
    'Hải',
    'Hùng',
    'Khánh',
    'Long',
    'Nam',
    'Phúc',
    'Quân',
    'Sơn',
    'Thắng',
    'Tuấn',
    'Việt',
  ],
  female: [
    'Anh',
    'Bích',
    'Chi',
    'Dung',
    'Hà',
    'Hạnh',
    'Hoa',
    'Lan',
    'Linh',
    'Mai',
    'Nga',
    'Phương',
    'Thảo',
    'Trang',
    'Yến',
  ],
};
const ethnicities = ['Kinh', 'Kinh', 'Kinh', 'Tày', 'Nùng', 'Dao', 'Sán Chay', "H'Mông"];

type Group = (typeof residentGroupValues)[number];
const groupWeights: [Group, number][] = [
  ['k1_elderly', 0.34],
  ['k1_child_no_support', 0.2],
  ['k1_disability', 0.2],
  ['k5_voluntary', 0.12],
  ['k2_emergency', 0.05],
  ['k3_administrative', 0.05],
  ['k1_poor_child_hiv', 0.04],
];
/** Typical ages on admission by group: [youngest, oldest]. */
const ageRange: Record<Group, [number, number]> = {
  k1_elderly: [60, 95],
  k1_child_no_support: [0, 15],
  k1_poor_child_hiv: [0, 15],
  k1_disability: [2, 70],
  k5_voluntary: [60, 92],
  k2_emergency: [8, 50],
  k3_administrative: [14, 55],
};

export interface SyntheticPerson {
  resident: typeof residents.$inferInsert;
  stays: Omit<typeof stays.$inferInsert, 'residentId'>[];
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A UUID built from the generator, so the same seed always yields the same ids (re-runs add nothing). */
export function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The entry whose cumulative weight first exceeds `roll` (0 ≤ roll < 1). */
function weightedPick<T>(weights: readonly [T, number][], roll: number): T {
  let cumulative = 0;
  for (const [value, weight] of weights) {
    cumulative += weight;
    if (roll < cumulative) return value;
  }
  return weights[weights.length - 1]?.[0] as T;
}

/** A plausible Vietnamese full name: family, middle and given name. */
export function syntheticName(random: () => number, sex: 'male' | 'female'): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  return `${pick(familyNames)} ${pick(middleNames[sex])} ${pick(givenNames[sex])}`;
}

/**
 * A valid 12-digit personal ID number (FACTS: Personal ID number): registration province, the
 * century-and-sex digit, the birth year's last two digits, then six digits.
 */
export function personalIdNumber(
  province: string,
  birthDate: string,
  sex: 'male' | 'female',
  serial: number,
): string {
  const year = Number(birthDate.slice(0, 4));
  const centuryAndSex = (Math.floor(year / 100) - 19) * 2 + (sex === 'female' ? 1 : 0);
  return `${province}${centuryAndSex}${String(year % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
}

export function syntheticPerson(
  random: () => number,
  facilityIds: readonly string[],
  communeCodes: readonly string[],
  today: string,
): SyntheticPerson {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const group = weightedPick(groupWeights, random());
  const sex = random() < 0.5 ? 'male' : 'female';
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const [minAge, maxAge] = ageRange[group];
  const stayYears = group === 'k2_emergency' ? random() * 0.4 : random() * 5;
  const admittedMs = todayMs - Math.floor(stayYears * 365 * DAY);
  const ageOnAdmission = minAge + random() * (maxAge - minAge);
  const birthMs = admittedMs - Math.floor(ageOnAdmission * 365.25 * DAY);
  const yearOnly = group === 'k1_elderly' && random() < 0.15;
  const birthDate = yearOnly ? `${iso(birthMs).slice(0, 4)}-01-01` : iso(birthMs);
  const child = group === 'k1_child_no_support' || group === 'k1_poor_child_hiv';
  const elderly = group === 'k1_elderly' || group === 'k5_voluntary';
  const disabled = group === 'k1_disability' || random() < 0.1;
  const flag = (p: number) => (random() < 0.1 ? null : random() < p);

  const current = pick(facilityIds);
  const history: SyntheticPerson['stays'] = [];
  if (random() < 0.25 && stayYears > 1) {
    // An earlier stay elsewhere, ended by a transfer to the current centre.
    const earlierFrom = admittedMs - Math.floor((0.5 + random() * 2) * 365 * DAY);
    history.push({
      facilityId: pick(facilityIds),
      admittedOn: iso(earlierFrom),
      dischargedOn: iso(admittedMs),
      dischargeReason: 'transferred',
    });
  }
  const discharged = random() < 0.08;
  history.push({
    facilityId: current,
    admittedOn: iso(admittedMs),
    admissionDecisionNumber: `${1 + Math.floor(random() * 900)}/QĐ-TTBTXH`,
    ...(discharged
      ? {
          dischargedOn: iso(Math.min(todayMs, admittedMs + Math.floor(random() * 300 + 1) * DAY)),
          dischargeReason: elderly
            ? pick(['deceased', 'returned_to_family'] as const)
            : pick(['returned_to_family', 'adopted', 'aged_out'] as const),
        }
      : {}),
  });

  return {
    resident: {
      id: seededUuid(random),
      fullName: syntheticName(random, sex),
      birthDate,
      birthDatePrecision: yearOnly ? 'year' : 'day',
      sex,
      ethnicity: pick(ethnicities),
      homeCommuneCode: pick(communeCodes),
      group,
      disabilityType: disabled
        ? pick(['mobility', 'intellectual', 'neurological_mental', 'vision', 'hearing_speech'] as const)
        : null,
      disabilityLevel: disabled ? pick(['especially_severe', 'severe', 'mild'] as const) : null,
      orphanOrAbandoned: child ? flag(0.7) : null,
      bothParentsDisabled: child ? flag(0.05) : null,
      parentLeftNotMissing: child ? flag(0.08) : null,
      lonelyElderly: elderly ? flag(0.6) : null,
      especiallyDifficult: flag(0.4),
      noMeansOfSupport: flag(0.5),
      pensionVnd: elderly ? (random() < 0.25 ? 2_000_000 + Math.floor(random() * 40) * 100_000 : 0) : null,
      labourCapacityLossVnd: elderly ? 0 : null,
      meritoriousAllowanceVnd: elderly ? (random() < 0.05 ? 1_500_000 : 0) : null,
      studyingUntil: child && random() < 0.5 ? `${today.slice(0, 4)}-05-31` : null,
    },
    stays: history,
  };
}
