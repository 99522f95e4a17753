import { DomainError } from '@ansinh/domain/errors';
import { can } from '@ansinh/domain/roles';
import {
  assessment,
  assessmentInput,
  assessmentListInput,
  createFromSuggestionInput,
  excelFile,
  proposalCommentInput,
  proposalDetail,
  proposalEvent,
  proposalFilter,
  proposalInput,
  proposalListInput,
  proposalMoveInput,
  proposalPage,
  proposalTotals,
  proposalUpdateInput,
  suggestionList,
  suggestionsInput,
  totalsInput,
} from '@ansinh/schemas/investment';
import { z } from 'zod';
import { today } from '../config.ts';
import { workbookBase64 } from '../excel.ts';
import { createAssessment, getAssessment, listAssessments } from '../services/assessments.ts';
import { investmentTotalsExportInput, investmentTotalsWorkbook } from '../services/dashboard-export.ts';
import {
  commentOnProposal,
  createProposal,
  getProposal,
  listProposals,
  moveProposal,
  proposalExportColumns,
  proposalsForExport,
  proposalTotals as totals,
  updateProposal,
} from '../services/investment.ts';
import { createFromSuggestion, proposalSuggestions } from '../services/investment-suggestions.ts';
import { authedProcedure, procedureFor, router } from '../trpc.ts';

const read = procedureFor('proposal.read');
const draft = procedureFor('proposal.draft');

/**
 * A move is the centre's (submit, withdraw, back to draft) or the department's (review, decide, fund,
 * complete): the caller needs one of the two actions, and the service checks that the move is theirs.
 */
const mover = authedProcedure.use(({ ctx, next }) => {
  if (!can(ctx.user.role, 'proposal.draft') && !can(ctx.user.role, 'proposal.review')) {
    throw new DomainError('FORBIDDEN', { action: 'proposal.move' });
  }
  return next();
});

const assessmentsRouter = router({
  list: read
    .input(assessmentListInput)
    .output(z.array(assessment))
    .query(({ ctx, input }) => listAssessments(ctx.db, ctx.user.scope, input.facilityId)),
  byId: read
    .input(z.object({ id: z.uuid() }))
    .output(assessment)
    .query(({ ctx, input }) => getAssessment(ctx.db, ctx.user.scope, input.id)),
  create: procedureFor('assessment.write')
    .input(assessmentInput)
    .output(assessment)
    .mutation(({ ctx, input }) => createAssessment(ctx.db, ctx.user, ctx.meta, input, today(ctx.config))),
});

export const investmentRouter = router({
  assessments: assessmentsRouter,
  list: read
    .input(proposalListInput)
    .output(proposalPage)
    .query(({ ctx, input }) => listProposals(ctx.db, ctx.user.scope, input)),
  export: read
    .input(proposalFilter)
    .output(excelFile)
    .query(async ({ ctx, input }) => {
      const rows = await proposalsForExport(ctx.db, ctx.user.scope, input);
      return {
        filename: `de-xuat-dau-tu-${today(ctx.config)}.xlsx`,
        base64: await workbookBase64('Đề xuất đầu tư', proposalExportColumns, rows),
      };
    }),
  byId: read
    .input(z.object({ id: z.uuid() }))
    .output(proposalDetail)
    .query(({ ctx, input }) => getProposal(ctx.db, ctx.user, input.id)),
  create: draft
    .input(proposalInput)
    .output(proposalDetail)
    .mutation(({ ctx, input }) => createProposal(ctx.db, ctx.user, ctx.meta, input)),
  update: draft
    .input(proposalUpdateInput)
    .output(proposalDetail)
    .mutation(({ ctx, input }) => updateProposal(ctx.db, ctx.user, ctx.meta, input)),
  move: mover
    .input(proposalMoveInput)
    .output(proposalDetail)
    .mutation(({ ctx, input }) => moveProposal(ctx.db, ctx.user, ctx.meta, input)),
  comment: read
    .input(proposalCommentInput)
    .output(proposalEvent)
    .mutation(({ ctx, input }) => commentOnProposal(ctx.db, ctx.user, ctx.meta, input)),
  totals: read
    .input(totalsInput)
    .output(proposalTotals)
    .query(({ ctx, input }) => totals(ctx.db, ctx.user.scope, input)),
  totalsExport: read
    .input(investmentTotalsExportInput)
    .output(excelFile)
    .query(({ ctx, input }) => investmentTotalsWorkbook(ctx.db, ctx.user.scope, input, today(ctx.config))),
  suggestions: read
    .input(suggestionsInput)
    .output(suggestionList)
    .query(({ ctx, input }) =>
      proposalSuggestions(ctx.db, ctx.user.scope, input.facilityId, today(ctx.config)),
    ),
  createFromSuggestion: draft
    .input(createFromSuggestionInput)
    .output(proposalDetail)
    .mutation(({ ctx, input }) => createFromSuggestion(ctx.db, ctx.user, ctx.meta, input, today(ctx.config))),
});
