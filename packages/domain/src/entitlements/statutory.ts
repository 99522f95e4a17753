import type { ResidentGroup } from './facts.ts';
import type { BaseLevel, Limit, PolicyRule, PolicySet } from './policy.ts';
import type { Predicate } from './predicate.ts';

/**
 * The shipped policy data: the national base level, the statutory entitlements of residents of a
 * social-assistance facility (Decree 20/2021/NĐ-CP Art. 24–26, 30), and the four groups named in the
 * provincial directive 3715/UBND-KGVX as proposals whose amounts planners have yet to set.
 *
 * Everything here is data the department may copy into a provincial policy set and edit (a province may
 * set a higher base level or higher coefficients: Art. 4(3)); nothing in the engine depends on it.
 */

const DECREE = 'Nghị định 20/2021/NĐ-CP';
const DIRECTIVE = 'Công văn 3715/UBND-KGVX ngày 15/08/2022 (đề xuất)';

/** Art. 4(2): 360,000 VND from 2021-07-01; Decree 76/2024/NĐ-CP: 500,000 VND from 2024-07-01. */
export const nationalBaseLevels: BaseLevel[] = [
  { effectiveFrom: '2021-07-01', vnd: 360_000, legalBasis: `${DECREE}, Điều 4 khoản 2` },
  { effectiveFrom: '2024-07-01', vnd: 500_000, legalBasis: 'Nghị định 76/2024/NĐ-CP' },
];

/** Art. 24(1)–(3): the residents the state nurtures (k1, k2, k3). */
export const STATE_GROUPS: ResidentGroup[] = [
  'k1_child_no_support',
  'k1_poor_child_hiv',
  'k1_elderly',
  'k1_disability',
  'k2_emergency',
  'k3_administrative',
];

const stateGroups: Predicate = { op: 'group_in', groups: STATE_GROUPS };
const notStateGroups: Predicate = { op: 'not', of: stateGroups };

/**
 * Who the age limit applies to: residents admitted as children. The child groups of Art. 24(1)(a)
 * always; emergency (k2) and administrative (k3) residents who were under 16 at admission. Not the
 * elderly, and not people with disabilities: Art. 24(1)(c) covers adults with disabilities in their own
 * right, so a child with disabilities who turns 16 stays eligible under the disability law.
 */
export const ADMITTED_AS_CHILD: Predicate = {
  op: 'any',
  of: [
    { op: 'group_in', groups: ['k1_child_no_support', 'k1_poor_child_hiv'] },
    {
      op: 'all',
      of: [
        { op: 'group_in', groups: ['k2_emergency', 'k3_administrative'] },
        { op: 'age', cmp: 'lt', years: 16, at: 'admission' },
      ],
    },
  ],
};

/** Art. 30(2)(d), Art. 26(2): support stops at 16, or continues while studying but not at 22. */
export const CHILD_AGE_LIMIT: Limit = {
  kind: 'age',
  years: 16,
  whileStudyingUntilYears: 22,
  appliesTo: ADMITTED_AS_CHILD,
};

/** Art. 24(4): emergency protection lasts at most 3 months. */
export const EMERGENCY_LIMIT: Limit = {
  kind: 'emergency_stay',
  months: 3,
  appliesTo: { op: 'group_in', groups: ['k2_emergency'] },
};

const stateLimits: Limit[] = [CHILD_AGE_LIMIT, EMERGENCY_LIMIT];

export const RULE_CODES = {
  nurturing: 'NURTURING_ALLOWANCE',
  healthInsurance: 'HEALTH_INSURANCE_CARD',
  medicines: 'COMMON_MEDICINES',
  burial: 'BURIAL_SUPPORT',
  noCommunityAllowance: 'NO_COMMUNITY_ALLOWANCE',
  voluntaryNoAllowance: 'VOLUNTARY_NO_STATE_ALLOWANCE',
  careCostWithIncome: 'D3715_CARE_COST_WITH_INCOME',
  childOfDisabledParents: 'D3715_CHILD_OF_DISABLED_PARENTS',
  childParentLeft: 'D3715_CHILD_PARENT_LEFT',
  lonelyElderly: 'D3715_LONELY_ELDERLY',
} as const;

