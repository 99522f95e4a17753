/**
 * The planning tables of the capacity dashboard (standards, waitlist, investment) as spreadsheets:
 * each one is the summary the screen shows, computed by the same service, with Vietnamese headings.
 * The capacity tables themselves are exported by capacity-export.ts.
 */
import type { Db } from '@ansinh/db/client';
import type { FacilityScope } from '@ansinh/domain/roles';
import type { ExcelFile } from '@ansinh/schemas/common';
import { type ProposalTotals, proposalFundingLabels, proposalStatusLabels } from '@ansinh/schemas/investment';
import { facilityTypeLabels } from '@ansinh/schemas/labels';
import {
  ceilingKindLabels,
  comparedFigureLabels,
  type OverviewRow,
  staffRoleLabels,
} from '@ansinh/schemas/standards';
import type { WaitlistMetrics } from '@ansinh/schemas/waitlist';
import { z } from 'zod';
import { type SheetColumn, workbookBase64 } from '../excel.ts';
import { proposalTotals } from './investment.ts';
import { provinceOverview } from './standards.ts';
import { metrics } from './waitlist-list.ts';

export const waitlistMetricsTables = ['byFacilityType', 'byCommune'] as const;
export const waitlistMetricsExportInput = z.object({ table: z.enum(waitlistMetricsTables) });

export const investmentTotalsTables = ['byStatus', 'byYear', 'byFunding'] as const;
export const investmentTotalsExportInput = z.object({
  facilityId: z.uuid().optional(),
  table: z.enum(investmentTotalsTables),
});

// ---- standards: facilities over the standards, staffing gaps -----------------------------------

/** As the screen names them (the schemas keep no label map for area types). */
const areaTypeLabels: Record<OverviewRow['areaType'], string> = {
  urban: 'Đô thị',
  rural: 'Nông thôn',
  mountainous: 'Miền núi',
};

/** The largest excess, as the screen states it: the figure, its value against the ceiling, and which. */
export function worstCheckText(row: OverviewRow): string | null {
  const check = row.worstCheck;
  if (!check) return null;
  return `${comparedFigureLabels.vi[check.figure]} ${check.value}/${check.ceiling} (${ceilingKindLabels.vi[check.ceilingKind]})`;
}

/** The roles short of staff, e.g. 'Nhân viên y tế: 2; Nhân viên dinh dưỡng: 1'. */
export function staffGapsText(row: OverviewRow): string {
  return row.staffing.roles
    .filter((role) => role.gap > 0)
    .map((role) => `${staffRoleLabels.vi[role.role]}: ${role.gap}`)
    .join('; ');
}

export const overviewColumns: SheetColumn<OverviewRow>[] = [
  { header: 'Mã cơ sở', width: 14, value: (r) => r.code },
  { header: 'Tên cơ sở', width: 44, value: (r) => r.name },
  { header: 'Loại hình', width: 28, value: (r) => facilityTypeLabels.vi[r.type] },
  { header: 'Khu vực', width: 12, value: (r) => areaTypeLabels[r.areaType] },
  { header: 'Công suất được phép', width: 14, value: (r) => r.licensedCapacity, numFmt: '#,##0' },
  { header: 'Giường sử dụng được', width: 14, value: (r) => r.operationalBeds, numFmt: '#,##0' },
  { header: 'Giường có người', width: 14, value: (r) => r.occupiedBeds, numFmt: '#,##0' },
  { header: 'Số đối tượng đang nuôi dưỡng', width: 16, value: (r) => r.residents, numFmt: '#,##0' },
  { header: 'Mức tối đa theo diện tích phòng ở', width: 18, value: (r) => r.bedroomCeiling, numFmt: '#,##0' },
  { header: 'Mức tối đa theo diện tích đất', width: 18, value: (r) => r.landCeiling, numFmt: '#,##0' },
  { header: 'Vượt mức tối đa', width: 12, value: (r) => r.overBy, numFmt: '#,##0' },
  { header: 'Chỉ tiêu vượt nhiều nhất', width: 44, value: worstCheckText },
  { header: 'Số phòng quá chật', width: 12, value: (r) => r.overcrowdedRooms, numFmt: '#,##0' },
  { header: 'Số nhân viên còn thiếu', width: 14, value: (r) => r.staffing.missingStaff, numFmt: '#,##0' },
  { header: 'Thiếu theo vị trí', width: 50, value: staffGapsText },
  {
    header: 'Nhân viên gián tiếp vượt định mức',
    width: 16,
    value: (r) => r.staffing.indirectOver,
    numFmt: '#,##0',
  },
  {
    header: 'Số đối tượng thiếu thông tin',
    width: 14,
    value: (r) => r.staffing.missingFacts,
    numFmt: '#,##0',
  },
];

