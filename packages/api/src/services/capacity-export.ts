import type { Queryable } from '@ansinh/db/client';
import type { FacilityScope } from '@ansinh/domain/roles';
import type { CapacityFigures, dashboardExportInput, OccupancyMonth } from '@ansinh/schemas/capacity';
import type { ExcelFile } from '@ansinh/schemas/common';
import { facilityTypeLabels } from '@ansinh/schemas/labels';
import type { z } from 'zod';
import { type SheetColumn, workbookBase64 } from '../excel.ts';
import { capacityDashboard, occupancyHistory } from './occupancy.ts';

/** The figure columns every capacity table shares, after its own leading columns. */
const figureColumns = <T extends CapacityFigures>(): SheetColumn<T>[] => [
  { header: 'Số cơ sở', width: 10, value: (r) => r.facilities, numFmt: '#,##0' },
  { header: 'Công suất được phép', width: 14, value: (r) => r.licensedCapacity, numFmt: '#,##0' },
  { header: 'Số giường', width: 12, value: (r) => r.beds, numFmt: '#,##0' },
  { header: 'Giường sử dụng được', width: 14, value: (r) => r.operationalBeds, numFmt: '#,##0' },
  { header: 'Giường có người', width: 14, value: (r) => r.occupied, numFmt: '#,##0' },
  { header: 'Giường trống', width: 12, value: (r) => r.vacancies, numFmt: '#,##0' },
  { header: 'Tỷ lệ lấp đầy', width: 12, value: (r) => r.occupancyRate, numFmt: '0.0%' },
];

const occupancyColumns: SheetColumn<OccupancyMonth>[] = [
  { header: 'Tháng', width: 10, value: (m) => m.month },
  { header: 'Bình quân giường có người', width: 16, value: (m) => m.averageOccupied, numFmt: '#,##0.0' },
  { header: 'Giường có người cuối tháng', width: 16, value: (m) => m.occupiedAtEnd, numFmt: '#,##0' },
  { header: 'Giường sử dụng được (hiện nay)', width: 18, value: (m) => m.beds, numFmt: '#,##0' },
  { header: 'Tỷ lệ lấp đầy', width: 12, value: (m) => m.rate, numFmt: '0.0%' },
];

/** Each table of the capacity dashboard as its own spreadsheet, with Vietnamese headings. */
export async function dashboardWorkbook(
  db: Queryable,
  scope: FacilityScope,
  input: z.infer<typeof dashboardExportInput>,
  onDate: string,
): Promise<ExcelFile> {
  const filename = (name: string) => `suc-chua-${name}-${onDate}.xlsx`;
  if (input.table === 'occupancy') {
    const history = await occupancyHistory(
      db,
      scope,
      { facilityId: input.facilityId, months: input.months, toMonth: input.toMonth },
      onDate,
    );
    return {
      filename: filename('lap-day-theo-thang'),
      base64: await workbookBase64('Lấp đầy theo tháng', occupancyColumns, history.months),
    };
  }
  const dashboard = await capacityDashboard(db, scope, input.facilityId, onDate);
  if (input.table === 'byType') {
    const columns: SheetColumn<(typeof dashboard.byType)[number]>[] = [
      {
        header: 'Loại hình',
        width: 32,
        value: (r) => facilityTypeLabels.vi[r.type],
      },
      ...figureColumns(),
    ];
    return {
      filename: filename('theo-loai-hinh'),
      base64: await workbookBase64('Theo loại hình', columns, dashboard.byType),
    };
  }
  if (input.table === 'byCommune') {
    const columns: SheetColumn<(typeof dashboard.byCommune)[number]>[] = [
      { header: 'Mã xã/phường', width: 12, value: (r) => r.communeCode },
      { header: 'Xã/phường', width: 28, value: (r) => r.communeName },
      ...figureColumns(),
    ];
    return {
      filename: filename('theo-xa-phuong'),
      base64: await workbookBase64('Theo xã, phường', columns, dashboard.byCommune),
    };
  }
  const columns: SheetColumn<(typeof dashboard.byFacility)[number]>[] = [
    { header: 'Mã cơ sở', width: 14, value: (r) => r.code },
    { header: 'Tên cơ sở', width: 44, value: (r) => r.name },
    {
      header: 'Loại hình',
      width: 28,
      value: (r) => facilityTypeLabels.vi[r.type],
    },
    { header: 'Xã/phường', width: 24, value: (r) => r.communeName },
    ...figureColumns(),
  ];
  return {
    filename: filename('theo-co-so'),
    base64: await workbookBase64('Theo cơ sở', columns, dashboard.byFacility),
  };
}
