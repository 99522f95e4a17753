import {
  assessedSystemValues,
  fundingSourceValues,
  proposalCategoryValues,
  proposalStatusValues,
} from '@ansinh/domain/capacity/proposals';
import { z } from 'zod';
import {
  excelFile,
  isoDate,
  nullableText,
  pageInput,
  pageOf,
  searchText,
  sortDirection,
  text,
} from './common.ts';
import { activeLanguage } from './messages.ts';

/**
 * Investment and upgrade proposals (what a centre asks the department to fund), their workflow and
 * conversation, the dashboard totals, the needs offered as draft proposals, and facility condition
 * assessments.
 */

export { excelFile };

export const proposalStatuses = proposalStatusValues;
export const proposalCategories = proposalCategoryValues;
export const proposalFundingSources = fundingSourceValues;
export const proposalPriorities = ['high', 'medium', 'low'] as const;
export const assessedSystems = assessedSystemValues;

export type ProposalStatus = (typeof proposalStatuses)[number];
export type ProposalCategory = (typeof proposalCategories)[number];
export type ProposalFundingSource = (typeof proposalFundingSources)[number];
export type ProposalPriority = (typeof proposalPriorities)[number];
export type AssessedSystem = (typeof assessedSystems)[number];

/** Messages of the rules below, in both languages (the active one is chosen in messages.ts). */
const messages = {
  vi: {
    rejectionComment: 'Cần ghi lý do khi không phê duyệt đề xuất',
    duplicateSystem: 'Mỗi hạng mục chỉ được đánh giá một lần',
    futureDate: 'Ngày không được ở tương lai',
    suggestionGone: 'Nhu cầu này không còn trong danh sách gợi ý; vui lòng tải lại',
    categoryRequired: 'Vui lòng chọn loại đầu tư',
  },
  en: {
    rejectionComment: 'Give the reason when rejecting a proposal',
    duplicateSystem: 'Each system is rated once',
    futureDate: 'The date cannot be in the future',
    suggestionGone: 'This need is no longer suggested; reload the list',
    categoryRequired: 'Choose a category',
  },
} as const;
export type InvestmentMessage = keyof (typeof messages)['vi'];
export const investmentText = (key: InvestmentMessage): string => messages[activeLanguage()][key];

/** Whole VND, above zero; bigint in the database, and exact as a JS number up to 2^53. */
const costVnd = z.int().min(1).max(1_000_000_000_000_000);

const fields = {
  item: text(3, 300),
  category: z.enum(proposalCategories),
  estimatedCostVnd: costVnd,
  priority: z.enum(proposalPriorities),
  requestedYear: z.int().min(2000).max(2100),
  fundingSource: z.enum(proposalFundingSources),
  justification: nullableText(4000),
};

export const proposalInput = z.object({
  facilityId: z.uuid(),
  ...fields,
  justification: fields.justification.default(null),
});
export type ProposalInput = z.infer<typeof proposalInput>;
export type ProposalFormValues = z.input<typeof proposalInput>;

/** Only the fields sent change; `version` is the one the editor loaded. */
export const proposalUpdateInput = z
  .object(fields)
  .partial()
  .extend({ id: z.uuid(), version: z.int().min(1) });
export type ProposalUpdateInput = z.infer<typeof proposalUpdateInput>;

/** A step of the workflow. Rejecting requires a comment (the reason goes on record). */
export const proposalMoveInput = z
  .object({
    id: z.uuid(),
    to: z.enum(proposalStatuses),
    comment: nullableText(4000).default(null),
    version: z.int().min(1),
  })
  .superRefine((value, ctx) => {
    if (value.to === 'rejected' && !value.comment) {
      ctx.addIssue({ code: 'custom', path: ['comment'], message: investmentText('rejectionComment') });
    }
  });
export type ProposalMoveInput = z.infer<typeof proposalMoveInput>;

export const proposalCommentInput = z.object({ id: z.uuid(), text: text(1, 4000) });