/** Every facility of the caller's scope as the standards overview reports it (closed ones left out). */
export async function standardsOverviewWorkbook(
  db: Db,
  scope: FacilityScope,
  onDate: string,
): Promise<ExcelFile> {
  const overview = await provinceOverview(db, scope, onDate);
  return {
    filename: `tieu-chuan-co-so-vuot-chuan-thieu-nhan-su-${onDate}.xlsx`,
    base64: await workbookBase64('Vượt tiêu chuẩn, thiếu nhân sự', overviewColumns, overview.rows),
  };
}

// ---- waitlist metrics --------------------------------------------------------------------------

export const waitlistByTypeColumns: SheetColumn<WaitlistMetrics['byFacilityType'][number]>[] = [
  { header: 'Loại hình', width: 40, value: (r) => facilityTypeLabels.vi[r.facilityType] },
  { header: 'Số hồ sơ đang chờ', width: 14, value: (r) => r.count, numFmt: '#,##0' },
];

export const waitlistByCommuneColumns: SheetColumn<WaitlistMetrics['byCommune'][number]>[] = [
  { header: 'Mã xã/phường', width: 12, value: (r) => r.communeCode },
  { header: 'Xã/phường', width: 28, value: (r) => r.communeName },
  { header: 'Số hồ sơ đang chờ', width: 14, value: (r) => r.count, numFmt: '#,##0' },
];

/** One table of the waitlist metrics over the open applications the caller may see. */
export async function waitlistMetricsWorkbook(
  db: Db,
  scope: FacilityScope,
  input: z.infer<typeof waitlistMetricsExportInput>,
  onDate: string,
): Promise<ExcelFile> {
  const data = await metrics(db, scope, onDate);
  if (input.table === 'byFacilityType') {
    return {
      filename: `danh-sach-cho-theo-loai-hinh-${onDate}.xlsx`,
      base64: await workbookBase64('Chờ theo loại hình', waitlistByTypeColumns, data.byFacilityType),
    };
  }
  return {
    filename: `danh-sach-cho-theo-xa-phuong-${onDate}.xlsx`,
    base64: await workbookBase64('Chờ theo xã, phường', waitlistByCommuneColumns, data.byCommune),
  };
}

// ---- investment totals -------------------------------------------------------------------------

const countColumn = { header: 'Số đề xuất', width: 12, numFmt: '#,##0' } as const;
const costColumn = { header: 'Kinh phí dự kiến (đồng)', width: 20, numFmt: '#,##0' } as const;
const approvedColumn = { header: 'Trong đó đã duyệt trở lên (đồng)', width: 20, numFmt: '#,##0' } as const;

export const totalsByStatusColumns: SheetColumn<ProposalTotals['byStatus'][number]>[] = [
  { header: 'Trạng thái', width: 20, value: (r) => proposalStatusLabels.vi[r.status] },
  { ...countColumn, value: (r) => r.count },
  { ...costColumn, value: (r) => r.costVnd },
];

export const totalsByYearColumns: SheetColumn<ProposalTotals['byYear'][number]>[] = [
  { header: 'Năm đề nghị', width: 12, value: (r) => r.year },
  { ...countColumn, value: (r) => r.count },
  { ...costColumn, value: (r) => r.costVnd },
  { ...approvedColumn, value: (r) => r.approvedVnd },
];

export const totalsByFundingColumns: SheetColumn<ProposalTotals['byFundingSource'][number]>[] = [
  { header: 'Nguồn vốn', width: 24, value: (r) => proposalFundingLabels.vi[r.fundingSource] },
  { ...countColumn, value: (r) => r.count },
  { ...costColumn, value: (r) => r.costVnd },
  { ...approvedColumn, value: (r) => r.approvedVnd },
];

/** One table of the investment totals, over the caller's scope or one facility in it. */
export async function investmentTotalsWorkbook(
  db: Db,
  scope: FacilityScope,
  input: z.infer<typeof investmentTotalsExportInput>,
  onDate: string,
): Promise<ExcelFile> {
  const totals = await proposalTotals(db, scope, { facilityId: input.facilityId });
  const filename = (name: string) => `de-xuat-dau-tu-${name}-${onDate}.xlsx`;
  if (input.table === 'byStatus') {
    return {
      filename: filename('theo-trang-thai'),
      base64: await workbookBase64('Theo trạng thái', totalsByStatusColumns, totals.byStatus),
    };
  }
  if (input.table === 'byYear') {
    return {
      filename: filename('theo-nam'),
      base64: await workbookBase64('Theo năm', totalsByYearColumns, totals.byYear),
    };
  }
  return {
    filename: filename('theo-nguon-von'),
    base64: await workbookBase64('Theo nguồn vốn', totalsByFundingColumns, totals.byFundingSource),
  };
}
