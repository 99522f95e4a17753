import { describe, expect, it } from 'vitest';
import {
  assessedSystemValues,
  canEditProposal,
  canMoveProposal,
  fundingSourceValues,
  nextProposalStatuses,
  type ProposalSide,
  type ProposalStatus,
  proposalCategoryValues,
  proposalSideValues,
  proposalStatusValues,
  proposalTransitions,
  suggestedNeeds,
} from '../../src/capacity/proposals.ts';
import {
  type StaffingResident,
  staffingRequirement,
  statutoryStaffingNorms,
} from '../../src/capacity/staffing.ts';
import {
  type CapacityInput,
  capacityAgainstStandards,
  statutoryCareStandards,
} from '../../src/capacity/standards.ts';

describe('value lists', () => {
  it('match the database constraints', () => {
    expect(proposalStatusValues).toEqual([
      'draft',
      'submitted',
      'under_review',
      'approved',
      'rejected',
      'funded',
      'completed',
    ]);
    expect(proposalCategoryValues).toEqual(['construction', 'repair', 'equipment', 'it']);
    expect(fundingSourceValues).toEqual(['provincial_budget', 'central', 'socialised', 'other']);
    expect(assessedSystemValues).toEqual([
      'roof',
      'water',
      'electricity',
      'fire_safety',
      'accessibility',
      'kitchen',
    ]);
  });
});

describe('the transition table', () => {
  /** Every allowed move, as "from → to by side". Anything else is refused. */
  const allowed = new Set([
    'draft → submitted by centre',
    'submitted → draft by centre',
    'submitted → under_review by department',
    'under_review → approved by department',
    'under_review → rejected by department',
    'rejected → draft by centre',
    'approved → funded by department',
    'funded → completed by department',
  ]);

  const every: [ProposalStatus, ProposalStatus, ProposalSide][] = [];
  for (const from of proposalStatusValues) {
    for (const to of proposalStatusValues) {
      for (const side of proposalSideValues) every.push([from, to, side]);
    }
  }

  it.each(every)('%s → %s by %s', (from, to, side) => {
    expect(canMoveProposal(from, to, side)).toBe(allowed.has(`${from} → ${to} by ${side}`));
  });

  it('has exactly the moves listed', () => {
    expect(proposalTransitions.map((t) => `${t.from} → ${t.to} by ${t.side}`).sort()).toEqual(
      [...allowed].sort(),
    );
  });

  it('a submitted proposal is not rejected without a review', () => {
    expect(canMoveProposal('submitted', 'rejected', 'department')).toBe(false);
    expect(canMoveProposal('under_review', 'rejected', 'department')).toBe(true);
  });

  it('completed is final', () => {
    for (const side of proposalSideValues) expect(nextProposalStatuses('completed', side)).toEqual([]);
  });

  it('lists the next statuses per side', () => {
    expect(nextProposalStatuses('submitted', 'centre')).toEqual(['draft']);
    expect(nextProposalStatuses('submitted', 'department')).toEqual(['under_review']);
    expect(nextProposalStatuses('under_review', 'department')).toEqual(['approved', 'rejected']);
    expect(nextProposalStatuses('under_review', 'centre')).toEqual([]);
    expect(nextProposalStatuses('rejected', 'centre')).toEqual(['draft']);
    expect(nextProposalStatuses('rejected', 'department')).toEqual([]);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(proposalTransitions)).toBe(true);
  });

  it('only the centre edits, and only a draft', () => {
    for (const status of proposalStatusValues) {
      expect(canEditProposal(status, 'centre')).toBe(status === 'draft');
      expect(canEditProposal(status, 'department')).toBe(false);
    }
  });
});

