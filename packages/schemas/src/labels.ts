import type { Role } from '@ansinh/domain/roles';
import type {
  conditions,
  EquipmentCategory,
  fundingSources,
  itemStatuses,
  maintenanceKinds,
  requestKinds,
  requestStatuses,
  stocktakeOutcomes,
} from './equipment.ts';
import type { FacilityStatus, FacilityType, Ownership } from './facility.ts';

/**
 * Names of enum values in both UI languages. The web app's i18n resources and the server's
 * spreadsheet exports both read them from here, so a label is changed in one place.
 */
export type Lang = 'vi' | 'en';

export const facilityTypeLabels: Record<Lang, Record<FacilityType, string>> = {
  vi: {
    elderly: 'Chăm sóc người cao tuổi',
    children: 'Trẻ em có hoàn cảnh đặc biệt',
    disability: 'Người khuyết tật',
    mental_health: 'Người tâm thần, rối nhiễu tâm trí',
    general: 'Tổng hợp',
    social_work: 'Trung tâm công tác xã hội',
    other: 'Khác',
  },
  en: {
    elderly: 'Elderly care',
    children: 'Children in special circumstances',
    disability: 'Persons with disabilities',
    mental_health: 'Mental illness or psychological disorders',
    general: 'General (several groups)',
    social_work: 'Social work centre',
    other: 'Other',
  },
};

export const ownershipLabels: Record<Lang, Record<Ownership, string>> = {
  vi: { public: 'Công lập', non_public: 'Ngoài công lập' },
  en: { public: 'Public', non_public: 'Non-public' },
};

export const facilityStatusLabels: Record<Lang, Record<FacilityStatus, string>> = {
  vi: {
    planned: 'Đang thành lập',
    operating: 'Đang hoạt động',
    suspended: 'Tạm đình chỉ',
    closed: 'Đã giải thể',
  },
  en: { planned: 'Being established', operating: 'Operating', suspended: 'Suspended', closed: 'Closed' },
};

export const roleLabels: Record<Lang, Record<Role, string>> = {
  vi: {
    admin: 'Quản trị hệ thống',
    planner: 'Chuyên viên Sở',
    facility_manager: 'Lãnh đạo cơ sở',
    facility_staff: 'Nhân viên cơ sở',
    operator: 'Tổ chức, cá nhân thành lập cơ sở',
  },
  en: {
    admin: 'Administrator',
    planner: 'Department planner',
    facility_manager: 'Facility manager',
    facility_staff: 'Facility staff',
    operator: 'Operator',
  },
};

export const equipmentCategoryLabels: Record<Lang, Record<EquipmentCategory, string>> = {
  vi: {
    medical: 'Y tế',
    rehabilitation: 'Phục hồi chức năng',
    beds_furniture: 'Giường, tủ, bàn ghế',
    kitchen: 'Nhà bếp',
    laundry: 'Giặt là',
    it: 'Công nghệ thông tin',
    vehicles: 'Phương tiện đi lại',
    other: 'Khác',
  },
  en: {
    medical: 'Medical',
    rehabilitation: 'Rehabilitation',
    beds_furniture: 'Beds and furniture',
    kitchen: 'Kitchen',
    laundry: 'Laundry',
    it: 'Information technology',
    vehicles: 'Vehicles',
    other: 'Other',
  },
};

export const fundingSourceLabels: Record<Lang, Record<(typeof fundingSources)[number], string>> = {
  vi: {
    provincial_budget: 'Ngân sách tỉnh',
    central_budget: 'Ngân sách trung ương',
    socialised: 'Xã hội hóa',
    donation: 'Tài trợ, quyên góp',
    other: 'Khác',
  },
  en: {
    provincial_budget: 'Provincial budget',
    central_budget: 'Central budget',
    socialised: 'Private investment (socialised)',
    donation: 'Donation',
    other: 'Other',
  },
};

export const conditionLabels: Record<Lang, Record<(typeof conditions)[number], string>> = {
  vi: { good: 'Tốt', fair: 'Khá', poor: 'Kém', broken: 'Hỏng' },
  en: { good: 'Good', fair: 'Fair', poor: 'Poor', broken: 'Broken' },
};

export const itemStatusLabels: Record<Lang, Record<(typeof itemStatuses)[number], string>> = {
  vi: {
    in_use: 'Đang sử dụng',
    in_storage: 'Trong kho',
    under_repair: 'Đang sửa chữa',
    disposed: 'Đã thanh lý',
  },
  en: { in_use: 'In use', in_storage: 'In storage', under_repair: 'Under repair', disposed: 'Disposed' },
};

export const trackingLabels: Record<Lang, Record<'individual' | 'stock', string>> = {
  vi: { individual: 'Từng chiếc', stock: 'Theo số lượng' },
  en: { individual: 'Individually', stock: 'By quantity' },
};

export const maintenanceKindLabels: Record<Lang, Record<(typeof maintenanceKinds)[number], string>> = {
  vi: {
    preventive: 'Bảo dưỡng định kỳ',
    corrective: 'Sửa chữa',
    inspection: 'Kiểm tra',
    calibration: 'Hiệu chuẩn',
  },
  en: {
    preventive: 'Preventive maintenance',
    corrective: 'Repair',
    inspection: 'Inspection',
    calibration: 'Calibration',
  },
};

export const stocktakeOutcomeLabels: Record<Lang, Record<(typeof stocktakeOutcomes)[number], string>> = {
  vi: {
    found: 'Có',
    missing: 'Thiếu',
    wrong_location: 'Sai vị trí',
    condition_changed: 'Thay đổi tình trạng',
    unexpected: 'Thừa (ngoài sổ)',
  },
  en: {
    found: 'Found',
    missing: 'Missing',
    wrong_location: 'Wrong location',
    condition_changed: 'Condition changed',
    unexpected: 'Unexpected (not on register)',
  },
};

export const requestKindLabels: Record<Lang, Record<(typeof requestKinds)[number], string>> = {
  vi: { transfer: 'Điều chuyển', disposal: 'Thanh lý' },
  en: { transfer: 'Transfer', disposal: 'Disposal' },
};

export const requestStatusLabels: Record<Lang, Record<(typeof requestStatuses)[number], string>> = {
  vi: { requested: 'Chờ Sở duyệt', approved: 'Đã duyệt', rejected: 'Không duyệt' },
  en: { requested: 'Awaiting the department', approved: 'Approved', rejected: 'Rejected' },
};
