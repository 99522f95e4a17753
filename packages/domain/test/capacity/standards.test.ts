import { describe, expect, it } from 'vitest';
import {
  type AreaType,
  type CapacityInput,
  type CapacityRoom,
  capacityAgainstStandards,
  careStandardsSchema,
  type FacilityType,
  parseCareStandards,
  residentsForArea,
  statutoryCareStandards,
} from '../../src/capacity/standards.ts';

const space = statutoryCareStandards.space;

const room = (overrides: Partial<CapacityRoom> = {}): CapacityRoom => ({
  id: 'r1',
  name: 'Phòng 1',
  floorAreaM2: 12,
  careLevel: 'ordinary',
  beds: 2,
  ...overrides,
});

const input = (overrides: Partial<CapacityInput> = {}): CapacityInput => ({
  facilityType: 'elderly',
  areaType: 'rural',
  areaTypeAssumed: false,
  landAreaM2: null,
  bedroomAreaM2: null,
  rooms: [],
  licensedCapacity: null,
  operationalBeds: null,
  occupiedBeds: null,
  ...overrides,
});

describe('the statutory standards document', () => {
  it('is valid against its own schema', () => {
    expect(parseCareStandards(statutoryCareStandards)).toEqual(statutoryCareStandards);
  });

  it('cites Decree 103/2017 Art. 24 and Circular 33/2017 Art. 5', () => {
    expect(space.bedroomLegalBasis).toContain('103/2017');
    expect(space.landLegalBasis).toContain('Điều 24 khoản 1');
    expect(statutoryCareStandards.staffing.directCareLegalBasis).toContain('33/2017');
  });

  it('rejects a standard with more than two decimals or not positive', () => {
    const bad = structuredClone(statutoryCareStandards);
    bad.space.bedroomM2PerResident.ordinary = 6.001;
    expect(careStandardsSchema.safeParse(bad).success).toBe(false);
    bad.space.bedroomM2PerResident.ordinary = 0;
    expect(careStandardsSchema.safeParse(bad).success).toBe(false);
  });

  it('rejects unknown keys (a typo in a planner edit is not ignored)', () => {
    const bad = { ...structuredClone(statutoryCareStandards), extra: 1 };
    expect(careStandardsSchema.safeParse(bad).success).toBe(false);
  });
});

describe('bedroom area: 6 m² ordinary, 8 m² for 24-hour care (Art. 24(2))', () => {
  it.each<[string, number, CapacityRoom['careLevel'], number]>([
    ['12 m² ordinary → 2', 12, 'ordinary', 2],
    ['11.99 m² ordinary → 1', 11.99, 'ordinary', 1],
    ['12 m² 24-hour care → 1', 12, 'intensive_24h', 1],
    ['16 m² 24-hour care → 2', 16, 'intensive_24h', 2],
    ['15.99 m² 24-hour care → 1', 15.99, 'intensive_24h', 1],
    ['5.99 m² ordinary → 0', 5.99, 'ordinary', 0],
  ])('%s', (_case, floorAreaM2, careLevel, ceiling) => {
    const result = capacityAgainstStandards(input({ rooms: [room({ floorAreaM2, careLevel })] }), space);
    expect(result.bedroom?.ceiling).toBe(ceiling);
    expect(result.bedroom?.rooms[0]).toMatchObject({
      floorAreaM2,
      careLevel,
      m2PerResident: careLevel === 'ordinary' ? 6 : 8,
      ceiling,
    });
  });

  it('sums room by room, each floored on its own', () => {
    const rooms = [room({ id: 'a', floorAreaM2: 11 }), room({ id: 'b', floorAreaM2: 11 })];
    const result = capacityAgainstStandards(input({ rooms }), space);
    expect(result.bedroom).toMatchObject({ source: 'rooms', areaM2: 22, ceiling: 2 });
  });

  it('mixes care levels per room', () => {
    const rooms = [
      room({ id: 'a', floorAreaM2: 24, careLevel: 'ordinary' }),
      room({ id: 'b', floorAreaM2: 24, careLevel: 'intensive_24h' }),
    ];
    expect(capacityAgainstStandards(input({ rooms }), space).bedroom?.ceiling).toBe(4 + 3);
  });

  it('divides exactly in hundredths (no float error)', () => {
    expect(residentsForArea(0.3, 0.1)).toBe(3);
    expect(residentsForArea(18.6, 6.2)).toBe(3);
    expect(residentsForArea(0, 6)).toBe(0);
  });

  it('uses the facility bedroom area at 6 m² only when no room is recorded, and says so', () => {
    const result = capacityAgainstStandards(input({ bedroomAreaM2: 100 }), space);
    expect(result.bedroom).toMatchObject({
      source: 'facility',
      areaM2: 100,
      m2PerResident: 6,
      ceiling: 16,
      careLevelAssumed: true,
      rooms: [],
    });
    const withRooms = capacityAgainstStandards(input({ bedroomAreaM2: 100, rooms: [room()] }), space);
    expect(withRooms.bedroom).toMatchObject({ source: 'rooms', ceiling: 2, careLevelAssumed: false });
  });

  it('is null (and listed as unknown) when neither rooms nor an area are recorded', () => {
    const result = capacityAgainstStandards(input({ licensedCapacity: 50 }), space);
    expect(result.bedroom).toBeNull();
    expect(result.unknown).toEqual(['bedroom_area', 'land_area']);
    expect(result.checks).toEqual([]);
    expect(result.overBy).toBe(0);
    expect(result.worstCheck).toBeNull();
  });

  it('lists rooms with more beds than their area allows', () => {
    const rooms = [
      room({ id: 'ok', floorAreaM2: 12, beds: 2 }),
      room({ id: 'full', name: 'Phòng 2', floorAreaM2: 12, beds: 3 }),
      room({ id: 'care', floorAreaM2: 12, careLevel: 'intensive_24h', beds: 2 }),
    ];
    const result = capacityAgainstStandards(input({ rooms }), space);
    expect(result.overcrowdedRooms.map((r) => [r.roomId, r.ceiling, r.beds, r.over])).toEqual([
      ['full', 2, 3, 1],
      ['care', 1, 2, 1],
    ]);
  });
});

