import { excelFile } from '@ansinh/schemas/common';
import {
  residentHistory as historyOutput,
  residentHistoryInput,
  residentMonthInput,
  residentMonth as residentMonthOutput,
  roll,
  rollExportInput,
  rollInput,
} from '@ansinh/schemas/entitlement';
import {
  checkHistoryRange,
  residentHistory,
  residentMonth,
  rollData,
  rollPage,
} from '../services/entitlements.ts';
import { rollFilename, rollWorkbookBase64 } from '../services/roll-export.ts';
import { procedureFor, router } from '../trpc.ts';

const read = procedureFor('entitlement.read');

/** At most 36 months, `to` not before `from`: refused as input (BAD_REQUEST) before any lookup. */
const historyInput = residentHistoryInput.check((ctx) => {
  try {
    checkHistoryRange(ctx.value);
  } catch (error) {
    const issue = (error as { issues?: { message: string }[] }).issues?.[0];
    ctx.issues.push({
      code: 'custom',
      path: ['to'],
      message: issue?.message ?? 'Invalid range',
      input: ctx.value.to,
    });
  }
});

export const entitlementsRouter = router({
  forResident: read
    .input(residentMonthInput)
    .output(residentMonthOutput)
    .query(({ ctx, input }) => residentMonth(ctx.db, ctx.user.scope, input)),
  history: read
    .input(historyInput)
    .output(historyOutput)
    .query(({ ctx, input }) => residentHistory(ctx.db, ctx.user.scope, input)),
  roll: read
    .input(rollInput)
    .output(roll)
    .query(({ ctx, input }) => rollPage(ctx.db, ctx.user.scope, input)),
  rollExport: read
    .input(rollExportInput)
    .output(excelFile)
    .query(async ({ ctx, input }) => {
      const data = await rollData(ctx.db, ctx.user.scope, input);
      return {
        filename: rollFilename(data),
        base64: await rollWorkbookBase64(data, ctx.config.departmentName),
      };
    }),
});
