import { excelFile } from '@ansinh/schemas/common';
import {
  importCommit,
  importCommitInput,
  importUpload,
  importUploadInput,
  importValidate,
  importValidateInput,
} from '@ansinh/schemas/import';
import {
  dischargeInput,
  duplicateCheckInput,
  duplicateMatch,
  readmitInput,
  residentCreateInput,
  residentDetail,
  residentFilter,
  residentListInput,
  residentPage,
  residentUpdateInput,
  timelineEntry,
  transferInput,
} from '@ansinh/schemas/resident';
import { z } from 'zod';
import { today } from '../config.ts';
import type { Context, SessionUser } from '../context.ts';
import { workbookBase64 } from '../excel.ts';
import { residentExportColumns } from '../services/resident-export.ts';
import {
  commitImport,
  importTemplate,
  uploadImport,
  validateImportSlice,
} from '../services/resident-import.ts';
import { listResidents, residentsForExport, residentTimeline } from '../services/resident-list.ts';
import {
  createResident,
  dischargeResident,
  findDuplicates,
  getResident,
  type ResidentWork,
  readmitResident,
  transferResident,
  updateResident,
} from '../services/residents.ts';
import { procedureFor, router } from '../trpc.ts';

const read = procedureFor('resident.read');
const write = procedureFor('resident.write');

const work = (ctx: Context & { user: SessionUser }): ResidentWork => ({
  db: ctx.db,
  actor: ctx.user,
  meta: ctx.meta,
  onDate: today(ctx.config),
});

export const residentsRouter = router({
  list: read
    .input(residentListInput)
    .output(residentPage)
    .query(({ ctx, input }) => listResidents(ctx.db, ctx.user.scope, input, today(ctx.config))),
  byId: read
    .input(z.object({ id: z.uuid() }))
    .output(residentDetail)
    .query(({ ctx, input }) => getResident(work(ctx), input.id)),
  checkDuplicates: read
    .input(duplicateCheckInput)
    .output(z.array(duplicateMatch))
    .query(({ ctx, input }) => findDuplicates(ctx.db, ctx.user.scope, input)),
  timeline: read
    .input(z.object({ id: z.uuid() }))
    .output(z.array(timelineEntry))
    .query(async ({ ctx, input }) => {
      await getResident(work(ctx), input.id);
      return residentTimeline(ctx.db, input.id);
    }),
  export: read
    .input(residentFilter)
    .output(excelFile)
    .query(async ({ ctx, input }) => {
      const onDate = today(ctx.config);
      const rows = await residentsForExport(ctx.db, ctx.user.scope, input, onDate);
      return {
        filename: `doi-tuong-${onDate}.xlsx`,
        base64: await workbookBase64('Đối tượng', residentExportColumns, rows),
      };
    }),
  create: write
    .input(residentCreateInput)
    .output(residentDetail)
    .mutation(({ ctx, input }) => createResident(work(ctx), input)),
  update: write
    .input(residentUpdateInput)
    .output(residentDetail)
    .mutation(({ ctx, input }) => updateResident(work(ctx), input)),
  readmit: write
    .input(readmitInput)
    .output(residentDetail)
    .mutation(({ ctx, input }) => readmitResident(work(ctx), input)),
  transfer: write
    .input(transferInput)
    .output(residentDetail)
    .mutation(({ ctx, input }) => transferResident(work(ctx), input)),
  discharge: write
    .input(dischargeInput)
    .output(residentDetail)
    .mutation(({ ctx, input }) => dischargeResident(work(ctx), input)),
});

export const residentImportRouter = router({
  template: write.output(excelFile).query(async () => ({
    filename: 'mau-nhap-doi-tuong.xlsx',
    base64: await importTemplate(),
  })),
  upload: write
    .input(importUploadInput)
    .output(importUpload)
    .mutation(({ ctx, input }) => uploadImport(work(ctx), input.facilityId, input.fileBase64)),
  validate: write
    .input(importValidateInput)
    .output(importValidate)
    .mutation(({ ctx, input }) => validateImportSlice(work(ctx), input.batchId, input.fromRow, input.count)),
  commit: write
    .input(importCommitInput)
    .output(importCommit)
    .mutation(({ ctx, input }) => commitImport(work(ctx), input.batchId)),
});
