import type {
  conditions,
  customFieldTypes,
  dueItem,
  equipmentRequest,
  fundingSources,
  itemStatuses,
  maintenanceKinds,
  maintenanceRecord,
  schedule,
  stocktakeLine,
  stocktakeOutcomes,
} from '@ansinh/schemas/equipment';
import type { z } from 'zod';

export type Condition = (typeof conditions)[number];
export type ItemStatus = (typeof itemStatuses)[number];
export type FundingSource = (typeof fundingSources)[number];
export type MaintenanceKind = (typeof maintenanceKinds)[number];
export type CustomFieldType = (typeof customFieldTypes)[number];
export type StocktakeOutcome = (typeof stocktakeOutcomes)[number];
export type Tracking = 'individual' | 'stock';
export type MaintenanceRecord = z.infer<typeof maintenanceRecord>;
export type Schedule = z.infer<typeof schedule>;
export type EquipmentRequest = z.infer<typeof equipmentRequest>;
export type StocktakeLine = z.infer<typeof stocktakeLine>;
export type DueItem = z.infer<typeof dueItem>;
