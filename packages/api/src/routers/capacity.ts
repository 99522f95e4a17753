import {
  assignBedInput,
  bedHistoryEntry,
  bedsCreateInput,
  bedUpdateInput,
  capacityDashboardInput,
  capacityDashboard as capacityDashboardOutput,
  dashboardExportInput,
  facilityBeds as facilityBedsOutput,
  moveBedInput,
  occupancyHistoryInput,
  occupancyHistory as occupancyHistoryOutput,
  releaseBedInput,
  roomInput,
  roomUpdateInput,
} from '@ansinh/schemas/capacity';
import { excelFile } from '@ansinh/schemas/common';
import { z } from 'zod';
import { today } from '../config.ts';
import type { Context, SessionUser } from '../context.ts';
import {
  assignBed,
  type BedWork,
  bedHistory,
  createBeds,
  createRoom,
  deleteRoom,
  facilityBeds,
  moveBed,
  releaseBed,
  updateBed,
  updateRoom,
} from '../services/beds.ts';
import { dashboardWorkbook } from '../services/capacity-export.ts';
import { capacityDashboard, occupancyHistory } from '../services/occupancy.ts';
import { procedureFor, router } from '../trpc.ts';

const read = procedureFor('capacity.read');
const manage = procedureFor('beds.manage');

const work = (ctx: Context & { user: SessionUser }): BedWork => ({
  db: ctx.db,
  actor: ctx.user,
  meta: ctx.meta,
  onDate: today(ctx.config),
});

export const capacityRouter = router({
  beds: read
    .input(z.object({ facilityId: z.uuid(), onDate: z.iso.date().optional() }))
    .output(facilityBedsOutput)
    .query(({ ctx, input }) =>
      facilityBeds(ctx.db, ctx.user.scope, input.facilityId, input.onDate ?? today(ctx.config)),
    ),
  dashboard: read
    .input(capacityDashboardInput)
    .output(capacityDashboardOutput)
    .query(({ ctx, input }) =>
      capacityDashboard(ctx.db, ctx.user.scope, input.facilityId, today(ctx.config)),
    ),
  occupancyHistory: read
    .input(occupancyHistoryInput)
    .output(occupancyHistoryOutput)
    .query(({ ctx, input }) => occupancyHistory(ctx.db, ctx.user.scope, input, today(ctx.config))),
  dashboardExport: read
    .input(dashboardExportInput)
    .output(excelFile)
    .query(({ ctx, input }) => dashboardWorkbook(ctx.db, ctx.user.scope, input, today(ctx.config))),
  bedHistory: read
    .input(z.object({ bedId: z.uuid() }))
    .output(z.array(bedHistoryEntry))
    .query(({ ctx, input }) => bedHistory(ctx.db, ctx.user.scope, input.bedId)),
  createRoom: manage
    .input(roomInput)
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => createRoom(work(ctx), input)),
  updateRoom: manage
    .input(roomUpdateInput)
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => updateRoom(work(ctx), input)),
  deleteRoom: manage
    .input(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => deleteRoom(work(ctx), input.id)),
  createBeds: manage
    .input(bedsCreateInput)
    .output(z.array(z.object({ id: z.uuid(), code: z.string() })))
    .mutation(({ ctx, input }) => createBeds(work(ctx), input)),
  updateBed: manage
    .input(bedUpdateInput)
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => updateBed(work(ctx), input)),
  assignBed: manage.input(assignBedInput).mutation(({ ctx, input }) => assignBed(work(ctx), input)),
  moveBed: manage.input(moveBedInput).mutation(({ ctx, input }) => moveBed(work(ctx), input)),
  releaseBed: manage.input(releaseBedInput).mutation(({ ctx, input }) => releaseBed(work(ctx), input)),
});
