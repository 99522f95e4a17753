import { z } from 'zod';
import { isoDate, text } from './common.ts';
import { facilityTypes } from './facility.ts';

export const careLevels = ['ordinary', 'intensive_24h'] as const;
export const bedStatuses = ['available', 'reserved', 'out_of_service'] as const;
export type CareLevel = (typeof careLevels)[number];
export type BedStatus = (typeof bedStatuses)[number];

const area = z.number().positive().max(100_000);

export const roomInput = z.object({
  facilityId: z.uuid(),
  name: text(1, 60),
  floorAreaM2: area,
  careLevel: z.enum(careLevels).default('ordinary'),
});
export const roomUpdateInput = z.object({
  id: z.uuid(),
  version: z.int().min(1),
  name: text(1, 60).optional(),
  floorAreaM2: area.optional(),
  careLevel: z.enum(careLevels).optional(),
});

const bedCode = text(1, 40);
/** Several beds at once: a room is usually furnished in one go. */
export const bedsCreateInput = z.object({
  roomId: z.uuid(),
  codes: z
    .array(bedCode)
    .min(1)
    .max(100)
    .refine((codes) => new Set(codes).size === codes.length, { message: 'Mã giường bị trùng' }),
});
export const bedUpdateInput = z.object({
  id: z.uuid(),
  version: z.int().min(1),
  code: bedCode.optional(),
  roomId: z.uuid().optional(),
  status: z.enum(bedStatuses).optional(),
});

/** Puts a resident in care, who has no bed, into one. */
export const assignBedInput = z.object({ residentId: z.uuid(), bedId: z.uuid(), fromOn: isoDate });
/** One action: the old bed is freed and the new one taken on the same day. */
export const moveBedInput = z.object({ residentId: z.uuid(), toBedId: z.uuid(), movedOn: isoDate });
/** The resident keeps their place in the centre but no bed (e.g. a hospital stay). */
export const releaseBedInput = z.object({ residentId: z.uuid(), releasedOn: isoDate });

export const occupant = z.object({
  residentId: z.uuid(),
  fullName: z.string(),
  fromOn: z.string(),
});
export const bedView = z.object({
  id: z.uuid(),
  code: z.string(),
  status: z.enum(bedStatuses),
  version: z.int(),
  occupant: occupant.nullable(),
  /** The application an open offer holds this bed for. */
  offeredTo: z.object({ applicationId: z.uuid(), fullName: z.string() }).nullable(),
});
export const roomView = z.object({
  id: z.uuid(),
  name: z.string(),
  floorAreaM2: z.number(),
  careLevel: z.enum(careLevels),
  version: z.int(),
  beds: z.array(bedView),
});
export const facilityBeds = z.object({
  facilityId: z.uuid(),
  onDate: z.string(),
  rooms: z.array(roomView),
  /** Residents in care here on the date without a bed. */
  unplaced: z.array(z.object({ residentId: z.uuid(), fullName: z.string(), admittedOn: z.string() })),
  totals: z.object({ beds: z.int(), operational: z.int(), occupied: z.int(), free: z.int() }),
});
export type FacilityBeds = z.infer<typeof facilityBeds>;
export type RoomView = z.infer<typeof roomView>;
export type BedView = z.infer<typeof bedView>;

export const bedHistoryEntry = z.object({
  residentId: z.uuid(),
  fullName: z.string(),
  fromOn: z.string(),
  untilOn: z.string().nullable(),
});

/** Occupancy per month, read from the assignment periods. */
export const occupancyHistoryInput = z.object({
  facilityId: z.uuid().optional(),
  months: z.int().min(1).max(60).default(24),
  /** The last month shown (YYYY-MM); the current month when left out. A future month shows up to today. */
  toMonth: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Tháng không hợp lệ (YYYY-MM)')
    .optional(),
});
export const occupancyMonth = z.object({
  month: z.string(),
  averageOccupied: z.number(),
  occupiedAtEnd: z.int(),
  beds: z.int(),
  /** Average occupied ÷ operational beds; null without beds. */
  rate: z.number().nullable(),
});
export const occupancyHistory = z.object({
  facilityId: z.uuid().nullable(),
  months: z.array(occupancyMonth),
});
export type OccupancyMonth = z.infer<typeof occupancyMonth>;

/** Beds and occupancy for one group of facilities (a type, a commune, one facility, or all). */
export const capacityFigures = z.object({
  facilities: z.int(),
  licensedCapacity: z.int(),
  beds: z.int(),
  operationalBeds: z.int(),
  occupied: z.int(),
  /** Operational beds that are free and not reserved. */
  vacancies: z.int(),
  /** Occupied ÷ operational beds; null without operational beds. */
  occupancyRate: z.number().nullable(),
});
export type CapacityFigures = z.infer<typeof capacityFigures>;

export const capacityDashboardInput = z.object({ facilityId: z.uuid().optional() });
export const capacityDashboard = z.object({
  onDate: z.string(),
  totals: capacityFigures,
  byType: z.array(capacityFigures.extend({ type: z.enum(facilityTypes) })),
  byCommune: z.array(capacityFigures.extend({ communeCode: z.string(), communeName: z.string() })),
  byFacility: z.array(
    capacityFigures.extend({
      facilityId: z.uuid(),
      code: z.string(),
      name: z.string(),
      type: z.enum(facilityTypes),
      communeName: z.string(),
    }),
  ),
});
export type CapacityDashboard = z.infer<typeof capacityDashboard>;
export const dashboardTables = ['byType', 'byCommune', 'byFacility', 'occupancy'] as const;
export const dashboardExportInput = capacityDashboardInput.extend({
  table: z.enum(dashboardTables),
  /** For the occupancy table: the same window as the screen. */
  months: occupancyHistoryInput.shape.months,
  toMonth: occupancyHistoryInput.shape.toMonth,
});
