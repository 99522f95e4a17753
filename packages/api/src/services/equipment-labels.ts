import type {
  conditions,
  customFieldTypes,
  EquipmentCategory,
  fundingSources,
  itemStatuses,
  maintenanceKinds,
  stocktakeOutcomes,
} from '@ansinh/schemas/equipment';

/**
 * Vietnamese names of the equipment enums, for spreadsheets (export, import template, stock-take report)
 * and server-written texts. The web app translates the codes itself.
 */
export const categoryLabels: Record<EquipmentCategory, string> = {
  medical: 'Thiết bị y tế',
  rehabilitation: 'Thiết bị phục hồi chức năng',
  beds_furniture: 'Giường, tủ, bàn ghế',
  kitchen: 'Thiết bị nhà bếp',
  laundry: 'Thiết bị giặt là',
  it: 'Thiết bị công nghệ thông tin',
  vehicles: 'Phương tiện vận chuyển',
  other: 'Tài sản khác',
};

export const conditionLabels: Record<(typeof conditions)[number], string> = {
  good: 'Tốt',
  fair: 'Trung bình',
  poor: 'Kém',
  broken: 'Hỏng',
};

export const statusLabels: Record<(typeof itemStatuses)[number], string> = {
  in_use: 'Đang sử dụng',
  in_storage: 'Trong kho',
  under_repair: 'Đang sửa chữa',
  disposed: 'Đã thanh lý',
};

export const fundingLabels: Record<(typeof fundingSources)[number], string> = {
  provincial_budget: 'Ngân sách tỉnh',
  central_budget: 'Ngân sách trung ương',
  socialised: 'Xã hội hóa',
  donation: 'Tài trợ, quyên góp',
  other: 'Nguồn khác',
};

export const trackingLabels: Record<'individual' | 'stock', string> = {
  individual: 'Từng chiếc',
  stock: 'Theo số lượng',
};

export const maintenanceKindLabels: Record<(typeof maintenanceKinds)[number], string> = {
  preventive: 'Bảo dưỡng định kỳ',
  corrective: 'Sửa chữa',
  inspection: 'Kiểm tra',
  calibration: 'Hiệu chuẩn',
};

export const outcomeLabels: Record<(typeof stocktakeOutcomes)[number], string> = {
  found: 'Có, đúng vị trí',
  missing: 'Không tìm thấy',
  wrong_location: 'Sai vị trí',
  condition_changed: 'Tình trạng thay đổi',
  unexpected: 'Ngoài sổ sách',
};

export const customFieldTypeLabels: Record<(typeof customFieldTypes)[number], string> = {
  text: 'chữ',
  number: 'số',
  date: 'ngày (dd/mm/yyyy)',
  boolean: 'Có/Không',
};

/** ISO date → dd/mm/yyyy, the way Vietnamese documents write dates. */
export function viDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
