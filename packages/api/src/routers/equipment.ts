import {
  assetCode as assetCodeSchema,
  categoryField,
  categoryFieldInput,
  dashboardInput,
  decisionInput,
  disposalRequestInput,
  dueFilter,
  dueInput,
  duePage,
  equipmentDashboard,
  equipmentImportInput,
  equipmentImportPreview,
  equipmentImportResult,
  equipmentRequest,
  excelFile,
  item,
  itemFilter,
  itemHistoryEntry,
  itemInput,
  itemListInput,
  itemModel,
  itemModelInput,
  itemModelUpdateInput,
  itemPage,
  itemUpdateInput,
  labelSheetInput,
  maintenanceInput,
  maintenanceRecord,
  moveInRoomsInput,
  requestFilter,
  requestListInput,
  requestPage,
  schedule,
  scheduleInput,
  stocktakeListInput,
  stocktakeMarkInput,
  stocktakePage,
  stocktakeReport,
  stocktakeStartInput,
  stocktakeUnexpectedInput,
  transferRequestInput,
} from '@ansinh/schemas/equipment';
import { z } from 'zod';
import type { Context, SessionUser } from '../context.ts';
import { workbookBase64 } from '../excel.ts';
import {
  createCategoryField,
  createModel,
  listCategoryFields,
  listModels,
  removeCategoryField,
  updateModel,
} from '../services/equipment-catalogue.ts';
import { type EquipmentWork, isoDayOf } from '../services/equipment-common.ts';
import { equipmentDashboard as buildDashboard } from '../services/equipment-dashboard.ts';
import {
  applyEquipmentImport,
  equipmentImportTemplate,
  previewEquipmentImport,
} from '../services/equipment-import.ts';
import {
  createItem,
  getItem,
  itemByAssetCode,
  itemHistory,
  itemsForExport,
  labelItems,
  listItems,
  moveInRooms,
  updateItem,
} from '../services/equipment-items.ts';
import {
  addSchedule,
  dueExportColumns,
  dueMaintenance,
  duesForExport,
  maintenanceOfItem,
  recordMaintenance,
  schedulesOfItem,
  stopSchedule,
} from '../services/equipment-maintenance.ts';
import {
  decideRequest,
  listRequests,
  requestDisposal,
  requestExportColumns,
  requestsForExport,
  requestTransfer,
} from '../services/equipment-requests.ts';
import { itemExportColumns } from '../services/equipment-sheet.ts';
import {
  addUnexpected,
  applyStocktake,
  currentStocktake,
  listStocktakes,
  stocktakeReport as loadStocktakeReport,
  markStocktake,
  startStocktake,
  stocktakeWorkbook,
} from '../services/equipment-stocktakes.ts';
import { procedureFor, router } from '../trpc.ts';

/** What the staff of a centre (and operators) do with their own items; the department reads everything. */
const read = procedureFor('equipment.read');
const write = procedureFor('equipment.write');
/** Moves between facilities and disposals are the department's decision. */
const approve = procedureFor('equipment.approve');
/** Models and custom fields: administrators. */
const catalogue = procedureFor('equipment.catalogue');

const work = (ctx: Context & { user: SessionUser }): EquipmentWork => ({
  db: ctx.db,
  actor: ctx.user,
  meta: ctx.meta,
  today: isoDayOf(ctx.config.now()),
});
const byId = z.object({ id: z.uuid() });
const byItem = z.object({ itemId: z.uuid() });

const categoryFieldsRouter = router({
  list: read.output(z.array(categoryField)).query(({ ctx }) => listCategoryFields(ctx.db)),
  create: catalogue
    .input(categoryFieldInput)
    .output(categoryField)
    .mutation(({ ctx, input }) => createCategoryField(work(ctx), input)),
  remove: catalogue
    .input(byId)
    .output(categoryField)
    .mutation(({ ctx, input }) => removeCategoryField(work(ctx), input.id)),
});