describe('land area (Art. 24(1))', () => {
  it.each<[FacilityType, AreaType, number]>([
    ['elderly', 'urban', 10],
    ['elderly', 'rural', 30],
    // No mountainous figure for general facilities: the rural value applies.
    ['elderly', 'mountainous', 30],
    ['children', 'urban', 10],
    ['general', 'rural', 30],
    ['mental_health', 'urban', 80],
    ['mental_health', 'rural', 100],
    ['mental_health', 'mountainous', 120],
  ])('%s, %s: %i m² per resident', (facilityType, areaType, perResident) => {
    const landAreaM2 = 2400;
    const result = capacityAgainstStandards(input({ facilityType, areaType, landAreaM2 }), space);
    expect(result.land).toMatchObject({
      areaM2: 2400,
      areaType,
      m2PerResident: perResident,
      ceiling: Math.floor(2400 / perResident),
      norm: facilityType === 'mental_health' ? 'mental_health' : 'default',
    });
  });

  it('mountainous mental-health: 2400 m² ÷ 120 = 20, 2399 m² → 19', () => {
    const at = (landAreaM2: number) =>
      capacityAgainstStandards(
        input({ facilityType: 'mental_health', areaType: 'mountainous', landAreaM2 }),
        space,
      ).land?.ceiling;
    expect(at(2400)).toBe(20);
    expect(at(2399.99)).toBe(19);
  });

  it('carries the assumed area type through', () => {
    const result = capacityAgainstStandards(input({ landAreaM2: 300, areaTypeAssumed: true }), space);
    expect(result.areaTypeAssumed).toBe(true);
    expect(result.land?.areaTypeAssumed).toBe(true);
  });

  it('follows a planner edit (a province line for a facility type)', () => {
    const edited = structuredClone(space);
    edited.landM2PerResident.byFacilityType.children = { urban: 15, rural: 40, mountainous: 50 };
    const result = capacityAgainstStandards(
      input({ facilityType: 'children', areaType: 'mountainous', landAreaM2: 500 }),
      edited,
    );
    expect(result.land).toMatchObject({ norm: 'children', m2PerResident: 50, ceiling: 10 });
  });
});

describe('checks against licensed capacity, operational beds and occupied beds', () => {
  const rooms = [room({ floorAreaM2: 60, beds: 10 })]; // bedroom ceiling 10
  const base = input({ rooms, landAreaM2: 240, areaType: 'rural' }); // land ceiling 8

  it('one check per ceiling × known figure, with over = max(0, figure − ceiling)', () => {
    const result = capacityAgainstStandards(
      { ...base, licensedCapacity: 12, operationalBeds: 10, occupiedBeds: 7 },
      space,
    );
    expect(result.checks).toEqual([
      { ceilingKind: 'bedroom', ceiling: 10, figure: 'licensed_capacity', value: 12, over: 2 },
      { ceilingKind: 'bedroom', ceiling: 10, figure: 'operational_beds', value: 10, over: 0 },
      { ceilingKind: 'bedroom', ceiling: 10, figure: 'occupied_beds', value: 7, over: 0 },
      { ceilingKind: 'land', ceiling: 8, figure: 'licensed_capacity', value: 12, over: 4 },
      { ceilingKind: 'land', ceiling: 8, figure: 'operational_beds', value: 10, over: 2 },
      { ceilingKind: 'land', ceiling: 8, figure: 'occupied_beds', value: 7, over: 0 },
    ]);
    expect(result.overBy).toBe(4);
    expect(result.worstCheck).toMatchObject({ ceilingKind: 'land', figure: 'licensed_capacity' });
  });

  it('skips unknown figures', () => {
    const result = capacityAgainstStandards({ ...base, occupiedBeds: 9 }, space);
    expect(result.checks.map((c) => [c.ceilingKind, c.figure])).toEqual([
      ['bedroom', 'occupied_beds'],
      ['land', 'occupied_beds'],
    ]);
    expect(result.overBy).toBe(1);
  });

  it('is 0 over when every figure is within the ceilings', () => {
    const result = capacityAgainstStandards({ ...base, licensedCapacity: 8, occupiedBeds: 8 }, space);
    expect(result.overBy).toBe(0);
    expect(result.worstCheck).toBeNull();
  });

  it('keeps the first check on a tie for the largest excess', () => {
    const result = capacityAgainstStandards(
      input({ rooms: [room({ floorAreaM2: 48 })], landAreaM2: 240, licensedCapacity: 10 }),
      space,
    );
    expect(result.overBy).toBe(2);
    expect(result.worstCheck?.ceilingKind).toBe('bedroom');
  });
});
