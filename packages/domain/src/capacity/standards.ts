import { z } from 'zod';
import { isIsoDate } from '../entitlements/dates.ts';
import { staffingNormsSchema, statutoryStaffingNorms } from './staffing.ts';

/**
 * Care standards as versioned data: the space standards of Decree 103/2017/NĐ-CP Art. 24 and the
 * staffing norms of Circular 33/2017/TT-BLĐTBXH Art. 5. The department keeps a document like
 * `statutoryCareStandards` and may edit it (a province may set stricter standards); the functions
 * here only read it.
 *
 * HOW CAPACITY IS CHECKED AGAINST SPACE
 *
 * A standard "m² per resident" turns an area into a ceiling: the most residents the area allows,
 * floor(area ÷ m² per resident), since a part of a resident cannot be housed. Areas and standards
 * have at most two decimals (as recorded, numeric(…, 2)) and are divided in hundredths, so 0.3 m² ÷
 * 0.1 m² is exactly 3.
 *
 * - Bedroom ceiling: the sum over rooms of floor(floor area ÷ m² for the room's care level), so each
 *   room is judged on its own (two rooms of 11 m² house 1 + 1, not 22 ÷ 6 = 3). When no room is
 *   recorded, the facility's recorded bedroom area is divided by the ordinary standard (6 m²): the
 *   figure says nothing about care levels, so the result is the most the area could ever allow and
 *   is flagged `careLevelAssumed`.
 * - Land ceiling: floor(land area ÷ m² for the facility type and area type).
 * - A ceiling is null when its area is unknown; nothing is inferred.
 *
 * Each ceiling is compared with the licensed capacity, the operational beds and the occupied beds;
 * `over` is how many the figure exceeds the ceiling by.
 */

const isoDate = z.string().refine(isIsoDate, 'Expected an ISO date YYYY-MM-DD');

/** Square metres with at most two decimals, above zero. */
const m2 = z
  .number()
  .positive()
  .max(1_000_000)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9, 'At most two decimals');

export const facilityTypeValues = [
  'elderly',
  'children',
  'disability',
  'mental_health',
  'general',
  'social_work',
  'other',
] as const;
export type FacilityType = (typeof facilityTypeValues)[number];

export const areaTypeValues = ['urban', 'rural', 'mountainous'] as const;
export type AreaType = (typeof areaTypeValues)[number];

export const careLevelValues = ['ordinary', 'intensive_24h'] as const;
export type CareLevel = (typeof careLevelValues)[number];

export const m2ByAreaTypeSchema = z.strictObject({ urban: m2, rural: m2, mountainous: m2 });
export type M2ByAreaType = z.infer<typeof m2ByAreaTypeSchema>;

export const spaceStandardsSchema = z.strictObject({
  /** Bedroom floor area per resident, by the care the room's residents need. */
  bedroomM2PerResident: z.strictObject({ ordinary: m2, intensive_24h: m2 }),
  bedroomLegalBasis: z.string().min(1).optional(),
  /** Land per resident: `default`, unless the facility type has its own line. */
  landM2PerResident: z.strictObject({
    default: m2ByAreaTypeSchema,
    byFacilityType: z.partialRecord(z.enum(facilityTypeValues), m2ByAreaTypeSchema).default({}),
  }),
  landLegalBasis: z.string().min(1).optional(),
});
export type SpaceStandards = z.infer<typeof spaceStandardsSchema>;

export const careStandardsSchema = z.strictObject({
  id: z.string().min(1),
  version: z.string().min(1),
  title: z.strictObject({ vi: z.string().min(1), en: z.string().min(1) }).optional(),
  effectiveFrom: isoDate.optional(),
  space: spaceStandardsSchema,
  staffing: staffingNormsSchema,
});
export type CareStandards = z.infer<typeof careStandardsSchema>;
/** The document as a planner writes it (defaults not yet applied). */
export type CareStandardsInput = z.input<typeof careStandardsSchema>;

/** Validates a standards document read from storage or edited by a planner. Throws a ZodError. */
export function parseCareStandards(input: unknown): CareStandards {
  return careStandardsSchema.parse(input);
}

const DECREE = 'Nghị định 103/2017/NĐ-CP, Điều 24';

