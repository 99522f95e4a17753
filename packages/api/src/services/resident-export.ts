import { groupLabels } from '@ansinh/domain/entitlements/facts';
import type { ResidentListItem } from '@ansinh/schemas/resident';
import type { SheetColumn } from '../excel.ts';

const asDate = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
const entitlementNames = {
  entitled: 'Đang hưởng',
  not_entitled: 'Không hưởng',
  incomplete: 'Thiếu thông tin',
} as const;

/** Vietnamese column set of the resident list export. */
export const residentExportColumns: SheetColumn<ResidentListItem>[] = [
  { header: 'Họ và tên', width: 28, value: (r) => r.fullName },
  {
    header: 'Ngày sinh',
    width: 12,
    value: (r) => (r.birthDatePrecision === 'year' ? r.birthDate.slice(0, 4) : asDate(r.birthDate)),
    numFmt: 'dd/mm/yyyy',
  },
  { header: 'Giới tính', width: 9, value: (r) => (r.sex === 'male' ? 'Nam' : 'Nữ') },
  { header: 'Nhóm đối tượng', width: 40, value: (r) => groupLabels[r.group].vi },
  { header: 'Cơ sở', width: 40, value: (r) => r.facilityName },
  { header: 'Ngày tiếp nhận', width: 12, value: (r) => asDate(r.admittedOn), numFmt: 'dd/mm/yyyy' },
  { header: 'Ngày ra khỏi cơ sở', width: 12, value: (r) => asDate(r.dischargedOn), numFmt: 'dd/mm/yyyy' },
  { header: 'Chế độ tháng này', width: 16, value: (r) => entitlementNames[r.entitlementStatus] },
  { header: 'Số tiền tháng này (đồng)', width: 16, value: (r) => r.monthlyAllowanceVnd, numFmt: '#,##0' },
];
