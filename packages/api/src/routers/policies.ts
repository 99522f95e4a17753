import {
  baseLevel,
  baseLevelInput,
  policyOverview as overviewOutput,
  preview,
  previewInput,
  ruleAdoptInput,
  ruleArchiveInput,
  ruleCreateInput,
  ruleUpdateInput,
  storedRule,
} from '@ansinh/schemas/policy';
import { previewScenario } from '../services/entitlements.ts';
import {
  adoptRule,
  archiveRule,
  createRule,
  policyOverview,
  setBaseLevel,
  updateRule,
} from '../services/policies.ts';
import { procedureFor, router } from '../trpc.ts';

const manage = procedureFor('policy.manage');

export const policiesRouter = router({
  overview: procedureFor('policy.read')
    .output(overviewOutput)
    .query(({ ctx }) => policyOverview(ctx.db)),
  create: manage
    .input(ruleCreateInput)
    .output(storedRule)
    .mutation(({ ctx, input }) => createRule(ctx.db, ctx.user, ctx.meta, input)),
  update: manage
    .input(ruleUpdateInput)
    .output(storedRule)
    .mutation(({ ctx, input }) => updateRule(ctx.db, ctx.user, ctx.meta, input)),
  adopt: manage
    .input(ruleAdoptInput)
    .output(storedRule)
    .mutation(({ ctx, input }) => adoptRule(ctx.db, ctx.user, ctx.meta, input)),
  archive: manage
    .input(ruleArchiveInput)
    .output(storedRule)
    .mutation(({ ctx, input }) => archiveRule(ctx.db, ctx.user, ctx.meta, input)),
  setBaseLevel: manage
    .input(baseLevelInput)
    .output(baseLevel)
    .mutation(({ ctx, input }) => setBaseLevel(ctx.db, ctx.user, ctx.meta, input)),
  /** A what-if is read-only but shows unsaved policy drafts, so it is for the people who manage policy. */
  preview: manage
    .input(previewInput)
    .output(preview)
    .query(({ ctx, input }) => previewScenario(ctx.db, input)),
});