/** Decree 103/2017 Art. 24: the national space standards. */
export const statutorySpaceStandards: SpaceStandards = {
  bedroomM2PerResident: { ordinary: 6, intensive_24h: 8 },
  bedroomLegalBasis: `${DECREE} khoản 2`,
  landM2PerResident: {
    // Art. 24(1) gives 30 m² rural and 10 m² urban for facilities in general and sets no mountainous
    // figure for them (only mental-health facilities have one). A mountainous area is not urban, so
    // the rural value applies.
    default: { urban: 10, rural: 30, mountainous: 30 },
    byFacilityType: { mental_health: { urban: 80, rural: 100, mountainous: 120 } },
  },
  landLegalBasis: `${DECREE} khoản 1`,
};

export const statutoryCareStandards: CareStandards = {
  id: 'statutory',
  version: '2018-02-12',
  title: {
    vi: 'Tiêu chuẩn chăm sóc theo Nghị định 103/2017/NĐ-CP và Thông tư 33/2017/TT-BLĐTBXH',
    en: 'Care standards of Decree 103/2017 and Circular 33/2017',
  },
  // Circular 33/2017 (staffing norms) took effect on 12 February 2018; Decree 103/2017 on 1 November 2017.
  effectiveFrom: '2018-02-12',
  space: statutorySpaceStandards,
  staffing: statutoryStaffingNorms,
};

// ---------------------------------------------------------------------------------------------------
// Capacity against space

export interface CapacityRoom {
  id: string;
  name: string;
  floorAreaM2: number;
  careLevel: CareLevel;
  beds: number;
}

export interface CapacityInput {
  facilityType: FacilityType;
  areaType: AreaType;
  /** The area type was not recorded but inferred (e.g. from the commune). */
  areaTypeAssumed: boolean;
  landAreaM2: number | null;
  /** The facility's recorded bedroom area: used only when no room is recorded. */
  bedroomAreaM2: number | null;
  rooms: readonly CapacityRoom[];
  licensedCapacity: number | null;
  operationalBeds: number | null;
  occupiedBeds: number | null;
}

/** One room: "12 m² ÷ 6 m² = 2 residents", and its beds against that. */
export interface RoomCeiling {
  roomId: string;
  name: string;
  floorAreaM2: number;
  careLevel: CareLevel;
  m2PerResident: number;
  ceiling: number;
  beds: number;
  /** beds − ceiling when positive, else 0. */
  over: number;
}

export interface BedroomCeiling {
  /** 'rooms': summed room by room; 'facility': the recorded bedroom area (no room recorded). */
  source: 'rooms' | 'facility';
  /** Total bedroom area counted. */
  areaM2: number;
  ceiling: number;
  /** Per room (empty when source is 'facility'). */
  rooms: RoomCeiling[];
  /** Set when source is 'facility': the standard used and that the care level was assumed. */
  m2PerResident: number | null;
  careLevelAssumed: boolean;
  legalBasis: string | null;
}

export interface LandCeiling {
  areaM2: number;
  /** Which line of the standard applied: the facility type's own, or the default. */
  norm: FacilityType | 'default';
  areaType: AreaType;
  areaTypeAssumed: boolean;
  m2PerResident: number;
  ceiling: number;
  legalBasis: string | null;
}

export type CeilingKind = 'bedroom' | 'land';
export type ComparedFigure = 'licensed_capacity' | 'operational_beds' | 'occupied_beds';

export interface CapacityCheck {
  ceilingKind: CeilingKind;
  ceiling: number;
  figure: ComparedFigure;
  value: number;
  /** max(0, value − ceiling). */
  over: number;
}

export interface CapacityResult {
  facilityType: FacilityType;
  areaType: AreaType;
  areaTypeAssumed: boolean;
  /** null when neither rooms nor a bedroom area are recorded. */
  bedroom: BedroomCeiling | null;
  /** null when the land area is unknown. */
  land: LandCeiling | null;
  /** Areas that could not be checked. */
  unknown: ('bedroom_area' | 'land_area')[];
  /** One per ceiling × known figure, bedroom first, in the order licensed, operational, occupied. */
  checks: CapacityCheck[];
  /** Rooms with more beds than their own area allows. */
  overcrowdedRooms: RoomCeiling[];
  /** The largest `over` among the checks (0 when within every ceiling or nothing could be checked). */
  overBy: number;
  /** The check with that excess (the first one on a tie); null when overBy is 0. */
  worstCheck: CapacityCheck | null;
}

function hundredths(value: number): number {
  return Math.round(value * 100);
}