export const statutoryRules: PolicyRule[] = [
  {
    code: RULE_CODES.nurturing,
    title: { vi: 'Trợ cấp nuôi dưỡng hàng tháng', en: 'Monthly nurturing allowance' },
    legalBasis: `${DECREE}, Điều 25 khoản 1; Điều 26 khoản 2; Điều 30 khoản 2 điểm d`,
    kind: 'monthly',
    predicate: stateGroups,
    amount: {
      kind: 'base_coefficient_by_age',
      tiers: [
        { belowAgeYears: 4, coefficient: 5, label: { vi: 'Trẻ em dưới 4 tuổi', en: 'Child under 4' } },
        { coefficient: 4, label: { vi: 'Từ đủ 4 tuổi trở lên', en: 'Aged 4 or over' } },
      ],
    },
    limits: stateLimits,
    effectiveFrom: '2021-07-01',
    status: 'in_force',
  },
  {
    code: RULE_CODES.healthInsurance,
    title: { vi: 'Cấp thẻ bảo hiểm y tế', en: 'Health-insurance card' },
    legalBasis: `${DECREE}, Điều 25 khoản 2`,
    kind: 'in_kind',
    predicate: stateGroups,
    amount: { kind: 'in_kind' },
    limits: stateLimits,
    effectiveFrom: '2021-07-01',
    status: 'in_force',
  },
  {
    code: RULE_CODES.medicines,
    title: { vi: 'Thuốc chữa bệnh thông thường', en: 'Common medicines' },
    legalBasis: `${DECREE}, Điều 25 khoản 4`,
    kind: 'monthly',
    predicate: stateGroups,
    amount: { kind: 'up_to', capVnd: 100_000 },
    limits: stateLimits,
    effectiveFrom: '2021-07-01',
    status: 'in_force',
    note: {
      vi: 'Theo chi phí thực tế, tối đa 100.000 đ/người/tháng; mức trần là dữ liệu, có thể điều chỉnh.',
      en: 'At actual cost, at most 100,000 VND per person per month; the ceiling is data and can be changed.',
    },
  },
  {
    code: RULE_CODES.burial,
    title: { vi: 'Hỗ trợ chi phí mai táng', en: 'Burial support' },
    legalBasis: `${DECREE}, Điều 25 khoản 3`,
    kind: 'one_off',
    predicate: { op: 'all', of: [stateGroups, { op: 'discharged_in_month', reasons: ['deceased'] }] },
    amount: { kind: 'base_multiple', multiple: 50 },
    limits: stateLimits,
    effectiveFrom: '2021-07-01',
    status: 'in_force',
  },
  {
    code: RULE_CODES.noCommunityAllowance,
    title: {
      vi: 'Không được hưởng đồng thời trợ cấp xã hội hàng tháng tại cộng đồng (Điều 6)',
      en: 'No community monthly social allowance (Art. 6) at the same time',
    },
    legalBasis: `${DECREE}, Điều 25 khoản 5`,
    kind: 'exclusion',
    predicate: { op: 'rule', code: RULE_CODES.nurturing },
    amount: { kind: 'none' },
    effectiveFrom: '2021-07-01',
    status: 'in_force',
    excludes: ['COMMUNITY_MONTHLY_SOCIAL_ALLOWANCE'],
  },
  {
    code: RULE_CODES.voluntaryNoAllowance,
    title: {
      vi: 'Không hưởng trợ cấp nuôi dưỡng của Nhà nước; chi phí theo hợp đồng dịch vụ',
      en: 'No state nurturing allowance; care is paid under the service contract',
    },
    legalBasis: `${DECREE}, Điều 24 khoản 5; Điều 25`,
    kind: 'exclusion',
    predicate: { op: 'group_in', groups: ['k5_voluntary'] },
    amount: { kind: 'none' },
    effectiveFrom: '2021-07-01',
    status: 'in_force',
  },
];

/**
 * Directive 3715/UBND-KGVX (2022-08-15): groups national rules leave uncovered. Proposed, with placeholder
 * amounts of 0 (`amountIsPlaceholder`): planners set who, how much and from when, preview the cost with
 * `include: 'in_force_and_proposed'`, then adopt (status 'in_force', real effectiveFrom).
 */
