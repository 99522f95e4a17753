import { groupLabels } from '@ansinh/domain/entitlements/facts';
import { facilityTypeLabels } from '@ansinh/schemas/labels';
import {
  type ApplicationListItem,
  applicationStatusLabels,
  explanationText,
  urgencyLabels,
  type Vulnerability,
  vulnerabilityFlagLabels,
} from '@ansinh/schemas/waitlist';
import type { SheetColumn } from '../excel.ts';

const asDate = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

function circumstances(v: Vulnerability): string {
  const labels = vulnerabilityFlagLabels.vi;
  const out: string[] = [];
  if (v.disabilityLevel) out.push(labels[`${v.disabilityLevel}_disability`]);
  if (v.lonelyElderly) out.push(labels.lonely_elderly);
  if (v.orphanOrAbandoned) out.push(labels.orphan_or_abandoned);
  if (v.noMeansOfSupport) out.push(labels.no_means_of_support);
  if (v.mentalIllness) out.push(labels.mental_illness);
  return out.join(', ');
}

function requested(a: ApplicationListItem): string {
  return [a.requestedFacilityName, a.requestedFacilityType && facilityTypeLabels.vi[a.requestedFacilityType]]
    .filter(Boolean)
    .join(' / ');
}

/** Vietnamese column set of the waitlist export, in the list's order (the priority order by default). */
export const waitlistExportColumns: SheetColumn<ApplicationListItem>[] = [
  { header: 'Thứ tự ưu tiên', width: 10, value: (a) => a.rank },
  { header: 'Họ và tên', width: 28, value: (a) => a.fullName },
  { header: 'Ngày sinh', width: 12, value: (a) => asDate(a.birthDate), numFmt: 'dd/mm/yyyy' },
  { header: 'Giới tính', width: 9, value: (a) => (a.sex === 'male' ? 'Nam' : 'Nữ') },
  { header: 'Số định danh cá nhân', width: 16, value: (a) => a.idNumber },
  { header: 'Xã/phường quê quán', width: 24, value: (a) => a.homeCommuneName },
  { header: 'Nhóm đối tượng', width: 36, value: (a) => groupLabels[a.group].vi },
  { header: 'Mức độ khẩn cấp', width: 14, value: (a) => urgencyLabels.vi[a.urgency] },
  { header: 'Hoàn cảnh', width: 36, value: (a) => circumstances(a.vulnerability) },
  { header: 'Nơi đề nghị tiếp nhận', width: 40, value: requested },
  { header: 'Ngày nộp đơn', width: 12, value: (a) => asDate(a.appliedOn), numFmt: 'dd/mm/yyyy' },
  { header: 'Số ngày chờ', width: 10, value: (a) => a.waitingDays, numFmt: '#,##0' },
  { header: 'Trạng thái', width: 20, value: (a) => applicationStatusLabels.vi[a.status] },
  {
    header: 'Giường đang đề nghị',
    width: 30,
    value: (a) => (a.openOffer ? `${a.openOffer.bedCode} — ${a.openOffer.facilityName}` : null),
  },
  {
    header: 'Lý do xếp thứ tự',
    width: 80,
    value: (a) => (a.explanation ? explanationText(a.explanation) : null),
  },
  { header: 'Ngày đóng hồ sơ', width: 12, value: (a) => asDate(a.closedOn), numFmt: 'dd/mm/yyyy' },
  { header: 'Lý do rút', width: 30, value: (a) => a.closeReason },
  { header: 'Ghi chú', width: 40, value: (a) => a.notes },
];
