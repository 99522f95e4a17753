import { z } from 'zod';
import { pageInput, pageOf } from './common.ts';
import { ruleMessage } from './messages.ts';
import { residentGroups } from './resident.ts';

export const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, ruleMessage('monthFormat'));

const bilingual = z.object({ vi: z.string(), en: z.string() });

/** One rule's verdict for one resident and month, as the engine explains it. */
export const ruleOutcome = z.object({
  ruleCode: z.string(),
  title: bilingual,
  status: z.enum(['in_force', 'proposed', 'archived']),
  kind: z.enum(['monthly', 'one_off', 'in_kind', 'exclusion']),
  qualifies: z.union([z.boolean(), z.literal('unknown')]),
  amountVnd: z.int(),
  monthlyAmountVnd: z.int(),
  isCeiling: z.boolean(),
  daysEligible: z.int(),
  daysInMonth: z.int(),
  explanation: bilingual,
  missingFacts: z.array(z.string()),
  legalBasis: z.string(),
});
export type RuleOutcomeView = z.infer<typeof ruleOutcome>;

export const residentMonthInput = z.object({ residentId: z.uuid(), month: yearMonth });
export const residentMonth = z.object({
  month: z.string(),
  outcomes: z.array(ruleOutcome),
  totalVnd: z.int(),
});

export const residentHistoryInput = z.object({ residentId: z.uuid(), from: yearMonth, to: yearMonth });
export const residentHistory = z.array(
  z.object({
    month: z.string(),
    totalVnd: z.int(),
    amounts: z.record(z.string(), z.int()),
    unknownRules: z.array(z.string()),
  }),
);

export const rollInput = z.object({ month: yearMonth, facilityId: z.uuid().optional(), ...pageInput });
export const rollRule = z.object({ code: z.string(), title: bilingual, kind: ruleOutcome.shape.kind });
export const rollRow = z.object({
  residentId: z.uuid(),
  fullName: z.string(),
  birthDate: z.string(),
  group: z.enum(residentGroups),
  facilityName: z.string(),
  amounts: z.record(z.string(), z.int()),
  totalVnd: z.int(),
  /** Rules that could not be decided for lack of facts. */
  unknownRules: z.array(z.string()),
});
export type RollRow = z.infer<typeof rollRow>;
export const roll = pageOf(rollRow).extend({
  month: z.string(),
  rules: z.array(rollRule),
  totals: z.record(z.string(), z.int()),
  grandTotalVnd: z.int(),
  residentsWithUnknown: z.int(),
});
export type Roll = z.infer<typeof roll>;

export const rollExportInput = z.object({ month: yearMonth, facilityId: z.uuid().optional() });
