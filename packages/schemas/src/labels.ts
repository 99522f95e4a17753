import type { Role } from '@ansinh/domain/roles';
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
