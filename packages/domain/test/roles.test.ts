import { describe, expect, it } from 'vitest';
import {
  type Action,
  actions,
  can,
  canReachFacility,
  type Role,
  roles,
  seesWholeProvince,
} from '../src/roles.ts';

/** The complete permission matrix, written out so any change to the role table must change this test. */
const expected: Record<Action, readonly Role[]> = {
  'facility.read': ['admin', 'planner', 'facility_manager', 'facility_staff', 'operator'],
  'facility.create': ['admin', 'planner', 'operator'],
  'facility.update': ['admin', 'planner', 'facility_manager', 'facility_staff', 'operator'],
  'audit.read': ['admin', 'planner'],
  'user.manage': ['admin'],
  'resident.read': ['admin', 'planner', 'facility_manager', 'facility_staff', 'operator'],
  'resident.write': ['admin', 'facility_manager', 'facility_staff', 'operator'],
  'entitlement.read': ['admin', 'planner', 'facility_manager', 'facility_staff', 'operator'],
  'policy.read': ['admin', 'planner', 'facility_manager', 'facility_staff', 'operator'],
  'policy.manage': ['admin', 'planner'],
  'equipment.read': ['admin', 'planner', 'facility_manager', 'facility_staff', 'operator'],
  'equipment.write': ['admin', 'facility_manager', 'facility_staff', 'operator'],
  'equipment.approve': ['admin', 'planner'],
  'equipment.catalogue': ['admin'],
  'capacity.read': ['admin', 'planner', 'facility_manager', 'facility_staff', 'operator'],
  'beds.manage': ['admin', 'facility_manager', 'facility_staff', 'operator'],
  'staffing.write': ['admin', 'facility_manager', 'operator'],
  'standards.manage': ['admin', 'planner'],
  'waitlist.read': ['admin', 'planner', 'facility_manager', 'facility_staff', 'operator'],
  'waitlist.write': ['admin', 'planner', 'facility_manager', 'facility_staff', 'operator'],
  'assessment.write': ['admin', 'planner', 'facility_manager', 'facility_staff', 'operator'],
  'proposal.read': ['admin', 'planner', 'facility_manager', 'facility_staff', 'operator'],
  'proposal.draft': ['admin', 'facility_manager', 'operator'],
  'proposal.review': ['admin', 'planner'],
};

describe('can', () => {
  it('covers exactly the actions of the matrix', () => {
    expect([...actions].sort()).toEqual(Object.keys(expected).sort());
  });

  const cases = actions.flatMap((action) =>
    roles.map((role) => [role, action, expected[action].includes(role)] as const),
  );
  it.each(cases)('%s may %s: %s', (role, action, allowed) => {
    expect(can(role, action)).toBe(allowed);
  });

  it('denies an action it does not know', () => {
    expect(can('admin', 'resident.delete' as Action)).toBe(false);
  });
});

describe('facility scope', () => {
  it('gives the department the whole province and nobody else', () => {
    expect(roles.filter(seesWholeProvince)).toEqual(['admin', 'planner']);
  });

  it('reaches only listed facilities for scoped users', () => {
    const scope = { kind: 'facilities', facilityIds: ['a', 'b'] } as const;
    expect(canReachFacility(scope, 'a')).toBe(true);
    expect(canReachFacility(scope, 'c')).toBe(false);
    expect(canReachFacility({ kind: 'facilities', facilityIds: [] }, 'a')).toBe(false);
    expect(canReachFacility({ kind: 'province' }, 'anything')).toBe(true);
  });
});