const modelsRouter = router({
  list: read.output(z.array(itemModel)).query(({ ctx }) => listModels(ctx.db)),
  create: catalogue
    .input(itemModelInput)
    .output(itemModel)
    .mutation(({ ctx, input }) => createModel(work(ctx), input)),
  update: catalogue
    .input(itemModelUpdateInput)
    .output(itemModel)
    .mutation(({ ctx, input }) => updateModel(work(ctx), input)),
});

const itemsRouter = router({
  list: read
    .input(itemListInput)
    .output(itemPage)
    .query(({ ctx, input }) => listItems(ctx.db, ctx.user.scope, input, work(ctx).today)),
  byId: read
    .input(byId)
    .output(item)
    .query(({ ctx, input }) => getItem(work(ctx), input.id)),
  byAssetCode: read
    .input(z.object({ assetCode: assetCodeSchema }))
    .output(item)
    .query(({ ctx, input }) => itemByAssetCode(work(ctx), input.assetCode)),
  create: write
    .input(itemInput)
    .output(item)
    .mutation(({ ctx, input }) => createItem(work(ctx), input)),
  update: write
    .input(itemUpdateInput)
    .output(item)
    .mutation(({ ctx, input }) => updateItem(work(ctx), input)),
  moveInRooms: write
    .input(moveInRoomsInput)
    .output(item)
    .mutation(({ ctx, input }) => moveInRooms(work(ctx), input)),
  history: read
    .input(byId)
    .output(z.array(itemHistoryEntry))
    .query(({ ctx, input }) => itemHistory(work(ctx), input.id)),
  export: read
    .input(itemFilter)
    .output(excelFile)
    .query(async ({ ctx, input }) => {
      const { today } = work(ctx);
      const [rows, fields] = await Promise.all([
        itemsForExport(ctx.db, ctx.user.scope, input, today),
        listCategoryFields(ctx.db),
      ]);
      return {
        filename: `tai-san-${today}.xlsx`,
        base64: await workbookBase64('Tài sản', itemExportColumns(fields, today), rows),
      };
    }),
  /** Item data for the printable QR label sheet (the web app draws the codes). */
  labels: read
    .input(labelSheetInput)
    .output(z.array(item))
    .query(({ ctx, input }) => labelItems(work(ctx), input.itemIds)),
});

const maintenanceRouter = router({
  record: write
    .input(maintenanceInput)
    .output(maintenanceRecord)
    .mutation(({ ctx, input }) => recordMaintenance(work(ctx), input)),
  listForItem: read
    .input(byItem)
    .output(z.array(maintenanceRecord))
    .query(({ ctx, input }) => maintenanceOfItem(work(ctx), input.itemId)),
  schedules: read
    .input(byItem)
    .output(z.array(schedule))
    .query(({ ctx, input }) => schedulesOfItem(work(ctx), input.itemId)),
  addSchedule: write
    .input(scheduleInput)
    .output(schedule)
    .mutation(({ ctx, input }) => addSchedule(work(ctx), input)),
  stopSchedule: write
    .input(byId)
    .output(schedule)
    .mutation(({ ctx, input }) => stopSchedule(work(ctx), input.id)),
  due: read
    .input(dueInput)
    .output(duePage)
    .query(({ ctx, input }) => dueMaintenance(ctx.db, work(ctx), input)),
  /** The due list as it is filtered on screen, every row. */
  exportDue: read
    .input(dueFilter)
    .output(excelFile)
    .query(async ({ ctx, input }) => {
      const { today } = work(ctx);
      return {
        filename: `bao-duong-den-han-${today}.xlsx`,
        base64: await workbookBase64(
          'Bảo dưỡng đến hạn',
          dueExportColumns(today),
          await duesForExport(ctx.db, work(ctx), input),
        ),
      };
    }),
});

