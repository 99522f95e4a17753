import { policyRuleSchema } from '@ansinh/domain/entitlements/policy';
import { z } from 'zod';
import { isoDate } from './common.ts';
import { yearMonth } from './entitlement.ts';
import { residentGroups } from './resident.ts';

export type { PolicyRule } from '@ansinh/domain/entitlements/policy';
export { policyRuleSchema };

export const storedRule = z.object({
  id: z.uuid(),
  version: z.int(),
  rule: policyRuleSchema,
  adoptedAt: z.date().nullable(),
  updatedAt: z.date(),
});
export type StoredRule = z.infer<typeof storedRule>;

export const baseLevel = z.object({
  effectiveFrom: z.string(),
  vnd: z.int(),
  legalBasis: z.string().nullable(),
});

export const policyOverview = z.object({ baseLevels: z.array(baseLevel), rules: z.array(storedRule) });

export const ruleCreateInput = z.object({ rule: policyRuleSchema });
/** Only proposals are edited; rules in force change by adopting a new dated version. */
export const ruleUpdateInput = z.object({ id: z.uuid(), version: z.int().min(1), rule: policyRuleSchema });
export const ruleAdoptInput = z.object({ id: z.uuid(), version: z.int().min(1), effectiveFrom: isoDate });
export const ruleArchiveInput = z.object({ id: z.uuid(), version: z.int().min(1) });
export const baseLevelInput = z.object({
  effectiveFrom: isoDate,
  vnd: z.int().min(1).max(100_000_000),
  legalBasis: z.string().trim().min(3).max(200),
});

/**
 * A what-if: the stored rules with some replaced or added (edited proposals, not saved), evaluated for
 * everyone in care in the month. Proposed rules count, as that is the point of a preview.
 */
export const previewInput = z.object({
  month: yearMonth,
  rules: z.array(policyRuleSchema).max(50).default([]),
});
const costLine = z.object({ qualifying: z.int(), unknown: z.int(), monthlyVnd: z.int() });
export const preview = z.object({
  month: z.string(),
  residentCount: z.int(),
  monthlyVnd: z.int(),
  annualVnd: z.int(),
  byRule: z.array(costLine.extend({ code: z.string(), status: z.string(), isPlaceholder: z.boolean() })),
  byFacility: z.array(costLine.extend({ facilityId: z.uuid(), facilityName: z.string() })),
  byGroup: z.array(costLine.extend({ group: z.enum(residentGroups) })),
});
export type Preview = z.infer<typeof preview>;
export { yearMonth };
