import { excelFile } from '@ansinh/schemas/common';
import {
  facility,
  facilityDirectoryEntry,
  facilityDirectoryInput,
  facilityFilter,
  facilityInput,
  facilityListInput,
  facilityPage,
  facilityUpdateInput,
} from '@ansinh/schemas/facility';
import { z } from 'zod';
import { today } from '../config.ts';
import { workbookBase64 } from '../excel.ts';
import {
  createFacility,
  facilitiesForExport,
  facilityDirectory,
  getFacility,
  listFacilities,
  updateFacility,
} from '../services/facilities.ts';
import { facilityExportColumns } from '../services/facility-export.ts';
import { procedureFor, router } from '../trpc.ts';

const read = procedureFor('facility.read');

export const facilitiesRouter = router({
  list: read
    .input(facilityListInput)
    .output(facilityPage)
    .query(({ ctx, input }) => listFacilities(ctx.db, ctx.user.scope, input)),
  directory: read
    .input(facilityDirectoryInput)
    .output(z.array(facilityDirectoryEntry))
    .query(({ ctx, input }) => facilityDirectory(ctx.db, input)),
  byId: read
    .input(z.object({ id: z.uuid() }))
    .output(facility)
    .query(({ ctx, input }) => getFacility(ctx.db, ctx.user.scope, input.id)),
  export: read
    .input(facilityFilter)
    .output(excelFile)
    .query(async ({ ctx, input }) => {
      const rows = await facilitiesForExport(ctx.db, ctx.user.scope, input);
      const date = today(ctx.config);
      return {
        filename: `co-so-tro-giup-xa-hoi-${date}.xlsx`,
        base64: await workbookBase64('Cơ sở', facilityExportColumns, rows),
      };
    }),
  create: procedureFor('facility.create')
    .input(facilityInput)
    .output(facility)
    .mutation(({ ctx, input }) => createFacility(ctx.db, ctx.user, ctx.meta, input)),
  update: procedureFor('facility.update')
    .input(facilityUpdateInput)
    .output(facility)
    .mutation(({ ctx, input }) => updateFacility(ctx.db, ctx.user, ctx.meta, input)),
});
