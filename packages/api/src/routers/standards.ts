import { excelFile } from '@ansinh/schemas/common';
import {
  facilityReport,
  facilityReportInput,
  provinceOverview,
  setStaffInput,
  settingVersion,
  staffCounts,
  standardsCurrentInput,
  standardsSaveInput,
  standardsVersionsInput,
} from '@ansinh/schemas/standards';
import { z } from 'zod';
import { today } from '../config.ts';
import { standardsOverviewWorkbook } from '../services/dashboard-export.ts';
import { setStaff } from '../services/staffing.ts';
import {
  provinceOverview as buildOverview,
  currentSetting,
  facilityStandards,
  saveSetting,
  settingHistory,
} from '../services/standards.ts';
import { procedureFor, router } from '../trpc.ts';

const read = procedureFor('capacity.read');

export const standardsRouter = router({
  /** The version of a setting in force on a day (default today); null before the first version. */
  current: read
    .input(standardsCurrentInput)
    .output(settingVersion.nullable())
    .query(({ ctx, input }) => currentSetting(ctx.db, input.kind, input.onDate, today(ctx.config))),
  versions: read
    .input(standardsVersionsInput)
    .output(z.array(settingVersion))
    .query(({ ctx, input }) => settingHistory(ctx.db, input.kind, today(ctx.config))),
  save: procedureFor('standards.manage')
    .input(standardsSaveInput)
    .output(settingVersion)
    .mutation(({ ctx, input }) => saveSetting(ctx.db, ctx.user, ctx.meta, input, today(ctx.config))),
  facilityReport: read
    .input(facilityReportInput)
    .output(facilityReport)
    .query(
      async ({ ctx, input }) =>
        (await facilityStandards(ctx.db, ctx.user.scope, input.facilityId, today(ctx.config))).report,
    ),
  provinceOverview: read
    .output(provinceOverview)
    .query(({ ctx }) => buildOverview(ctx.db, ctx.user.scope, today(ctx.config))),
  /** The overview's rows in scope as a spreadsheet. */
  overviewExport: read
    .output(excelFile)
    .query(({ ctx }) => standardsOverviewWorkbook(ctx.db, ctx.user.scope, today(ctx.config))),
  setStaff: procedureFor('staffing.write')
    .input(setStaffInput)
    .output(staffCounts)
    .mutation(({ ctx, input }) => setStaff(ctx.db, ctx.user, ctx.meta, input)),
});
