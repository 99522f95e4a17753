import type { Facility } from '@ansinh/schemas/facility';
import { facilityStatusLabels, facilityTypeLabels, ownershipLabels } from '@ansinh/schemas/labels';
import type { SheetColumn } from '../excel.ts';

/** Vietnamese column set of the facility list export (the department's working language). */
export const facilityExportColumns: SheetColumn<Facility>[] = [
  { header: 'Mã cơ sở', width: 16, value: (f) => f.code },
  { header: 'Tên cơ sở', width: 50, value: (f) => f.name },
  { header: 'Loại hình', width: 30, value: (f) => facilityTypeLabels.vi[f.type] },
  { header: 'Loại hình sở hữu', width: 16, value: (f) => ownershipLabels.vi[f.ownership] },
  { header: 'Xã/phường', width: 24, value: (f) => f.communeName },
  { header: 'Tỉnh/thành phố', width: 24, value: (f) => f.provinceName },
  { header: 'Địa chỉ', width: 36, value: (f) => f.address },
  { header: 'Điện thoại', width: 16, value: (f) => f.phone },
  { header: 'Công suất (giường)', width: 12, value: (f) => f.licensedCapacity, numFmt: '#,##0' },
  { header: 'Diện tích đất (m²)', width: 14, value: (f) => f.landAreaM2, numFmt: '#,##0.##' },
  { header: 'Diện tích phòng ở (m²)', width: 14, value: (f) => f.bedroomAreaM2, numFmt: '#,##0.##' },
  { header: 'Trạng thái', width: 18, value: (f) => facilityStatusLabels.vi[f.status] },
  { header: 'Số quyết định/giấy phép', width: 20, value: (f) => f.decisionNumber },
  {
    header: 'Ngày quyết định/giấy phép',
    width: 14,
    value: (f) => (f.decisionDate ? new Date(`${f.decisionDate}T00:00:00Z`) : null),
    numFmt: 'dd/mm/yyyy',
  },
  { header: 'Tổ chức, cá nhân thành lập', width: 36, value: (f) => f.operatorOrganisation },
  { header: 'Chi phí chăm sóc (đồng/người/tháng)', width: 16, value: (f) => f.careCostVnd, numFmt: '#,##0' },
];
