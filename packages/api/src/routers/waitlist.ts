import { DomainError } from '@ansinh/domain/errors';
import { can } from '@ansinh/domain/roles';
import { excelFile } from '@ansinh/schemas/common';
import {
  acceptOfferInput,
  acceptOfferResult,
  applicationDetail,
  applicationFilter,
  applicationInput,
  applicationListInput,
  applicationPage,
  applicationUpdateInput,
  applicationWithdrawInput,
  declineOfferInput,
  offerInput,
  waitlistMetrics,
  waitlistPriorityView,
  withdrawOfferInput,
} from '@ansinh/schemas/waitlist';
import { z } from 'zod';
import { today } from '../config.ts';
import type { Context, SessionUser } from '../context.ts';
import { workbookBase64 } from '../excel.ts';
import { waitlistMetricsExportInput, waitlistMetricsWorkbook } from '../services/dashboard-export.ts';
import {
  createApplication,
  getApplication,
  updateApplication,
  type WaitlistWork,
  withdrawApplication,
} from '../services/waitlist.ts';
import { waitlistExportColumns } from '../services/waitlist-export.ts';
import { applicationsForExport, listApplications, metrics, priorityView } from '../services/waitlist-list.ts';
import { acceptOffer, declineOffer, offerBed, withdrawOffer } from '../services/waitlist-offers.ts';
import { procedureFor, router } from '../trpc.ts';

const read = procedureFor('waitlist.read');
const write = procedureFor('waitlist.write');
/** Offers are made and answered by the people who keep the beds (the bed's facility is checked too). */
const offers = procedureFor('beds.manage');
/** Accepting admits the person: it needs the beds and the right to write resident records. */
const admit = offers.use(({ ctx, next }) => {
  if (!can(ctx.user.role, 'resident.write')) throw new DomainError('FORBIDDEN', { action: 'resident.write' });
  return next();
});

const work = (ctx: Context & { user: SessionUser }): WaitlistWork => ({
  db: ctx.db,
  actor: ctx.user,
  meta: ctx.meta,
  onDate: today(ctx.config),
});

export const waitlistRouter = router({
  list: read
    .input(applicationListInput)
    .output(applicationPage)
    .query(({ ctx, input }) => listApplications(ctx.db, ctx.user.scope, input, today(ctx.config))),
  export: read
    .input(applicationFilter)
    .output(excelFile)
    .query(async ({ ctx, input }) => {
      const onDate = today(ctx.config);
      const rows = await applicationsForExport(ctx.db, ctx.user.scope, input, onDate);
      return {
        filename: `danh-sach-cho-${onDate}.xlsx`,
        base64: await workbookBase64('Danh sách chờ', waitlistExportColumns, rows),
      };
    }),
  byId: read
    .input(z.object({ id: z.uuid() }))
    .output(applicationDetail)
    .query(({ ctx, input }) => getApplication(work(ctx), input.id)),
  priority: read.output(waitlistPriorityView).query(({ ctx }) => priorityView(ctx.db, today(ctx.config))),
  metrics: read
    .output(waitlistMetrics)
    .query(({ ctx }) => metrics(ctx.db, ctx.user.scope, today(ctx.config))),
  metricsExport: read
    .input(waitlistMetricsExportInput)
    .output(excelFile)
    .query(({ ctx, input }) => waitlistMetricsWorkbook(ctx.db, ctx.user.scope, input, today(ctx.config))),
  create: write
    .input(applicationInput)
    .output(applicationDetail)
    .mutation(({ ctx, input }) => createApplication(work(ctx), input)),
  update: write
    .input(applicationUpdateInput)
    .output(applicationDetail)
    .mutation(({ ctx, input }) => updateApplication(work(ctx), input)),
  withdraw: write
    .input(applicationWithdrawInput)
    .output(applicationDetail)
    .mutation(({ ctx, input }) => withdrawApplication(work(ctx), input)),
  offer: offers
    .input(offerInput)
    .output(applicationDetail)
    .mutation(({ ctx, input }) => offerBed(work(ctx), input)),
  declineOffer: offers
    .input(declineOfferInput)
    .output(applicationDetail)
    .mutation(({ ctx, input }) => declineOffer(work(ctx), input)),
  withdrawOffer: offers
    .input(withdrawOfferInput)
    .output(applicationDetail)
    .mutation(({ ctx, input }) => withdrawOffer(work(ctx), input)),
  acceptOffer: admit
    .input(acceptOfferInput)
    .output(acceptOfferResult)
    .mutation(({ ctx, input }) => acceptOffer(work(ctx), input)),
});
