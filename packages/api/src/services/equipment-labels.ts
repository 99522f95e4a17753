import type { customFieldTypes } from '@ansinh/schemas/equipment';
import {
  equipmentCategoryLabels,
  fundingSourceLabels,
  itemStatusLabels,
  conditionLabels as sharedConditionLabels,
  maintenanceKindLabels as sharedMaintenanceKindLabels,
  requestKindLabels as sharedRequestKindLabels,
  requestStatusLabels as sharedRequestStatusLabels,
  trackingLabels as sharedTrackingLabels,
  stocktakeOutcomeLabels,
} from '@ansinh/schemas/labels';

/**
 * Vietnamese names of the equipment enums for spreadsheets (export, import template, stock-take report)
 * and server-written texts: the same words the screens use, from the shared labels.
 */
export const categoryLabels = equipmentCategoryLabels.vi;
export const conditionLabels = sharedConditionLabels.vi;
export const statusLabels = itemStatusLabels.vi;
export const fundingLabels = fundingSourceLabels.vi;
export const trackingLabels = sharedTrackingLabels.vi;
export const maintenanceKindLabels = sharedMaintenanceKindLabels.vi;
export const outcomeLabels = stocktakeOutcomeLabels.vi;
export const requestKindLabels = sharedRequestKindLabels.vi;
export const requestStatusLabels = sharedRequestStatusLabels.vi;

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