/** floor(area ÷ per resident), exact for values with at most two decimals. */
export function residentsForArea(areaM2: number, m2PerResident: number): number {
  if (!(areaM2 > 0)) return 0;
  return Math.floor(hundredths(areaM2) / hundredths(m2PerResident));
}

export function landM2PerResident(
  space: SpaceStandards,
  facilityType: FacilityType,
  areaType: AreaType,
): { norm: FacilityType | 'default'; m2PerResident: number } {
  const own = space.landM2PerResident.byFacilityType[facilityType];
  return own
    ? { norm: facilityType, m2PerResident: own[areaType] }
    : { norm: 'default', m2PerResident: space.landM2PerResident.default[areaType] };
}

function bedroomCeiling(input: CapacityInput, space: SpaceStandards): BedroomCeiling | null {
  const legalBasis = space.bedroomLegalBasis ?? null;
  if (input.rooms.length > 0) {
    let ceiling = 0;
    let areaHundredths = 0;
    const rooms = input.rooms.map((room): RoomCeiling => {
      const m2PerResident = space.bedroomM2PerResident[room.careLevel];
      const roomCeiling = residentsForArea(room.floorAreaM2, m2PerResident);
      ceiling += roomCeiling;
      areaHundredths += hundredths(room.floorAreaM2);
      return {
        roomId: room.id,
        name: room.name,
        floorAreaM2: room.floorAreaM2,
        careLevel: room.careLevel,
        m2PerResident,
        ceiling: roomCeiling,
        beds: room.beds,
        over: Math.max(0, room.beds - roomCeiling),
      };
    });
    return {
      source: 'rooms',
      areaM2: areaHundredths / 100,
      ceiling,
      rooms,
      m2PerResident: null,
      careLevelAssumed: false,
      legalBasis,
    };
  }
  if (input.bedroomAreaM2 === null) return null;
  const m2PerResident = space.bedroomM2PerResident.ordinary;
  return {
    source: 'facility',
    areaM2: input.bedroomAreaM2,
    ceiling: residentsForArea(input.bedroomAreaM2, m2PerResident),
    rooms: [],
    m2PerResident,
    careLevelAssumed: true,
    legalBasis,
  };
}

/** A facility's capacity figures against the ceilings its space allows (see the note at the top). */
export function capacityAgainstStandards(input: CapacityInput, space: SpaceStandards): CapacityResult {
  const bedroom = bedroomCeiling(input, space);
  let land: LandCeiling | null = null;
  if (input.landAreaM2 !== null) {
    const { norm, m2PerResident } = landM2PerResident(space, input.facilityType, input.areaType);
    land = {
      areaM2: input.landAreaM2,
      norm,
      areaType: input.areaType,
      areaTypeAssumed: input.areaTypeAssumed,
      m2PerResident,
      ceiling: residentsForArea(input.landAreaM2, m2PerResident),
      legalBasis: space.landLegalBasis ?? null,
    };
  }
  const unknown: CapacityResult['unknown'] = [];
  if (bedroom === null) unknown.push('bedroom_area');
  if (land === null) unknown.push('land_area');

  const figures: [ComparedFigure, number | null][] = [
    ['licensed_capacity', input.licensedCapacity],
    ['operational_beds', input.operationalBeds],
    ['occupied_beds', input.occupiedBeds],
  ];
  const checks: CapacityCheck[] = [];
  const ceilings: [CeilingKind, number | undefined][] = [
    ['bedroom', bedroom?.ceiling],
    ['land', land?.ceiling],
  ];
  let worstCheck: CapacityCheck | null = null;
  for (const [ceilingKind, ceiling] of ceilings) {
    if (ceiling === undefined) continue;
    for (const [figure, value] of figures) {
      if (value === null) continue;
      const check = { ceilingKind, ceiling, figure, value, over: Math.max(0, value - ceiling) };
      checks.push(check);
      if (check.over > (worstCheck?.over ?? 0)) worstCheck = check;
    }
  }
  return {
    facilityType: input.facilityType,
    areaType: input.areaType,
    areaTypeAssumed: input.areaTypeAssumed,
    bedroom,
    land,
    unknown,
    checks,
    overcrowdedRooms: bedroom?.rooms.filter((room) => room.over > 0) ?? [],
    overBy: worstCheck?.over ?? 0,
    worstCheck,
  };
}