const requestsRouter = router({
  transfer: write
    .input(transferRequestInput)
    .output(equipmentRequest)
    .mutation(({ ctx, input }) => requestTransfer(work(ctx), input)),
  disposal: write
    .input(disposalRequestInput)
    .output(equipmentRequest)
    .mutation(({ ctx, input }) => requestDisposal(work(ctx), input)),
  decide: approve
    .input(decisionInput)
    .output(equipmentRequest)
    .mutation(({ ctx, input }) => decideRequest(work(ctx), input)),
  list: read
    .input(requestListInput)
    .output(requestPage)
    .query(({ ctx, input }) => listRequests(ctx.db, ctx.user.scope, input)),
  /** The request list as it is filtered on screen, every row. */
  export: read
    .input(requestFilter)
    .output(excelFile)
    .query(async ({ ctx, input }) => ({
      filename: `de-nghi-dieu-chuyen-thanh-ly-${work(ctx).today}.xlsx`,
      base64: await workbookBase64(
        'Đề nghị',
        requestExportColumns(ctx.config.timeZone),
        await requestsForExport(ctx.db, ctx.user.scope, input),
      ),
    })),
});

const stocktakesRouter = router({
  start: write
    .input(stocktakeStartInput)
    .output(stocktakeReport)
    .mutation(({ ctx, input }) => startStocktake(work(ctx), input.facilityId)),
  /** A facility's stock-takes, newest first, with their counts; each opens as its report. */
  list: read
    .input(stocktakeListInput)
    .output(stocktakePage)
    .query(({ ctx, input }) => listStocktakes(ctx.db, ctx.user.scope, input)),
  current: read
    .input(stocktakeStartInput)
    .output(stocktakeReport.nullable())
    .query(({ ctx, input }) => currentStocktake(ctx.db, ctx.user.scope, input.facilityId)),
  mark: write
    .input(stocktakeMarkInput)
    .output(stocktakeReport)
    .mutation(({ ctx, input }) => markStocktake(work(ctx), input)),
  addUnexpected: write
    .input(stocktakeUnexpectedInput)
    .output(stocktakeReport)
    .mutation(({ ctx, input }) => addUnexpected(work(ctx), input)),
  report: read
    .input(byId)
    .output(stocktakeReport)
    .query(({ ctx, input }) => loadStocktakeReport(ctx.db, ctx.user.scope, input.id)),
  /** "apply" in the brief: a name tRPC reserves (then/call/apply), so the count is finished instead. */
  finish: write
    .input(byId)
    .output(stocktakeReport)
    .mutation(({ ctx, input }) => applyStocktake(work(ctx), input.id)),
  exportReport: read
    .input(byId)
    .output(excelFile)
    .query(async ({ ctx, input }) => {
      const report = await loadStocktakeReport(ctx.db, ctx.user.scope, input.id);
      const day = isoDayOf(report.appliedAt ?? report.startedAt);
      return { filename: `kiem-ke-tai-san-${day}.xlsx`, base64: await stocktakeWorkbook(report) };
    }),
});

const importRouter = router({
  template: write.output(excelFile).query(async ({ ctx }) => ({
    filename: 'mau-nhap-tai-san.xlsx',
    base64: await equipmentImportTemplate(ctx.db),
  })),
  preview: write
    .input(equipmentImportInput)
    .output(equipmentImportPreview)
    .mutation(({ ctx, input }) => previewEquipmentImport(work(ctx), input)),
  /** "apply" in the brief: a name tRPC reserves (then/call/apply); `commit` as in residentImport. */
  commit: write
    .input(equipmentImportInput)
    .output(equipmentImportResult)
    .mutation(({ ctx, input }) => applyEquipmentImport(work(ctx), input)),
});

export const equipmentRouter = router({
  categoryFields: categoryFieldsRouter,
  models: modelsRouter,
  items: itemsRouter,
  maintenance: maintenanceRouter,
  requests: requestsRouter,
  stocktakes: stocktakesRouter,
  import: importRouter,
  dashboard: read
    .input(dashboardInput)
    .output(equipmentDashboard)
    .query(({ ctx, input }) => buildDashboard(ctx.db, ctx.user.scope, input, work(ctx).today)),
});