export const proposal = z.object({
  id: z.uuid(),
  facilityId: z.uuid(),
  facilityCode: z.string(),
  facilityName: z.string(),
  item: z.string(),
  category: z.enum(proposalCategories),
  estimatedCostVnd: z.number(),
  priority: z.enum(proposalPriorities),
  requestedYear: z.int(),
  fundingSource: z.enum(proposalFundingSources),
  status: z.enum(proposalStatuses),
  origin: z.record(z.string(), z.unknown()).nullable(),
  justification: z.string().nullable(),
  version: z.int(),
  createdByName: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Proposal = z.infer<typeof proposal>;

export const proposalEvent = z.object({
  id: z.uuid(),
  fromStatus: z.enum(proposalStatuses).nullable(),
  toStatus: z.enum(proposalStatuses).nullable(),
  comment: z.string().nullable(),
  actorName: z.string(),
  at: z.date(),
});
export type ProposalEvent = z.infer<typeof proposalEvent>;

export const proposalDetail = proposal.extend({
  events: z.array(proposalEvent),
  /** Where the caller may move it now (in workflow order), and whether they may edit it. */
  allowedMoves: z.array(z.enum(proposalStatuses)),
  canEdit: z.boolean(),
});
export type ProposalDetail = z.infer<typeof proposalDetail>;

export const proposalSortFields = [
  'item',
  'facilityName',
  'estimatedCostVnd',
  'requestedYear',
  'priority',
  'status',
  'createdAt',
  'updatedAt',
] as const;

export const proposalFilter = z.object({
  search: searchText,
  facilityId: z.uuid().optional(),
  status: z.enum(proposalStatuses).optional(),
  category: z.enum(proposalCategories).optional(),
  fundingSource: z.enum(proposalFundingSources).optional(),
  requestedYear: z.int().min(2000).max(2100).optional(),
  sort: z
    .object({ field: z.enum(proposalSortFields), direction: sortDirection })
    .default({ field: 'updatedAt', direction: 'desc' }),
});
export type ProposalFilter = z.infer<typeof proposalFilter>;
export const proposalListInput = proposalFilter.extend(pageInput);
export type ProposalListInput = z.input<typeof proposalListInput>;
export const proposalPage = pageOf(proposal);

// ---- totals for the dashboard --------------------------------------------------------------------

export const totalsInput = z.object({ facilityId: z.uuid().optional() }).default({});

const sums = {
  count: z.int(),
  costVnd: z.number(),
};
/**
 * By status: every proposal. By year and by funding source: the proposals sent to the department and
 * not rejected (drafts are the centre's unsent work), with the part approved or further.
 */
export const proposalTotals = z.object({
  byStatus: z.array(z.object({ status: z.enum(proposalStatuses), ...sums })),
  byYear: z.array(z.object({ year: z.int(), ...sums, approvedVnd: z.number() })),
  byFundingSource: z.array(
    z.object({ fundingSource: z.enum(proposalFundingSources), ...sums, approvedVnd: z.number() }),
  ),
});
export type ProposalTotals = z.infer<typeof proposalTotals>;

// ---- needs offered as draft proposals ----------------------------------------------------------

export const suggestionKinds = ['space', 'staffing', 'equipment_past_life', 'equipment_shortfall'] as const;
export type SuggestionKind = (typeof suggestionKinds)[number];

export const suggestion = z.object({
  /** Stable for the same need: 'space:bedroom', 'staffing:carer', 'equipment:shortfall:<model>', … */
  key: z.string(),
  kind: z.enum(suggestionKinds),
  /** Pre-filled; null for staffing (recruitment is not one of the investment categories: the user picks). */
  category: z.enum(proposalCategories).nullable(),
  item: z.string(),
  justification: z.string(),
  /** A hint only (e.g. the cost of the items to replace); null when nothing suggests a figure. */
  costHintVnd: z.number().nullable(),
  /** The figures behind the need, as stored in the proposal's origin. */
  facts: z.record(z.string(), z.unknown()),
  /** An open proposal (not rejected or completed) already made from this need. */
  proposedAs: z.object({ id: z.uuid(), status: z.enum(proposalStatuses) }).nullable(),
});
export type Suggestion = z.infer<typeof suggestion>;

export const suggestionsInput = z.object({ facilityId: z.uuid() });
export const suggestionList = z.object({
  facilityId: z.uuid(),
  onDate: z.string(),
  suggestions: z.array(suggestion),
});
export type SuggestionList = z.infer<typeof suggestionList>;

/**
 * A draft from a suggestion: the server finds the need again (so the origin it stores is its own),
 * the person's fields win over the pre-filled ones. The category is required when the need has none.
 */
export const createFromSuggestionInput = z.object({
  facilityId: z.uuid(),
  key: z.string().min(1).max(200),
  item: fields.item.optional(),
  category: fields.category.optional(),
  estimatedCostVnd: costVnd,
  priority: fields.priority,
  requestedYear: fields.requestedYear,
  fundingSource: fields.fundingSource,
  justification: fields.justification.optional(),
});
export type CreateFromSuggestionInput = z.infer<typeof createFromSuggestionInput>;

// ---- assessments ---------------------------------------------------------------------------------

export const assessmentListInput = z.object({ facilityId: z.uuid() });

export const assessmentInput = z.object({
  facilityId: z.uuid(),
  assessedOn: isoDate,
  notes: nullableText(4000).default(null),
  ratings: z
    .array(
      z.object({
        system: z.enum(assessedSystems),
        /** 1 = unusable … 5 = good as new. */
        score: z.int().min(1).max(5),
        notes: nullableText(2000).default(null),
      }),
    )
    .min(1)
    .max(assessedSystems.length)
    .superRefine((ratings, ctx) => {
      const seen = new Set<string>();
      ratings.forEach((rating, i) => {
        if (seen.has(rating.system)) {
          ctx.addIssue({ code: 'custom', path: [i, 'system'], message: investmentText('duplicateSystem') });
        }
        seen.add(rating.system);
      });
    }),
});
export type AssessmentInput = z.infer<typeof assessmentInput>;
export type AssessmentFormValues = z.input<typeof assessmentInput>;

export const assessment = z.object({
  id: z.uuid(),
  facilityId: z.uuid(),
  facilityName: z.string(),
  assessedOn: z.string(),
  assessedByName: z.string().nullable(),
  notes: z.string().nullable(),
  ratings: z.array(
    z.object({ system: z.enum(assessedSystems), score: z.int(), notes: z.string().nullable() }),
  ),
  /** The lowest score (the system in the worst state), for lists. */
  lowestScore: z.int().nullable(),
  createdAt: z.date(),
});
export type Assessment = z.infer<typeof assessment>;

// ---- labels (the export and the screens) ---------------------------------------------------------

type Lang = 'vi' | 'en';

export const proposalStatusLabels: Record<Lang, Record<ProposalStatus, string>> = {
  vi: {
    draft: 'Dự thảo',
    submitted: 'Đã gửi Sở',
    under_review: 'Đang thẩm định',
    approved: 'Đã phê duyệt',
    rejected: 'Không phê duyệt',
    funded: 'Đã bố trí vốn',
    completed: 'Đã hoàn thành',
  },
  en: {
    draft: 'Draft',
    submitted: 'Submitted',
    under_review: 'Under review',
    approved: 'Approved',
    rejected: 'Rejected',
    funded: 'Funded',
    completed: 'Completed',
  },
};

export const proposalCategoryLabels: Record<Lang, Record<ProposalCategory, string>> = {
  vi: {
    construction: 'Xây dựng',
    repair: 'Sửa chữa, cải tạo',
    equipment: 'Trang thiết bị',
    it: 'Công nghệ thông tin',
  },
  en: { construction: 'Construction', repair: 'Repair and renovation', equipment: 'Equipment', it: 'IT' },
};

export const proposalFundingLabels: Record<Lang, Record<ProposalFundingSource, string>> = {
  vi: {
    provincial_budget: 'Ngân sách tỉnh',
    central: 'Ngân sách trung ương',
    socialised: 'Xã hội hóa',
    other: 'Nguồn khác',
  },
  en: {
    provincial_budget: 'Provincial budget',
    central: 'Central budget',
    socialised: 'Private contributions',
    other: 'Other',
  },
};

export const proposalPriorityLabels: Record<Lang, Record<ProposalPriority, string>> = {
  vi: { high: 'Cao', medium: 'Trung bình', low: 'Thấp' },
  en: { high: 'High', medium: 'Medium', low: 'Low' },
};

export const assessedSystemLabels: Record<Lang, Record<AssessedSystem, string>> = {
  vi: {
    roof: 'Mái',
    water: 'Cấp thoát nước',
    electricity: 'Hệ thống điện',
    fire_safety: 'Phòng cháy chữa cháy',
    accessibility: 'Tiếp cận cho người khuyết tật',
    kitchen: 'Bếp ăn',
  },
  en: {
    roof: 'Roof',
    water: 'Water and drainage',
    electricity: 'Electricity',
    fire_safety: 'Fire safety',
    accessibility: 'Accessibility',
    kitchen: 'Kitchen',
  },
};