describe('suggestedNeeds', () => {
  const space = statutoryCareStandards.space;
  const capacityInput: CapacityInput = {
    facilityType: 'elderly',
    areaType: 'rural',
    areaTypeAssumed: false,
    landAreaM2: 1200, // 40 residents
    bedroomAreaM2: null,
    rooms: [
      { id: 'a', name: 'A', floorAreaM2: 120, careLevel: 'ordinary', beds: 20 }, // 20
      { id: 'b', name: 'B', floorAreaM2: 160, careLevel: 'intensive_24h', beds: 20 }, // 20
    ],
    licensedCapacity: 50,
    operationalBeds: 40,
    occupiedBeds: 38,
  };

  it('offers one construction need per exceeded ceiling, with the least area to add', () => {
    const needs = suggestedNeeds(capacityAgainstStandards(capacityInput, space), null);
    expect(needs).toEqual([
      {
        kind: 'space',
        key: 'space:bedroom',
        category: 'construction',
        ceilingKind: 'bedroom',
        ceiling: 40,
        figure: 'licensed_capacity',
        value: 50,
        over: 10,
        m2PerResident: 6,
        minimumAdditionalM2: 60,
        legalBasis: space.bedroomLegalBasis,
      },
      {
        kind: 'space',
        key: 'space:land',
        category: 'construction',
        ceilingKind: 'land',
        ceiling: 40,
        figure: 'licensed_capacity',
        value: 50,
        over: 10,
        m2PerResident: 30,
        minimumAdditionalM2: 300,
        legalBasis: space.landLegalBasis,
      },
    ]);
  });

  it('bedrooms all for 24-hour care: at least 8 m² per extra resident', () => {
    const rooms = [{ id: 'b', name: 'B', floorAreaM2: 80, careLevel: 'intensive_24h' as const, beds: 10 }];
    const needs = suggestedNeeds(
      capacityAgainstStandards(
        {
          ...capacityInput,
          rooms,
          landAreaM2: null,
          licensedCapacity: 12,
          operationalBeds: 10,
          occupiedBeds: 10,
        },
        space,
      ),
      null,
    );
    expect(needs).toMatchObject([
      { key: 'space:bedroom', over: 2, m2PerResident: 8, minimumAdditionalM2: 16 },
    ]);
  });

  it('nothing when within every ceiling; overcrowded rooms alone are not an investment', () => {
    const rooms = [
      { id: 'a', name: 'A', floorAreaM2: 12, careLevel: 'ordinary' as const, beds: 3 },
      { id: 'b', name: 'B', floorAreaM2: 12, careLevel: 'ordinary' as const, beds: 1 },
    ];
    const result = capacityAgainstStandards(
      { ...capacityInput, rooms, licensedCapacity: 4, operationalBeds: 4, occupiedBeds: 4 },
      space,
    );
    expect(result.overcrowdedRooms).toHaveLength(1);
    expect(suggestedNeeds(result, null)).toEqual([]);
  });

  it('offers a staffing need per role short of the norm, without a category', () => {
    const residents: StaffingResident[] = Array.from({ length: 12 }, (_, i) => ({
      id: `r${i}`,
      birthDate: '1950-01-01',
      disabled: false,
      mentalIllnessSeverity: null,
      hivPositive: false,
      selfCare: false,
      foundHomeless: false,
      studying: false,
    }));
    // 12 dependent elderly: 3 carers, 1 social worker, 1 psychologist, 1 medical, 1 nutrition.
    const staffing = staffingRequirement(
      residents,
      { carer: 1, social_worker: 1, psychologist: 2, medical: 1 },
      statutoryStaffingNorms,
      '2026-03-15',
    );
    expect(suggestedNeeds(null, staffing)).toEqual([
      {
        kind: 'staffing',
        key: 'staffing:carer',
        category: null,
        role: 'carer',
        required: 3,
        recorded: 1,
        gap: 2,
      },
      {
        kind: 'staffing',
        key: 'staffing:nutrition',
        category: null,
        role: 'nutrition',
        required: 1,
        recorded: 0,
        gap: 1,
      },
    ]);
  });

  it('nothing to suggest without results', () => {
    expect(suggestedNeeds(null, null)).toEqual([]);
  });
});