export const directive3715Rules: PolicyRule[] = [
  {
    code: RULE_CODES.careCostWithIncome,
    title: {
      vi: 'Hỗ trợ chi phí chăm sóc, nuôi dưỡng cho người có lương hưu, trợ cấp mất sức lao động hoặc trợ cấp người có công, hoàn cảnh khó khăn',
      en: 'Care-cost support for residents with a pension, labour-capacity-loss or meritorious-services allowance in difficult circumstances',
    },
    legalBasis: `${DIRECTIVE}, nhóm 1`,
    kind: 'monthly',
    predicate: {
      op: 'all',
      of: [
        notStateGroups,
        {
          op: 'any',
          of: [
            { op: 'income', kind: 'pension' },
            { op: 'income', kind: 'labourCapacityLoss' },
            { op: 'income', kind: 'meritoriousAllowance' },
          ],
        },
        { op: 'flag', flag: 'especiallyDifficult' },
      ],
    },
    amount: { kind: 'percent_of_care_cost', percent: 0 },
    effectiveFrom: '2022-08-15',
    status: 'proposed',
    amountIsPlaceholder: true,
  },
  {
    code: RULE_CODES.childOfDisabledParents,
    title: {
      vi: 'Hỗ trợ trẻ em có cha và mẹ đều là người khuyết tật',
      en: 'Support for children whose parents both have disabilities',
    },
    legalBasis: `${DIRECTIVE}, nhóm 2`,
    kind: 'monthly',
    predicate: { op: 'all', of: [notStateGroups, { op: 'flag', flag: 'bothParentsDisabled' }] },
    amount: { kind: 'base_coefficient', coefficient: 0 },
    limits: [{ kind: 'age', years: 16 }],
    effectiveFrom: '2022-08-15',
    status: 'proposed',
    amountIsPlaceholder: true,
  },
  {
    code: RULE_CODES.childParentLeft,
    title: {
      vi: 'Hỗ trợ trẻ em dưới 16 tuổi có cha hoặc mẹ bỏ đi nhưng chưa bị tuyên bố mất tích, không có nguồn nuôi dưỡng',
      en: 'Support for children under 16 with a parent who left but is not declared missing, and no means of support',
    },
    legalBasis: `${DIRECTIVE}, nhóm 3`,
    kind: 'monthly',
    predicate: {
      op: 'all',
      of: [
        notStateGroups,
        { op: 'flag', flag: 'parentLeftNotMissing' },
        { op: 'flag', flag: 'noMeansOfSupport' },
      ],
    },
    amount: { kind: 'base_coefficient', coefficient: 0 },
    limits: [{ kind: 'age', years: 16 }],
    effectiveFrom: '2022-08-15',
    status: 'proposed',
    amountIsPlaceholder: true,
  },
  {
    code: RULE_CODES.lonelyElderly,
    title: {
      vi: 'Hỗ trợ người cao tuổi neo đơn có hoàn cảnh đặc biệt khó khăn',
      en: 'Support for lonely elderly people in especially difficult circumstances',
    },
    legalBasis: `${DIRECTIVE}, nhóm 4`,
    kind: 'monthly',
    predicate: {
      op: 'all',
      of: [
        notStateGroups,
        { op: 'flag', flag: 'lonelyElderly' },
        { op: 'flag', flag: 'especiallyDifficult' },
      ],
    },
    amount: { kind: 'fixed', vnd: 0 },
    effectiveFrom: '2022-08-15',
    status: 'proposed',
    amountIsPlaceholder: true,
  },
];

/** The national rules plus the directive 3715 proposals, as one policy set. */
export const statutoryPolicySet: PolicySet = {
  id: 'vn-nd20-2021',
  version: '2024-07-01',
  title: {
    vi: 'Chế độ tại cơ sở trợ giúp xã hội theo Nghị định 20/2021/NĐ-CP và đề xuất theo Công văn 3715/UBND-KGVX',
    en: 'Facility entitlements under Decree 20/2021/NĐ-CP and the directive 3715/UBND-KGVX proposals',
  },
  baseLevels: nationalBaseLevels,
  rules: [...statutoryRules, ...directive3715Rules],
};
